// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EntryPoint} from "@account-abstraction/contracts/core/EntryPoint.sol";
import {IEntryPoint} from "@account-abstraction/contracts/interfaces/IEntryPoint.sol";
import {PackedUserOperation} from "@account-abstraction/contracts/interfaces/PackedUserOperation.sol";
import {IUnionRegistry} from "../../../contracts/src/economy/IUnionRegistry.sol";
import {UnionRelayAccount} from "../../../contracts/src/sponsor/UnionRelayAccount.sol";
import {IUnionRelayAccount} from "../../../contracts/src/sponsor/IUnionRelayAccount.sol";
import {UnionPaymaster} from "../../../contracts/src/sponsor/UnionPaymaster.sol";
import {Union} from "../../../contracts/src/Union.sol";
import {Crowdfund} from "../../../contracts/src/economy/Crowdfund.sol";
import {Demands} from "../../../contracts/src/bargaining/Demands.sol";
import {Courses} from "../../../contracts/src/education/Courses.sol";
import {UnionTestBase} from "../utils/UnionTestBase.sol";

/// @dev A real EntryPoint v0.8 (compiled from @account-abstraction/contracts 0.8.0), the relay account as the
/// union contracts' trusted forwarder, and the paymaster; the test union sponsors back / unback / join with an
/// invite and votes, with `BUDGET` wei per member per `PERIOD`, funded with `FUNDING` by the founder. The shared
/// contracts (crowdfund, demands, courses) are deployed behind the same forwarder and named to the paymaster.
abstract contract SponsorTestBase is UnionTestBase {
    uint128 internal constant BUDGET = 0.01 ether;
    uint32 internal constant PERIOD = 7 days;
    uint256 internal constant FUNDING = 1 ether;
    uint256 internal constant BASE_FEE = 1 gwei;
    uint128 internal constant MAX_FEE = 2 gwei;
    uint128 internal constant PRIORITY_FEE = 1 gwei;
    uint128 internal constant VERIFICATION_GAS = 100_000;
    uint128 internal constant CALL_GAS = 300_000;
    uint128 internal constant PM_VERIFICATION_GAS = 150_000;
    uint128 internal constant POST_OP_GAS = 50_000;
    uint256 internal constant PRE_VERIFICATION_GAS = 50_000;

    EntryPoint internal entryPoint;
    UnionRelayAccount internal relay;
    UnionPaymaster internal paymaster;
    Crowdfund internal crowdfund;
    Demands internal demands;
    Courses internal courses;
    address payable internal bundler = payable(makeAddr("bundler"));

    function setUp() public virtual override {
        vm.warp(1_800_000_000);
        vm.fee(BASE_FEE);
        entryPoint = new EntryPoint();
        relay = new UnionRelayAccount(IEntryPoint(address(entryPoint)));
        forwarder = address(relay);
        super.setUp();
        crowdfund = new Crowdfund(IUnionRegistry(address(factory)), address(relay));
        demands = new Demands(IUnionRegistry(address(factory)), address(relay));
        courses = new Courses(IUnionRegistry(address(factory)), address(relay));
        paymaster = new UnionPaymaster(
            IEntryPoint(address(entryPoint)),
            IUnionRegistry(address(factory)),
            address(relay),
            [address(crowdfund), address(demands), address(courses)],
            address(this)
        );
        vm.deal(founder, 10 ether);
        vm.startPrank(founder);
        paymaster.setRules(address(union), BUDGET, PERIOD);
        bytes4[] memory unionFns = new bytes4[](3);
        unionFns[0] = Union.back.selector;
        unionFns[1] = Union.unback.selector;
        unionFns[2] = Union.joinWithInvite.selector;
        paymaster.setAllowed(address(union), address(union), unionFns, true);
        bytes4[] memory govFns = new bytes4[](1);
        govFns[0] = bytes4(keccak256("castVote(uint256,uint8)"));
        paymaster.setAllowed(address(union), address(governor), govFns, true);
        paymaster.depositFor{value: FUNDING}(address(union));
        vm.stopPrank();
    }

    function _period() internal view returns (uint48) {
        return uint48(block.timestamp / PERIOD);
    }

    /// @dev `key`'s user operation calling `target` with `data` for the test union, signed over the EntryPoint
    /// v0.8 hash (the EIP-712 digest a wallet signs with eth_signTypedData_v4).
    function _op(uint256 key, address target, bytes memory data) internal view returns (PackedUserOperation memory) {
        return _opFor(key, vm.addr(key), address(union), target, data, _period());
    }

    function _opFor(uint256 key, address member, address forUnion, address target, bytes memory data, uint48 period)
        internal
        view
        returns (PackedUserOperation memory op)
    {
        op.sender = address(relay);
        op.nonce = entryPoint.getNonce(address(relay), uint192(uint160(member)));
        op.callData = abi.encodeCall(IUnionRelayAccount.relay, (member, forUnion, target, data));
        op.accountGasLimits = bytes32((uint256(VERIFICATION_GAS) << 128) | CALL_GAS);
        op.preVerificationGas = PRE_VERIFICATION_GAS;
        op.gasFees = bytes32((uint256(PRIORITY_FEE) << 128) | MAX_FEE);
        op.paymasterAndData = abi.encodePacked(address(paymaster), PM_VERIFICATION_GAS, POST_OP_GAS, period);
        op.signature = _signOp(key, op);
    }

    function _signOp(uint256 key, PackedUserOperation memory op) internal view returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, entryPoint.getUserOpHash(op));
        return abi.encodePacked(r, s, v);
    }

    /// @dev The most a user operation built by `_op` may cost (what the paymaster reserves).
    function _maxCost() internal pure returns (uint256) {
        return (VERIFICATION_GAS + CALL_GAS + PM_VERIFICATION_GAS + POST_OP_GAS + PRE_VERIFICATION_GAS) * MAX_FEE;
    }

    function _handle(PackedUserOperation memory op) internal {
        PackedUserOperation[] memory ops = new PackedUserOperation[](1);
        ops[0] = op;
        vm.prank(bundler, bundler);
        entryPoint.handleOps(ops, bundler);
    }

    /// @dev Sends `op`, expecting the paymaster to refuse it in validation with `inner`; the union's balance and
    /// the paymaster's EntryPoint deposit stay as they were.
    function _expectRefused(PackedUserOperation memory op, bytes memory inner) internal {
        uint256 balance = paymaster.balanceOf(address(union));
        uint256 deposit = entryPoint.balanceOf(address(paymaster));
        PackedUserOperation[] memory ops = new PackedUserOperation[](1);
        ops[0] = op;
        vm.prank(bundler, bundler);
        vm.expectRevert(_refusal(inner));
        entryPoint.handleOps(ops, bundler);
        assertEq(paymaster.balanceOf(address(union)), balance);
        assertEq(entryPoint.balanceOf(address(paymaster)), deposit);
    }

    /// @dev The paymaster's refusal as the EntryPoint reports it for op 0.
    function _refusal(bytes memory inner) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IEntryPoint.FailedOpWithRevert.selector, 0, "AA33 reverted", inner);
    }
}
