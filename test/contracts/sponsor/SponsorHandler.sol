// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {EntryPoint} from "@account-abstraction/contracts/core/EntryPoint.sol";
import {PackedUserOperation} from "@account-abstraction/contracts/interfaces/PackedUserOperation.sol";
import {Union} from "../../../contracts/src/Union.sol";
import {Crowdfund} from "../../../contracts/src/economy/Crowdfund.sol";
import {UnionPaymaster} from "../../../contracts/src/sponsor/UnionPaymaster.sol";
import {IUnionRelayAccount} from "../../../contracts/src/sponsor/IUnionRelayAccount.sol";

/// @dev Drives sponsored and refused user operations through a real EntryPoint: trusted members back and
/// unback each other (paid while the budget lasts, then refused), strangers and untrusted members ask, calls to a
/// foreign contract and to a function off the allow-list, pledges to another union's campaign on the shared
/// crowdfund (allowed, but acting in another union), replays of an executed operation, periods passing,
/// deposits and withdrawals. Every refused attempt is checked to leave the union's balance and the paymaster's
/// EntryPoint deposit untouched.
contract SponsorHandler is Test {
    EntryPoint internal immutable ep;
    address internal immutable relay;
    UnionPaymaster internal immutable paymaster;
    Union internal immutable union;
    address internal immutable foreign;
    address internal immutable governance;
    uint32 internal immutable period;
    uint256 internal immutable maxCost;
    /// @dev The shared crowdfund (pledge allowed) and a campaign of another union on it.
    address internal crowdfund;
    uint256 internal otherCampaign;

    uint256[] internal trustedKeys;
    uint256[] internal outsiderKeys;
    PackedUserOperation internal lastOp;
    bool internal hasLastOp;

    mapping(bytes32 path => uint256) public reached;
    uint256 public ghostDeposited;
    uint256 public ghostCharged;
    uint256 public ghostWithdrawn;
    /// @dev Wei a refused attempt moved (balance or deposit): must stay 0.
    uint256 public ghostPaidForRefused;
    /// @dev Attempts the rules refuse that the EntryPoint nevertheless executed: must stay 0.
    uint256 public ghostRefusedExecuted;
    /// @dev Attempts the rules allow that were refused: must stay 0.
    uint256 public ghostAllowedRefused;
    mapping(address member => mapping(uint256 periodIndex => uint256)) public ghostSpent;

    uint128 internal constant GAS = 100_000;

    constructor(
        EntryPoint ep_,
        address relay_,
        UnionPaymaster paymaster_,
        Union union_,
        address foreign_,
        address governance_,
        uint256[] memory trusted,
        uint256[] memory outsiders,
        uint256 deposited
    ) {
        ep = ep_;
        relay = relay_;
        paymaster = paymaster_;
        union = union_;
        foreign = foreign_;
        governance = governance_;
        period = paymaster_.rulesOf(address(union_)).period;
        maxCost = (GAS * 3 + GAS / 2 + 300_000 + 50_000) * 2 gwei;
        trustedKeys = trusted;
        outsiderKeys = outsiders;
        ghostDeposited = deposited;
    }

    /// @dev Names the shared crowdfund and another union's campaign for `crossUnion`.
    function setCrossUnion(address crowdfund_, uint256 otherCampaign_) external {
        crowdfund = crowdfund_;
        otherCampaign = otherCampaign_;
    }

    function members() external view returns (address[] memory out) {
        out = new address[](trustedKeys.length);
        for (uint256 i; i < out.length; ++i) {
            out[i] = vm.addr(trustedKeys[i]);
        }
    }

    function currentPeriod() public view returns (uint256) {
        return block.timestamp / period;
    }

    // ---------------------------------------------------------------- actions

    /// @dev A trusted member backs (or unbacks) another: paid within budget and balance, refused beyond.
    function act(uint256 who, uint256 whom) external {
        uint256 key = trustedKeys[who % trustedKeys.length];
        address member = vm.addr(key);
        address leader = vm.addr(trustedKeys[whom % trustedKeys.length]);
        if (leader == member) leader = vm.addr(trustedKeys[(whom + 1) % trustedKeys.length]);
        bytes memory data = union.isBacking(member, leader)
            ? abi.encodeCall(Union.unback, (leader))
            : abi.encodeCall(Union.back, (leader));
        PackedUserOperation memory op = _op(key, address(union), data);
        uint256 spent = paymaster.spentOf(address(union), member, currentPeriod());
        uint256 budget = paymaster.rulesOf(address(union)).budgetPerMember;
        bool overBudget = spent + maxCost > budget;
        bool overBalance = paymaster.balanceOf(address(union)) < maxCost;
        if (overBudget || overBalance) {
            _refused(op);
            reached[overBudget ? bytes32("budget") : bytes32("balance")]++;
            return;
        }
        uint256 before = paymaster.balanceOf(address(union));
        if (!_send(op)) {
            ghostAllowedRefused++;
            return;
        }
        uint256 charged = before - paymaster.balanceOf(address(union));
        ghostCharged += charged;
        ghostSpent[member][currentPeriod()] += charged;
        lastOp = op;
        hasLastOp = true;
        reached["paid"]++;
    }

    /// @dev A stranger or an untrusted member asks to be sponsored.
    function outsider(uint256 who, uint256 whom) external {
        uint256 key = outsiderKeys[who % outsiderKeys.length];
        address leader = vm.addr(trustedKeys[whom % trustedKeys.length]);
        _refused(_op(key, address(union), abi.encodeCall(Union.back, (leader))));
        reached["notTrusted"]++;
    }

    /// @dev A trusted member's call to a contract that is not the union's.
    function foreignCall(uint256 who) external {
        uint256 key = trustedKeys[who % trustedKeys.length];
        _refused(_op(key, foreign, abi.encodeCall(Union.back, (vm.addr(key)))));
        reached["foreign"]++;
    }

    /// @dev A trusted member pledges to another union's campaign: an allowed function of a shared contract, but
    /// the paying union is not the one the call acts in.
    function crossUnion(uint256 who, uint256 amount) external {
        uint256 key = trustedKeys[who % trustedKeys.length];
        _refused(_op(key, crowdfund, abi.encodeCall(Crowdfund.pledge, (otherCampaign, bound(amount, 1, 1e18)))));
        reached["crossUnion"]++;
    }

    /// @dev A trusted member's call to a union function off the allow-list.
    function offList(uint256 who) external {
        uint256 key = trustedKeys[who % trustedKeys.length];
        _refused(_op(key, address(union), abi.encodeCall(Union.leave, ())));
        reached["offList"]++;
    }

    /// @dev The last executed operation, sent again.
    function replay() external {
        if (!hasLastOp) return;
        _refused(lastOp);
        reached["replay"]++;
    }

    function nextPeriod(uint256 jump) external {
        vm.warp((currentPeriod() + 1 + (jump % 2)) * period);
        reached["newPeriod"]++;
    }

    function deposit(uint256 amount) external {
        amount = bound(amount, 1, 0.02 ether);
        vm.deal(address(this), amount);
        paymaster.depositFor{value: amount}(address(union));
        ghostDeposited += amount;
        reached["deposit"]++;
    }

    function withdraw(uint256 amount) external {
        uint256 balance = paymaster.balanceOf(address(union));
        if (balance == 0) return;
        amount = bound(amount, 1, balance);
        vm.prank(governance);
        paymaster.withdraw(address(union), payable(governance), amount);
        ghostWithdrawn += amount;
        reached["withdraw"]++;
    }

    // ---------------------------------------------------------------- internal

    function _op(uint256 key, address target, bytes memory data) internal view returns (PackedUserOperation memory op) {
        address member = vm.addr(key);
        op.sender = relay;
        op.nonce = ep.getNonce(relay, uint192(uint160(member)));
        op.callData = abi.encodeCall(IUnionRelayAccount.relay, (member, address(union), target, data));
        op.accountGasLimits = bytes32((uint256(GAS) << 128) | 300_000);
        op.preVerificationGas = 50_000;
        op.gasFees = bytes32((uint256(1 gwei) << 128) | 2 gwei);
        op.paymasterAndData = abi.encodePacked(address(paymaster), GAS + GAS / 2, GAS, uint48(currentPeriod()));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, ep.getUserOpHash(op));
        op.signature = abi.encodePacked(r, s, v);
    }

    function _send(PackedUserOperation memory op) internal returns (bool) {
        PackedUserOperation[] memory ops = new PackedUserOperation[](1);
        ops[0] = op;
        try ep.handleOps(ops, payable(address(0xb0b))) {
            return true;
        } catch {
            return false;
        }
    }

    function _refused(PackedUserOperation memory op) internal {
        uint256 balance = paymaster.balanceOf(address(union));
        uint256 deposit_ = ep.balanceOf(address(paymaster));
        if (_send(op)) ghostRefusedExecuted++;
        uint256 balanceAfter = paymaster.balanceOf(address(union));
        uint256 depositAfter = ep.balanceOf(address(paymaster));
        if (balanceAfter != balance) ghostPaidForRefused += balance > balanceAfter ? balance - balanceAfter : 1;
        if (depositAfter != deposit_) ghostPaidForRefused += deposit_ > depositAfter ? deposit_ - depositAfter : 1;
    }
}
