// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ICrowdfund} from "../../../contracts/src/economy/ICrowdfund.sol";
import {EconomyTestBase} from "./EconomyTestBase.sol";

contract CrowdfundFuzzTest is EconomyTestBase {
    address[4] internal pledgers;

    function setUp() public override {
        super.setUp();
        pledgers = [alice, bob, arb1, arb2];
        for (uint256 i; i < 4; ++i) {
            _fundAndApprove(pledgers[i], address(crowdfund), 100_000e18);
        }
    }

    /// @dev Random pledges and partial withdrawals by four pledgers; raised, Σ sqrt and the weight always equal
    /// a from-scratch recomputation over the live pledges.
    function testFuzz_pledgeSequence_weightMatchesRecomputation(uint256 seed, uint256 steps) public {
        steps = bound(steps, 1, 24);
        uint256 id = _createCampaign(1e18, uint48(block.timestamp + 7 days), 0);
        for (uint256 s; s < steps; ++s) {
            uint256 r = uint256(keccak256(abi.encode(seed, s)));
            address who = pledgers[r % 4];
            uint256 pledged = crowdfund.pledgeOf(id, who);
            vm.prank(who);
            if (pledged != 0 && (r >> 8) % 3 == 0) {
                crowdfund.unpledge(id, bound(r >> 16, 1, pledged));
            } else {
                crowdfund.pledge(id, bound(r >> 16, 1, 10_000e18));
            }
        }
        uint256 sumSqrt;
        uint256 raised;
        for (uint256 i; i < 4; ++i) {
            uint256 p = crowdfund.pledgeOf(id, pledgers[i]);
            sumSqrt += Math.sqrt(p * 1e18);
            raised += p;
        }
        ICrowdfund.Campaign memory c = crowdfund.getCampaign(id);
        assertEq(c.raised, raised);
        assertEq(c.sumSqrt, sumSqrt);
        uint256 squared = sumSqrt * sumSqrt / 1e18;
        assertEq(crowdfund.weightOf(id), squared > raised ? squared - raised : 0);
        assertEq(token.balanceOf(address(crowdfund)), raised);
    }

    /// @dev Three campaigns with random pledges share a random pool: matches never exceed the pool, and
    /// matches plus the swept remainder are exactly the pool.
    function testFuzz_matching_paysAtMostPool_andRemainderReturns(uint256 seed, uint256 pool) public {
        pool = bound(pool, 1, 500_000e18);
        uint48 end = uint48(block.timestamp + 10 days);
        vm.prank(founder);
        uint256 roundId = crowdfund.openRound(address(union), uint48(block.timestamp), end);
        _fundAndApprove(founder, address(crowdfund), pool);
        vm.prank(founder);
        crowdfund.fundRound(roundId, pool);

        uint256[3] memory ids;
        for (uint256 c; c < 3; ++c) {
            ids[c] =
                _createCampaign(uint128(bound(uint256(keccak256(abi.encode(seed, c))), 1, 20_000e18)), end, roundId);
            for (uint256 i; i < 4; ++i) {
                uint256 amount = uint256(keccak256(abi.encode(seed, c, i))) % 5_000e18;
                if (amount == 0) continue;
                vm.prank(pledgers[i]);
                crowdfund.pledge(ids[c], amount);
            }
        }
        vm.warp(end);
        for (uint256 c; c < 3; ++c) {
            ICrowdfund.Campaign memory camp = crowdfund.getCampaign(ids[c]);
            if (camp.raised >= camp.goal) crowdfund.finalizeCampaignForRound(ids[c]);
        }
        vm.warp(uint256(end) + crowdfund.FINALIZATION_WINDOW());
        for (uint256 c; c < 3; ++c) {
            if (crowdfund.getCampaign(ids[c]).finalized) crowdfund.claimMatch(ids[c]);
        }
        ICrowdfund.Round memory r = crowdfund.getRound(roundId);
        assertLe(r.paid, pool);
        uint256 sweepable = crowdfund.sweepableOf(roundId);
        assertEq(r.paid + sweepable, pool);
        if (sweepable != 0) crowdfund.sweepRoundRemainder(roundId);
        assertEq(crowdfund.sweepableOf(roundId), 0);
    }
}
