// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Escrow} from "../../../contracts/src/economy/Escrow.sol";
import {IEscrow} from "../../../contracts/src/economy/IEscrow.sol";
import {EconomyTestBase} from "./EconomyTestBase.sol";

/// @notice Gas of the escrow and crowdfunding calls members make most, written to
/// test/contracts/snapshots/EconomyGas.json.
/// @dev As in `UnionGasTest`: run `GAS_SNAPSHOT=true forge test --isolate --match-contract EconomyGasTest` so
/// each figure is a whole transaction; without GAS_SNAPSHOT nothing is recorded.
contract EconomyGasTest is EconomyTestBase {
    function setUp() public override {
        super.setUp();
        _recordGasAs("EconomyGas");
    }

    function test_gas_openDeal_twoMilestones() public {
        _fundAndApprove(alice, address(escrow), uint256(M0) + M1);
        IEscrow.DealParams memory p = _dealParams(bob, _milestones(M0, M1));
        vm.prank(alice);
        escrow.openDeal(p);
        _snap("escrow openDeal (2 milestones, funded)");
    }

    function test_gas_release() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        vm.prank(alice);
        escrow.release(id, 0);
        _snap("escrow release");
    }

    function test_gas_withdraw() public {
        uint256 id = _openActiveDeal();
        vm.prank(alice);
        escrow.release(id, 0);
        vm.prank(bob);
        escrow.withdraw(address(token));
        _snap("escrow withdraw");
    }

    function test_gas_openDispute() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        vm.prank(alice);
        escrow.openDispute(id, 0);
        _snap("escrow openDispute (commits to a future block)");
    }

    function test_gas_drawPanel() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        vm.prank(alice);
        uint256 disputeId = escrow.openDispute(id, 0);
        _mine(escrow.DRAW_DELAY() + 1);
        escrow.drawPanel(disputeId);
        _snap("escrow drawPanel (4 arbiters)");
    }

    function test_gas_vote_decidingSecondVote() public {
        (, uint256 disputeId) = _openDisputedDeal();
        address[3] memory panel = _panel(disputeId);
        _vote(disputeId, panel[0], 60);
        _vote(disputeId, panel[1], 60);
        _snap("escrow vote (deciding, 2 agree)");
    }

    function test_gas_vote_decidingThirdVoteMedian() public {
        (, uint256 disputeId) = _openDisputedDeal();
        address[3] memory panel = _panel(disputeId);
        _vote(disputeId, panel[0], 10);
        _vote(disputeId, panel[1], 90);
        _vote(disputeId, panel[2], 50);
        _snap("escrow vote (deciding, median of 3)");
    }

    function test_gas_pledge_firstPledge() public {
        uint256 id = _createCampaign(100e18, uint48(block.timestamp + 7 days), 0);
        _pledge(alice, id, 10e18);
        _fundAndApprove(bob, address(crowdfund), 30e18);
        vm.prank(bob);
        crowdfund.pledge(id, 30e18);
        _snap("crowdfund pledge (new pledger)");
    }

    function test_gas_claim() public {
        uint48 deadline = uint48(block.timestamp + 7 days);
        uint256 id = _createCampaign(100e18, deadline, 0);
        _pledge(alice, id, 60e18);
        _pledge(bob, id, 60e18);
        vm.warp(deadline);
        crowdfund.claim(id);
        _snap("crowdfund claim");
    }

    function test_gas_refund() public {
        uint48 deadline = uint48(block.timestamp + 7 days);
        uint256 id = _createCampaign(100e18, deadline, 0);
        _pledge(alice, id, 20e18);
        _pledge(bob, id, 30e18);
        vm.warp(deadline);
        vm.prank(bob);
        crowdfund.refund(id);
        _snap("crowdfund refund");
    }

    function test_gas_finalizeAndClaimMatch() public {
        uint48 end = uint48(block.timestamp + 10 days);
        vm.prank(founder);
        uint256 roundId = crowdfund.openRound(address(union), uint48(block.timestamp), end);
        _fundAndApprove(founder, address(crowdfund), 500e18);
        vm.prank(founder);
        crowdfund.fundRound(roundId, 500e18);
        uint256 id = _createCampaign(50e18, end, roundId);
        _pledge(alice, id, 30e18);
        _pledge(bob, id, 30e18);
        vm.warp(end);
        crowdfund.finalizeCampaignForRound(id);
        _snap("crowdfund finalizeCampaignForRound");
        vm.warp(uint256(end) + crowdfund.FINALIZATION_WINDOW());
        crowdfund.claimMatch(id);
        _snap("crowdfund claimMatch");
    }
}
