// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PathCoverage} from "../utils/PathCoverage.sol";
import {IUnion} from "../../../contracts/src/interfaces/IUnion.sol";
import {UnionFactory} from "../../../contracts/src/UnionFactory.sol";
import {ICrowdfund} from "../../../contracts/src/economy/ICrowdfund.sol";
import {Crowdfund} from "../../../contracts/src/economy/Crowdfund.sol";
import {SponsorTestBase} from "./SponsorTestBase.sol";
import {SponsorHandler} from "./SponsorHandler.sol";
import {Foreign} from "./UnionPaymaster.t.sol";

/// @dev Four trusted members act through the relay while two outsiders (a stranger, an unvouched member) ask
/// too, and pledge to another union's campaign on the shared crowdfund; the budget fits one operation per member and
/// period (1.2 times its maximum cost), so budgets run out and refill. The treasury never pays for what the rules
/// refuse, and the ledger is exact.
contract SponsorInvariantsTest is SponsorTestBase, PathCoverage {
    SponsorHandler internal handler;

    function setUp() public override {
        super.setUp();
        uint256[] memory trusted = new uint256[](4);
        trusted[0] = founderKey;
        trusted[1] = aliceKey;
        trusted[2] = bobKey;
        trusted[3] = uint256(keccak256("sponsor member 3"));
        _joinTrusted(alice);
        _joinTrusted(bob);
        _joinTrusted(vm.addr(trusted[3]));
        uint256[] memory outsiders = new uint256[](2);
        outsiders[0] = uint256(keccak256("stranger"));
        outsiders[1] = uint256(keccak256("unvouched"));
        _join(vm.addr(outsiders[1]));
        vm.prank(founder);
        paymaster.setRules(address(union), uint128(1.2 * 0.0014 ether), PERIOD);
        handler = new SponsorHandler(
            entryPoint, address(relay), paymaster, union, address(new Foreign()), founder, trusted, outsiders, FUNDING
        );
        handler.setCrossUnion(address(crowdfund), _otherUnionsCampaign());
        targetContract(address(handler));
        bytes4[] memory setup = new bytes4[](1);
        setup[0] = SponsorHandler.setCrossUnion.selector;
        excludeSelector(FuzzSelector({addr: address(handler), selectors: setup}));
    }

    /// @dev A second union (founded by the founder, who is a member of both) with a campaign on the shared
    /// crowdfund, whose `pledge` the test union sponsors.
    function _otherUnionsCampaign() internal returns (uint256) {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.name = "Other Union";
        vm.startPrank(founder);
        address other = factory.createUnion(p).union;
        bytes4[] memory fns = new bytes4[](1);
        fns[0] = Crowdfund.pledge.selector;
        paymaster.setAllowed(address(union), address(crowdfund), fns, true);
        ICrowdfund.CampaignParams memory c;
        c.union = other;
        c.descriptionCid = CHARTER;
        c.recipient = founder;
        c.goal = 10e18;
        c.deadline = uint48(block.timestamp + 300 days);
        uint256 id = crowdfund.createCampaign(c);
        vm.stopPrank();
        return id;
    }

    function test_handler_crossUnionPledge_refusedAndUnpaid() public {
        handler.crossUnion(0, 1e18);
        assertEq(handler.reached("crossUnion"), 1);
        assertEq(handler.ghostRefusedExecuted(), 0);
        assertEq(handler.ghostPaidForRefused(), 0);
    }

    function test_handler_actWithinBudget_pays() public {
        handler.act(1, 2);
        assertEq(handler.reached("paid"), 1);
        assertEq(handler.ghostAllowedRefused(), 0);
        handler.act(1, 2); // the budget fits one operation per period
        assertEq(handler.reached("budget"), 1);
        handler.replay();
        assertEq(handler.ghostRefusedExecuted(), 0);
        assertEq(handler.ghostPaidForRefused(), 0);
        handler.nextPeriod(0);
        handler.act(1, 2);
        assertEq(handler.reached("paid"), 2);
    }

    /// @dev One campaign (PathCoverage's tally is per process: two campaigns of one suite would mix their counts).
    function invariant_treasuryNeverPaysForRefusedAndLedgerExact() public view {
        // the treasury never pays for what the rules refuse
        assertEq(handler.ghostPaidForRefused(), 0, "a refused operation moved money");
        assertEq(handler.ghostRefusedExecuted(), 0, "a refused operation executed");
        assertEq(handler.ghostAllowedRefused(), 0, "an allowed operation was refused");
        // the ledger is exact: deposits - charges - withdrawals, per member per period, within the deposit
        uint256 balance = paymaster.balanceOf(address(union));
        assertEq(balance, handler.ghostDeposited() - handler.ghostCharged() - handler.ghostWithdrawn());
        assertEq(paymaster.totalBalances(), balance);
        assertLe(paymaster.totalBalances(), entryPoint.balanceOf(address(paymaster)));
        address[] memory m = handler.members();
        uint256 p = handler.currentPeriod();
        uint256 budget = paymaster.rulesOf(address(union)).budgetPerMember;
        for (uint256 i; i < m.length; ++i) {
            uint256 spent = paymaster.spentOf(address(union), m[i], p);
            assertEq(spent, handler.ghostSpent(m[i], p));
            assertLe(spent, budget);
        }
    }

    function afterInvariant() external {
        _recordPaths({
            suite: "sponsor",
            pathList: string.concat(
                "paid budget notTrusted foreign offList crossUnion replay newPeriod withdraw ", "deposit"
            ),
            reachedIn: handler.reached
        });
    }
}
