// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {console} from "forge-std/console.sol";
import {IEscrow} from "../../../../contracts/src/economy/IEscrow.sol";
import {EconomyTestBase} from "../EconomyTestBase.sol";
import {EscrowHandler} from "./EscrowHandler.sol";
import {PathCoverage} from "../../utils/PathCoverage.sol";

/// @dev One campaign checks every escrow invariant after every call (one invariant function, so forge runs
/// one campaign, not one per property) and, through `afterInvariant`, counts in how many runs each money path
/// was really reached; the last run prints the counts and asserts that every path was reached in at least a
/// fifth of the runs.
contract EscrowInvariantsTest is EconomyTestBase, PathCoverage {
    EscrowHandler internal handler;

    function setUp() public override {
        super.setUp();
        address[] memory parties = new address[](4);
        parties[0] = alice;
        parties[1] = bob;
        parties[2] = carol;
        parties[3] = founder;
        handler = new EscrowHandler(escrow, token, address(timelock), arbiters, founder, parties);
        for (uint256 i; i < parties.length; ++i) {
            vm.prank(parties[i]);
            token.approve(address(escrow), type(uint256).max);
        }
        targetContract(address(handler));
        bytes4[] memory helpers = new bytes4[](1);
        helpers[0] = EscrowHandler.drawForVote.selector;
        excludeSelector(FuzzSelector({addr: address(handler), selectors: helpers}));
    }

    function invariant_escrowAccounting() public view {
        _balanceEqualsUnsettledPlusCredits();
        _paidPlusRefundedEqualsFundedPerDeal();
        _eachMilestonePaidOutAtMostOnce();
        _disputedMilestonesHaveAnOpenDispute();
    }

    /// @dev The escrow holds exactly the unsettled milestones plus everyone's unwithdrawn credits.
    function _balanceEqualsUnsettledPlusCredits() internal view {
        uint256 owed;
        uint256 count = escrow.dealCount();
        for (uint256 id = 1; id <= count; ++id) {
            IEscrow.Deal memory d = escrow.getDeal(id);
            for (uint256 i; i < d.milestoneCount; ++i) {
                IEscrow.Milestone memory m = escrow.getMilestone(id, i);
                if (!handler.isFinal(m.status)) owed += m.amount;
            }
        }
        address[] memory parties = handler.parties();
        for (uint256 i; i < parties.length; ++i) {
            owed += escrow.withdrawable(address(token), parties[i]);
        }
        assertEq(token.balanceOf(address(escrow)), owed);
        assertEq(handler.ghostFundedTotal(), owed + handler.ghostWithdrawnTotal());
    }

    /// @dev Per deal: paid + refunded + still escrowed == funded; a deal with nothing unsettled has paid and
    /// refunded exactly what it was funded with; `unsettled` counts the non-final milestones.
    function _paidPlusRefundedEqualsFundedPerDeal() internal view {
        uint256 count = escrow.dealCount();
        for (uint256 id = 1; id <= count; ++id) {
            IEscrow.Deal memory d = escrow.getDeal(id);
            uint256 open;
            uint256 openCount;
            for (uint256 i; i < d.milestoneCount; ++i) {
                IEscrow.Milestone memory m = escrow.getMilestone(id, i);
                if (!handler.isFinal(m.status)) {
                    open += m.amount;
                    ++openCount;
                }
            }
            assertEq(handler.ghostPaid(id) + handler.ghostRefunded(id) + open, handler.ghostFunded(id));
            assertEq(d.unsettled, openCount);
            if (d.unsettled == 0) assertEq(handler.ghostPaid(id) + handler.ghostRefunded(id), handler.ghostFunded(id));
        }
    }

    /// @dev Every milestone reached a final state at most once and was never reopened; credits always matched
    /// the newly settled amounts; every withdraw paid exactly the credit; a cancel proposal never survived a
    /// delivery; an undelivered milestone's timeout refunded the client in full; a vote by a panelist removed
    /// or gone since the draw still counted.
    function _eachMilestonePaidOutAtMostOnce() internal view {
        assertFalse(handler.ghostBroken());
        assertFalse(handler.ghostVoteLost());
        uint256 count = escrow.dealCount();
        for (uint256 id = 1; id <= count; ++id) {
            uint256 milestones = escrow.getDeal(id).milestoneCount;
            for (uint256 i; i < milestones; ++i) {
                assertLe(handler.ghostSettlements(id, i), 1);
            }
        }
    }

    /// @dev A milestone is Disputed exactly while its dispute is open: frozen, but never stuck without one.
    function _disputedMilestonesHaveAnOpenDispute() internal view {
        uint256 count = escrow.dealCount();
        for (uint256 id = 1; id <= count; ++id) {
            uint256 milestones = escrow.getDeal(id).milestoneCount;
            for (uint256 i; i < milestones; ++i) {
                if (escrow.getMilestone(id, i).status != IEscrow.MilestoneStatus.Disputed) continue;
                uint256 disputeId = escrow.disputeOf(id, i);
                assertEq(uint8(escrow.getDispute(disputeId).status), uint8(IEscrow.DisputeStatus.Open));
            }
        }
    }

    function afterInvariant() external {
        _recordPaths({
            suite: "escrow",
            pathList: string.concat(
                "accept markDelivered release claim refundOverdue cancel ",
                "cancelAfterDelivery openDispute drawPanel vote resolvedByVote timeout ",
                "arbiterRemovedMidDispute arbiterLeftMidDispute partyLeftMidDispute"
            ),
            reachedIn: handler.reached
        });
    }
}
