// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Vm} from "forge-std/Vm.sol";
import {IEntryPoint} from "@account-abstraction/contracts/interfaces/IEntryPoint.sol";
import {PackedUserOperation} from "@account-abstraction/contracts/interfaces/PackedUserOperation.sol";
import {IUnion} from "../../../contracts/src/interfaces/IUnion.sol";
import {Union} from "../../../contracts/src/Union.sol";
import {UnionFactory} from "../../../contracts/src/UnionFactory.sol";
import {ICrowdfund} from "../../../contracts/src/economy/ICrowdfund.sol";
import {Crowdfund} from "../../../contracts/src/economy/Crowdfund.sol";
import {Demands} from "../../../contracts/src/bargaining/Demands.sol";
import {Courses} from "../../../contracts/src/education/Courses.sol";
import {IUnionPaymaster} from "../../../contracts/src/sponsor/IUnionPaymaster.sol";
import {SponsorTestBase} from "./SponsorTestBase.sol";

/// @dev The shared contracts (crowdfund, demands, courses) serve every union of the deployment: a union's
/// sponsorship pays only for calls that act in that union. `other` is a second union the founder and alice also
/// belong to; each shared contract holds a record of the test union and one of `other`.
contract UnionPaymasterScopeTest is SponsorTestBase {
    Union internal other;
    uint256 internal ownCampaign;
    uint256 internal otherCampaign;
    uint256 internal ownDemand;
    uint256 internal otherDemand;
    uint256 internal ownCourse;
    uint256 internal otherCourse;

    function setUp() public override {
        super.setUp();
        _joinTrusted(alice);
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.name = "Other Union";
        vm.prank(founder);
        other = Union(factory.createUnion(p).union);
        vm.prank(alice);
        other.join();
        ownCampaign = _campaign(address(union));
        otherCampaign = _campaign(address(other));
        ownDemand = _demand(address(union));
        otherDemand = _demand(address(other));
        ownCourse = _course(address(union));
        otherCourse = _course(address(other));
        vm.startPrank(founder);
        paymaster.setAllowed(address(union), address(crowdfund), _one(Crowdfund.pledge.selector), true);
        paymaster.setAllowed(address(union), address(demands), _one(Demands.commit.selector), true);
        paymaster.setAllowed(address(union), address(courses), _one(Courses.enrol.selector), true);
        vm.stopPrank();
    }

    // ---------------------------------------------------------------- calls in the paying union

    function test_pledge_ownUnionsCampaign_sponsored() public {
        vm.prank(alice);
        token.approve(address(crowdfund), 1e18);
        uint256 balance = paymaster.balanceOf(address(union));
        _handle(_op(aliceKey, address(crowdfund), abi.encodeCall(Crowdfund.pledge, (ownCampaign, 1e18))));
        assertEq(crowdfund.pledgeOf(ownCampaign, alice), 1e18);
        assertLt(paymaster.balanceOf(address(union)), balance);
        assertEq(alice.balance, 0);
    }

    function test_enrol_ownUnionsCourse_sponsored() public {
        _handle(_op(aliceKey, address(courses), abi.encodeCall(Courses.enrol, (ownCourse, 0))));
        assertTrue(courses.isEnrolled(ownCourse, alice));
    }

    // ---------------------------------------------------------------- calls in another union, refused

    function test_validate_pledgeToOtherUnionsCampaign_refused() public {
        bytes memory data = abi.encodeCall(Crowdfund.pledge, (otherCampaign, 1e18));
        _expectRefused(_op(aliceKey, address(crowdfund), data), _otherUnion(address(crowdfund), data, address(other)));
        assertEq(crowdfund.pledgeOf(otherCampaign, alice), 0);
    }

    function test_validate_commitToOtherUnionsDemand_refused() public {
        bytes memory data = abi.encodeCall(Demands.commit, (otherDemand, alice, ""));
        _expectRefused(_op(aliceKey, address(demands), data), _otherUnion(address(demands), data, address(other)));
        assertFalse(demands.isCommitted(otherDemand, alice));
    }

    function test_validate_enrolInOtherUnionsCourse_refused() public {
        bytes memory data = abi.encodeCall(Courses.enrol, (otherCourse, 0));
        _expectRefused(_op(aliceKey, address(courses), data), _otherUnion(address(courses), data, address(other)));
        assertFalse(courses.isEnrolled(otherCourse, alice));
    }

    function test_validate_unknownCampaign_refused() public {
        bytes memory data = abi.encodeCall(Crowdfund.pledge, (999, 1e18));
        _expectRefused(_op(aliceKey, address(crowdfund), data), _otherUnion(address(crowdfund), data, address(0)));
    }

    // ---------------------------------------------------------------- unionOfCall

    function test_unionOfCall_crowdfund_namesTheUnionOfEachScopedCall() public {
        assertEq(crowdfund.unionOfCall(abi.encodeCall(Crowdfund.claim, (otherCampaign))), address(other));
        assertEq(crowdfund.unionOfCall(abi.encodeCall(Crowdfund.unpledge, (ownCampaign, 1))), address(union));
        assertEq(crowdfund.unionOfCall(abi.encodeCall(Crowdfund.openRound, (address(other), 1, 2))), address(other));
        vm.prank(founder);
        uint256 round = crowdfund.openRound(address(other), uint48(block.timestamp), uint48(block.timestamp + 9 days));
        assertEq(crowdfund.unionOfCall(abi.encodeCall(Crowdfund.fundRound, (round, 1))), address(other));
        ICrowdfund.CampaignParams memory p;
        p.union = address(other);
        assertEq(crowdfund.unionOfCall(abi.encodeCall(Crowdfund.createCampaign, (p))), address(other));
        // not scoped, too short, a dirty address word
        assertEq(crowdfund.unionOfCall(abi.encodeCall(Crowdfund.weightOf, (ownCampaign))), address(0));
        assertEq(crowdfund.unionOfCall(abi.encodePacked(Crowdfund.pledge.selector)), address(0));
        assertEq(
            crowdfund.unionOfCall(abi.encodePacked(Crowdfund.openRound.selector, type(uint256).max, uint256(1))),
            address(0)
        );
    }

    function test_unionOfCall_demandsAndCourses_nameTheUnionOfEachScopedCall() public view {
        assertEq(demands.unionOfCall(abi.encodeCall(Demands.withdraw, (otherDemand))), address(other));
        assertEq(demands.unionOfCall(abi.encodeCall(Demands.create, (address(union), "", "", 1, 1))), address(union));
        assertEq(demands.unionOfCall(abi.encodeCall(Demands.stateOf, (ownDemand))), address(0));
        assertEq(courses.unionOfCall(abi.encodeCall(Courses.submitCompletion, (otherCourse))), address(other));
        assertEq(
            courses.unionOfCall(abi.encodeCall(Courses.registerCourse, (address(other), "", "", 0, 0, false))),
            address(other)
        );
        assertEq(courses.unionOfCall(abi.encodeCall(Courses.authorShareOf, (ownCourse))), address(0));
    }

    // ---------------------------------------------------------------- helpers

    function _otherUnion(address target, bytes memory data, address acting) internal view returns (bytes memory) {
        // forge-lint: disable-next-line(unsafe-typecast)
        bytes4 selector = bytes4(data); // the selector: the first 4 bytes of the call
        return abi.encodeWithSelector(
            IUnionPaymaster.UnionPaymaster_OtherUnion.selector, address(union), target, selector, acting
        );
    }

    function _one(bytes4 selector) internal pure returns (bytes4[] memory fns) {
        fns = new bytes4[](1);
        fns[0] = selector;
    }

    function _campaign(address in_) internal returns (uint256) {
        ICrowdfund.CampaignParams memory p;
        p.union = in_;
        p.descriptionCid = CHARTER;
        p.recipient = founder;
        p.goal = 10e18;
        p.deadline = uint48(block.timestamp + 5 days);
        vm.prank(founder);
        return crowdfund.createCampaign(p);
    }

    function _demand(address in_) internal returns (uint256) {
        vm.prank(founder);
        return demands.create(in_, CHARTER, "the employer", 2, uint48(block.timestamp + 5 days));
    }

    function _course(address in_) internal returns (uint256) {
        vm.prank(founder);
        return courses.registerCourse(in_, CHARTER, CHARTER, 0, 0, true);
    }
}
