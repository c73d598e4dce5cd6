// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IUnion} from "../../contracts/src/interfaces/IUnion.sol";
import {Union} from "../../contracts/src/Union.sol";
import {UnionTestBase} from "./utils/UnionTestBase.sol";

/// @notice Gas of the calls members make most, written to test/contracts/snapshots/UnionGas.json.
/// @dev Numbers are only meaningful as whole transactions: run
/// `GAS_SNAPSHOT=true forge test --isolate --match-contract UnionGasTest`. Without GAS_SNAPSHOT the tests still
/// run (as smoke tests) but record nothing, so a plain `forge test` never overwrites the committed figures
/// with non-isolated ones (warm storage and same-transaction checkpoints read ~22k low).
contract UnionGasTest is UnionTestBase {
    function setUp() public override {
        super.setUp();
        _recordGasAs("UnionGas");
    }

    function test_gas_createUnion() public {
        vm.prank(founder);
        factory.createUnion(_params(IUnion.AdmissionRule.Open));
        _snap("createUnion (1 allocation)");
    }

    function test_gas_join_open() public {
        vm.prank(alice);
        union.join();
        _snap("join (open)");
    }

    function test_gas_join_invite() public {
        Union.Invite memory invite = _invite(founder, alice, 0, block.timestamp + 1 days);
        bytes memory signature = _sign(founderKey, invite);
        vm.prank(alice);
        union.joinWithInvite(invite, signature, "");
        _snap("join (invite)");
    }

    /// @dev The back that unlocks: a trusted member's vouch that reaches the threshold (k = 1 here), which
    /// also mints the grant and self-delegates.
    function test_gas_vouch_unlocks() public {
        _join(alice);
        vm.prank(founder);
        union.back(alice);
        _snap("vouch (back that trusts: grant + delegate)");
    }

    function test_gas_backAndFollow() public {
        _joinTrusted(alice);
        _joinTrusted(bob);
        vm.prank(bob);
        union.backAndFollow(alice);
        _snap("backAndFollow");
    }

    function test_gas_back() public {
        _join(alice);
        vm.prank(alice);
        union.back(founder);
        _snap("back");
    }

    function test_gas_unback() public {
        _join(alice);
        vm.prank(alice);
        union.back(founder);
        vm.prank(alice);
        union.unback(founder);
        _snap("unback");
    }
}
