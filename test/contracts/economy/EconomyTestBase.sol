// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IUnionRegistry} from "../../../contracts/src/economy/IUnionRegistry.sol";
import {UnionArbiters} from "../../../contracts/src/economy/UnionArbiters.sol";
import {Escrow} from "../../../contracts/src/economy/Escrow.sol";
import {IEscrow} from "../../../contracts/src/economy/IEscrow.sol";
import {Crowdfund} from "../../../contracts/src/economy/Crowdfund.sol";
import {ICrowdfund} from "../../../contracts/src/economy/ICrowdfund.sol";
import {UnionTestBase} from "../utils/UnionTestBase.sol";

/// @dev One union (Open) with trusted members alice, bob, carol and four appointed (trusted) arbiters, plus the
/// shared economy contracts. Members are funded from the treasury (`_fund`) so their delegated votes stay
/// consistent. `_join` admits an untrusted member (the Open rule), `_joinTrusted` a trusted one.
abstract contract EconomyTestBase is UnionTestBase {
    UnionArbiters internal arbiters;
    Escrow internal escrow;
    Crowdfund internal crowdfund;

    address internal arb1 = makeAddr("arb1");
    address internal arb2 = makeAddr("arb2");
    address internal arb3 = makeAddr("arb3");
    address internal arb4 = makeAddr("arb4");
    address internal outsider = makeAddr("outsider");

    string internal constant LISTING = "kjzl6kcym7w8y5listing";
    string internal constant DESCRIPTION = "bafkreidescription";
    uint128 internal constant M0 = 100e18;
    uint128 internal constant M1 = 250e18;
    uint48 internal constant REVIEW = 5 days;

    function setUp() public virtual override {
        super.setUp();
        IUnionRegistry registry = IUnionRegistry(address(factory));
        arbiters = new UnionArbiters(registry);
        escrow = new Escrow(registry, arbiters);
        crowdfund = new Crowdfund(registry, address(0));
        _joinTrusted(alice);
        _joinTrusted(bob);
        _joinTrusted(carol);
        address[4] memory arbs = [arb1, arb2, arb3, arb4];
        for (uint256 i; i < 4; ++i) {
            _joinTrusted(arbs[i]);
            vm.prank(founder);
            arbiters.appoint(address(union), arbs[i]);
        }
    }

    function _fund(address who, uint256 amount) internal {
        vm.prank(address(timelock));
        token.transfer(who, amount);
    }

    function _fundAndApprove(address who, address spender, uint256 amount) internal {
        _fund(who, amount);
        vm.prank(who);
        token.approve(spender, amount);
    }

    // ---------------------------------------------------------------- escrow helpers

    function _milestones(uint128 a0, uint128 a1) internal view returns (IEscrow.MilestoneInput[] memory ms) {
        ms = new IEscrow.MilestoneInput[](2);
        ms[0] = IEscrow.MilestoneInput({amount: a0, due: uint48(block.timestamp + 10 days), descriptionCid: "bafy-m0"});
        ms[1] = IEscrow.MilestoneInput({amount: a1, due: uint48(block.timestamp + 20 days), descriptionCid: "bafy-m1"});
    }

    function _dealParams(address provider, IEscrow.MilestoneInput[] memory ms)
        internal
        view
        returns (IEscrow.DealParams memory p)
    {
        p = IEscrow.DealParams({
            union: address(union),
            provider: provider,
            listing: LISTING,
            acceptBy: uint48(block.timestamp + 3 days),
            reviewPeriod: REVIEW,
            milestones: ms
        });
    }

    /// @dev alice (client) opens a two-milestone deal with bob (provider).
    function _openDeal() internal returns (uint256 dealId) {
        _fundAndApprove(alice, address(escrow), uint256(M0) + M1);
        vm.prank(alice);
        dealId = escrow.openDeal(_dealParams(bob, _milestones(M0, M1)));
    }

    function _openActiveDeal() internal returns (uint256 dealId) {
        dealId = _openDeal();
        vm.prank(bob);
        escrow.accept(dealId);
    }

    function _deliver(uint256 dealId, uint256 index) internal {
        vm.prank(bob);
        escrow.markDelivered(dealId, index);
    }

    /// @dev Active deal, milestone 0 delivered and disputed by alice.
    function _openDisputedDeal() internal returns (uint256 dealId, uint256 disputeId) {
        dealId = _openActiveDeal();
        _deliver(dealId, 0);
        vm.prank(alice);
        disputeId = escrow.openDispute(dealId, 0);
        _drawPanel(disputeId);
    }

    /// @dev Mines `n` blocks, giving each a distinct hash (forge does not invent hashes for rolled blocks).
    function _mine(uint256 n) internal {
        for (uint256 i; i < n; ++i) {
            vm.roll(block.number + 1);
            vm.prevrandao(keccak256(abi.encode("randao", block.number)));
            vm.setBlockhash(block.number - 1, keccak256(abi.encode("block", block.number - 1)));
        }
    }

    /// @dev Mines past the dispute's seed block and draws its panel.
    function _drawPanel(uint256 disputeId) internal {
        uint256 drawBlock = escrow.getDispute(disputeId).drawBlock;
        if (block.number <= drawBlock) _mine(drawBlock + 1 - block.number);
        escrow.drawPanel(disputeId);
    }

    function _panel(uint256 disputeId) internal view returns (address[3] memory panel) {
        IEscrow.Dispute memory d = escrow.getDispute(disputeId);
        for (uint256 i; i < 3; ++i) {
            panel[i] = d.panel[i].arbiter;
        }
    }

    function _vote(uint256 disputeId, address arbiter, uint8 pct) internal {
        vm.prank(arbiter);
        escrow.vote(disputeId, pct);
    }

    // ---------------------------------------------------------------- crowdfund helpers

    function _campaignParams(uint128 goal, uint48 deadline, uint256 roundId)
        internal
        view
        returns (ICrowdfund.CampaignParams memory)
    {
        return ICrowdfund.CampaignParams({
            union: address(union),
            descriptionCid: DESCRIPTION,
            recipient: carol,
            goal: goal,
            deadline: deadline,
            roundId: roundId
        });
    }

    function _createCampaign(uint128 goal, uint48 deadline, uint256 roundId) internal returns (uint256 id) {
        vm.prank(alice);
        id = crowdfund.createCampaign(_campaignParams(goal, deadline, roundId));
    }

    function _pledge(address who, uint256 campaignId, uint256 amount) internal {
        _fundAndApprove(who, address(crowdfund), amount);
        vm.prank(who);
        crowdfund.pledge(campaignId, amount);
    }

    /// @dev The founder opens a matching round for the union, from now until `end`, and funds it with `pool`.
    function _openFundedRound(uint48 end, uint256 pool) internal returns (uint256 roundId) {
        vm.prank(founder);
        roundId = crowdfund.openRound(address(union), uint48(block.timestamp), end);
        _fundAndApprove(founder, address(crowdfund), pool);
        vm.prank(founder);
        crowdfund.fundRound(roundId, pool);
    }
}
