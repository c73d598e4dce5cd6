// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {UnionGovernor} from "../../../contracts/src/UnionGovernor.sol";
import {UnionTimelock} from "../../../contracts/src/UnionTimelock.sol";
import {UnionToken} from "../../../contracts/src/UnionToken.sol";
import {GovernanceTestBase} from "./GovernanceTestBase.sol";

contract Stable is ERC20 {
    constructor() ERC20("Stable", "USD") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}

/// @dev Issue 12: exit rights while a passed proposal waits in the timelock.
contract RagequitTest is GovernanceTestBase {
    Stable internal usd;
    uint256 internal constant ETH = 90 ether;
    uint256 internal constant USD = 9_000e18;

    address[] internal t;
    uint256[] internal v;
    bytes[] internal c;
    string internal constant DESC = "pay carol everything";

    function setUp() public override {
        super.setUp();
        usd = new Stable();
        usd.mint(address(timelock), USD);
        vm.deal(address(timelock), ETH);
    }

    /// @dev A proposal paying carol all ETH, passed by founder + alice (bob votes against) and queued.
    function _queueDrain() internal returns (uint256 id) {
        (t, v, c) = _one(carol, "");
        v[0] = ETH;
        id = _proposeAndVote(t, v, c, DESC, [FOR, FOR, AGAINST]);
        governor.queue(t, v, c, keccak256(bytes(DESC)));
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Queued));
    }

    function _tokens() internal view returns (address[] memory list) {
        list = new address[](1);
        list[0] = address(usd);
    }

    function _memberSupply() internal view returns (uint256) {
        return token.totalSupply() - token.balanceOf(address(timelock));
    }

    function test_ragequit_paysShareOfEthAndTokensAndLeaves() public {
        uint256 id = _queueDrain();
        uint256 supply = _memberSupply();
        vm.expectEmit(address(timelock));
        emit UnionTimelock.Ragequit(bob, id, GRANT, supply, ETH * GRANT / supply);
        vm.prank(bob);
        timelock.ragequit(id, GRANT, _tokens());
        assertEq(bob.balance, ETH * GRANT / supply);
        assertEq(usd.balanceOf(bob), USD * GRANT / supply);
        assertEq(token.balanceOf(bob), 0, "burnt");
        assertFalse(union.isMember(bob), "left");
        // the exit was paid in full before execution; the proposal then moves what is left
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.expectRevert();
        governor.execute(t, v, c, keccak256(bytes(DESC)));
    }

    /// @dev Gas of an exit paying ETH and one ERC-20, written to test/contracts/snapshots/GovernanceGas.json with
    /// `GAS_SNAPSHOT=true forge test --isolate --match-test test_gas_ragequit` (see Gas.t.sol).
    function test_gas_ragequit() public {
        _recordGasAs("GovernanceGas");
        uint256 id = _queueDrain();
        // a later block: the exit writes its own checkpoints, as on chain
        vm.roll(block.number + 1);
        vm.warp(block.timestamp + 12);
        vm.prank(bob);
        timelock.ragequit(id, GRANT, _tokens());
        _snap("ragequit (ETH + 1 ERC-20, whole grant)");
        assertFalse(union.isMember(bob));
    }

    function test_ragequit_revertWhen_CallerVotedFor() public {
        uint256 id = _queueDrain();
        vm.expectRevert(abi.encodeWithSelector(UnionTimelock.UnionTimelock_VotedFor.selector, id, alice));
        vm.prank(alice);
        timelock.ragequit(id, GRANT, _tokens());
    }

    function test_ragequit_revertWhen_NotQueued() public {
        (t, v, c) = _one(carol, "");
        vm.prank(alice);
        uint256 id = governor.propose(t, v, c, "x");
        vm.expectRevert(
            abi.encodeWithSelector(UnionTimelock.UnionTimelock_NotQueued.selector, id, IGovernor.ProposalState.Pending)
        );
        vm.prank(bob);
        timelock.ragequit(id, GRANT, _tokens());
    }

    function test_ragequit_revertWhen_AfterExecution() public {
        uint256 id = _queueDrain();
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        governor.execute(t, v, c, keccak256(bytes(DESC)));
        vm.expectRevert(
            abi.encodeWithSelector(UnionTimelock.UnionTimelock_NotQueued.selector, id, IGovernor.ProposalState.Executed)
        );
        vm.prank(bob);
        timelock.ragequit(id, GRANT, _tokens());
    }

    /// @dev Tokens bought after the snapshot cannot be burnt for a share: the cap is the snapshot votes.
    function test_ragequit_revertWhen_AmountAboveSnapshotVotes() public {
        uint256 id = _queueDrain();
        // founder (voted for) hands bob tokens after the vote
        vm.prank(founder);
        require(token.transfer(bob, GRANT), "transfer");
        vm.expectRevert(abi.encodeWithSelector(UnionToken.UnionToken_ExitTooLarge.selector, 2 * GRANT, GRANT));
        vm.prank(bob);
        timelock.ragequit(id, 2 * GRANT, _tokens());
    }

    function test_ragequit_revertWhen_NotMember() public {
        uint256 id = _queueDrain();
        vm.expectRevert(abi.encodeWithSelector(UnionTimelock.UnionTimelock_NotMember.selector, carol));
        vm.prank(carol);
        timelock.ragequit(id, 1, _tokens());
    }

    function test_ragequit_revertWhen_TokenListIncludesUnionTokenOrIsUnsorted() public {
        uint256 id = _queueDrain();
        address[] memory bad = new address[](1);
        bad[0] = address(token);
        vm.expectRevert(abi.encodeWithSelector(UnionTimelock.UnionTimelock_BadTokenList.selector, 0, address(token)));
        vm.prank(bob);
        timelock.ragequit(id, GRANT, bad);
        bad = new address[](2);
        bad[0] = address(usd);
        bad[1] = address(usd);
        vm.expectRevert(abi.encodeWithSelector(UnionTimelock.UnionTimelock_BadTokenList.selector, 1, address(usd)));
        vm.prank(bob);
        timelock.ragequit(id, GRANT, bad);
    }

    function test_removeOnExit_revertWhen_NotTimelock() public {
        vm.expectRevert();
        vm.prank(alice);
        union.removeOnExit(bob);
    }

    function test_recordExit_revertWhen_NotTimelock() public {
        vm.expectRevert(abi.encodeWithSelector(UnionGovernor.UnionGovernor_NotTreasury.selector, alice));
        vm.prank(alice);
        governor.recordExit(1, bob, 1);
    }

    function test_burnOnExit_revertWhen_NotTimelock() public {
        vm.expectRevert();
        vm.prank(alice);
        token.burnOnExit(bob, 1, 0, 0);
    }
}
