// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ICrowdfund} from "../../../contracts/src/economy/ICrowdfund.sol";
import {EconomyTestBase} from "./EconomyTestBase.sol";

/// @notice The all-or-nothing outcome under random pledges: after the deadline exactly one of "recipient
/// claims everything" and "every pledger gets exactly their live pledge back" is possible, and the contract
/// ends holding nothing for the campaign. Before the deadline any pledge can be taken back in full.
contract CrowdfundOutcomeFuzzTest is EconomyTestBase {
    address[4] internal pledgers;
    uint256 internal constant BUDGET = 10_000e18;

    function setUp() public override {
        super.setUp();
        pledgers = [alice, bob, arb1, arb2];
        for (uint256 i; i < 4; ++i) {
            _fundAndApprove(pledgers[i], address(crowdfund), BUDGET);
            // Members also hold their join grant; let every token they have be pledged.
            vm.prank(pledgers[i]);
            token.approve(address(crowdfund), type(uint256).max);
        }
    }

    function testFuzz_outcome_claimXorFullRefunds(uint256 seed, uint128 goal, uint8 steps) public {
        goal = uint128(bound(goal, 1, 4 * BUDGET));
        uint256 id = _createCampaign(goal, uint48(block.timestamp + 3 days), 0);
        uint256[4] memory start;
        for (uint256 i; i < 4; ++i) {
            start[i] = token.balanceOf(pledgers[i]);
        }
        for (uint256 s; s < bound(steps, 1, 16); ++s) {
            uint256 r = uint256(keccak256(abi.encode(seed, s)));
            address who = pledgers[r % 4];
            uint256 pledged = crowdfund.pledgeOf(id, who);
            uint256 balance = token.balanceOf(who);
            if (pledged != 0 && (r >> 8) % 4 == 0) {
                vm.prank(who);
                crowdfund.unpledge(id, bound(r >> 16, 1, pledged));
            } else if (balance != 0) {
                vm.prank(who);
                crowdfund.pledge(id, bound(r >> 16, 1, balance));
            }
        }
        uint256 raised = crowdfund.getCampaign(id).raised;
        vm.warp(block.timestamp + 3 days);

        if (raised >= goal) {
            uint256 before = token.balanceOf(carol);
            crowdfund.claim(id);
            assertEq(token.balanceOf(carol), before + raised);
            for (uint256 i; i < 4; ++i) {
                vm.prank(pledgers[i]);
                vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_GoalMet.selector, id, raised, goal));
                crowdfund.refund(id);
            }
        } else {
            vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_GoalNotMet.selector, id, raised, goal));
            crowdfund.claim(id);
            for (uint256 i; i < 4; ++i) {
                if (crowdfund.pledgeOf(id, pledgers[i]) == 0) continue;
                vm.prank(pledgers[i]);
                crowdfund.refund(id);
                // Every pledger ends exactly where they started: pledges, withdrawals and the refund net out.
                assertEq(token.balanceOf(pledgers[i]), start[i]);
            }
            assertEq(crowdfund.getCampaign(id).raised, 0);
        }
        assertEq(token.balanceOf(address(crowdfund)), 0);
    }

    function testFuzz_unpledgeBeforeDeadline_returnsEverything(uint256 amount, uint256 waited) public {
        amount = bound(amount, 1, BUDGET);
        uint48 deadline = uint48(block.timestamp + 2 days);
        uint256 id = _createCampaign(uint128(BUDGET), deadline, 0);
        uint256 before = token.balanceOf(bob);
        vm.prank(bob);
        crowdfund.pledge(id, amount);
        vm.warp(block.timestamp + bound(waited, 0, 2 days - 1));
        vm.prank(bob);
        crowdfund.unpledge(id, amount);
        assertEq(token.balanceOf(bob), before);
        assertEq(crowdfund.getCampaign(id).raised, 0);
        assertEq(crowdfund.weightOf(id), 0);
    }

    function testFuzz_unpledgeAtOrAfterDeadline_reverts(uint256 late) public {
        uint48 deadline = uint48(block.timestamp + 2 days);
        uint256 id = _createCampaign(uint128(BUDGET), deadline, 0);
        vm.prank(bob);
        crowdfund.pledge(id, 1e18);
        vm.warp(uint256(deadline) + bound(late, 0, 365 days));
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(ICrowdfund.Crowdfund_CampaignEnded.selector, id, deadline, block.timestamp)
        );
        crowdfund.unpledge(id, 1e18);
    }
}
