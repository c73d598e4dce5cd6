// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {console} from "forge-std/console.sol";
import {Escrow} from "../../../../contracts/src/economy/Escrow.sol";
import {IEscrow} from "../../../../contracts/src/economy/IEscrow.sol";
import {EconomyTestBase} from "../EconomyTestBase.sol";
import {EscrowHandler} from "./EscrowHandler.sol";

contract EscrowInvariantsTest is EconomyTestBase {
    EscrowHandler internal handler;

    function setUp() public override {
        super.setUp();
        address[] memory parties = new address[](4);
        parties[0] = alice;
        parties[1] = bob;
        parties[2] = carol;
        parties[3] = founder;
        handler = new EscrowHandler(escrow, token, address(timelock), parties);
        for (uint256 i; i < parties.length; ++i) {
            vm.prank(parties[i]);
            token.approve(address(escrow), type(uint256).max);
        }
        targetContract(address(handler));
    }

    /// @dev The escrow holds exactly the unsettled milestones plus everyone's unwithdrawn credits.
    function invariant_balanceEqualsUnsettledPlusCredits() public view {
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
    function invariant_paidPlusRefundedEqualsFundedPerDeal() public view {
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
    /// the newly settled amounts; every withdraw paid exactly the credit.
    function invariant_eachMilestonePaidOutAtMostOnce() public view {
        assertFalse(handler.ghostBroken());
        uint256 count = escrow.dealCount();
        for (uint256 id = 1; id <= count; ++id) {
            uint256 milestones = escrow.getDeal(id).milestoneCount;
            for (uint256 i; i < milestones; ++i) {
                assertLe(handler.ghostSettlements(id, i), 1);
            }
        }
    }

    function afterInvariant() external view {
        console.log("open", handler.calls("openDeal"), "accept", handler.calls("accept"));
        console.log("decline", handler.calls("decline"), "reclaim", handler.calls("reclaimUnaccepted"));
        console.log("deliver", handler.calls("markDelivered"), "release", handler.calls("release"));
        console.log("claim", handler.calls("claim"), "refundOverdue", handler.calls("refundOverdue"));
        console.log("cancel", handler.calls("cancel"), "dispute", handler.calls("openDispute"));
        console.log("vote", handler.calls("vote"), "timeout", handler.calls("settleTimedOutDispute"));
        console.log("withdraw", handler.calls("withdraw"), "warp", handler.calls("warp"));
    }
}
