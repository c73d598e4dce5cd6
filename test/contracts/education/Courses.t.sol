// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IUnionRegistry} from "../../../contracts/src/economy/IUnionRegistry.sol";
import {Courses} from "../../../contracts/src/education/Courses.sol";
import {ICourses} from "../../../contracts/src/education/ICourses.sol";
import {FalseToken} from "../economy/mocks/FalseToken.sol";
import {MockRegistry, MockUnion} from "../economy/mocks/MockUnion.sol";
import {CoursesTestBase} from "./CoursesTestBase.sol";

contract CoursesTest is CoursesTestBase {
    // ---------------------------------------------------------------- registration and versions

    function test_register_storesCourseAndEmitsVersion1() public {
        vm.expectEmit(address(courses));
        emit ICourses.CourseRegistered(1, address(union), alice, address(token), MANIFEST);
        vm.expectEmit(address(courses));
        emit ICourses.CourseTermsSet(1, PRICE, SHARE, false);
        vm.expectEmit(address(courses));
        emit ICourses.CourseVersionPublished(1, 1, V1);
        uint256 id = _register(PRICE, SHARE, false);
        ICourses.Course memory c = courses.getCourse(id);
        assertEq(id, 1);
        assertEq(c.union, address(union));
        assertEq(c.author, alice);
        assertEq(c.token, address(token));
        assertEq(c.price, PRICE);
        assertEq(c.authorShareBps, SHARE);
        assertEq(c.version, 1);
        assertEq(c.manifest, MANIFEST);
    }

    function test_register_revertsForNonMember() public {
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_NotMember.selector, address(union), outsider));
        courses.registerCourse(address(union), MANIFEST, V1, PRICE, SHARE, false);
    }

    function test_register_revertsForUnknownUnion() public {
        MockUnion fake = new MockUnion(founder, address(token), address(timelock));
        fake.setMember(alice, true);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_UnknownUnion.selector, address(fake)));
        courses.registerCourse(address(fake), MANIFEST, V1, PRICE, SHARE, false);
    }

    function test_register_revertsOnShareAbove100Percent() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_ShareTooHigh.selector, uint16(10_001)));
        courses.registerCourse(address(union), MANIFEST, V1, PRICE, 10_001, false);
    }

    function test_register_revertsOnEmptyOrLongIds() public {
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_BadId.selector, uint256(0)));
        courses.registerCourse(address(union), "", V1, PRICE, SHARE, false);
        string memory long = string(new bytes(129));
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_BadId.selector, uint256(129)));
        courses.registerCourse(address(union), MANIFEST, long, PRICE, SHARE, false);
        vm.stopPrank();
    }

    function test_publishVersion_incrementsAndEmitsEveryCid() public {
        uint256 id = _register(PRICE, SHARE, false);
        vm.expectEmit(address(courses));
        emit ICourses.CourseVersionPublished(id, 2, V2);
        vm.prank(alice);
        assertEq(courses.publishVersion(id, V2), 2);
        assertEq(courses.getCourse(id).version, 2);
    }

    function test_publishVersion_onlyAuthor() public {
        uint256 id = _register(PRICE, SHARE, false);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_NotAuthor.selector, id, bob, alice));
        courses.publishVersion(id, V2);
    }

    function test_setTerms_onlyAuthorAndApplies() public {
        uint256 id = _register(PRICE, SHARE, false);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_NotAuthor.selector, id, bob, alice));
        courses.setTerms(id, 0, 0, true);
        vm.expectEmit(address(courses));
        emit ICourses.CourseTermsSet(id, 5e18, 5_000, true);
        vm.prank(alice);
        courses.setTerms(id, 5e18, 5_000, true);
        ICourses.Course memory c = courses.getCourse(id);
        assertEq(c.price, 5e18);
        assertEq(c.authorShareBps, 5_000);
        assertTrue(c.autoIssue);
    }

    /// @dev The author raised their share while a member's enrolment was pending and took the treasury's part
    /// of it. Failed on the code before the fix (the author got 90 %).
    function test_setTerms_raisedShareDoesNotApplyToAPendingEnrolment() public {
        uint256 id = _register(PRICE, 1_000, false);
        uint256 effectiveAt = block.timestamp + 1 days;
        vm.prank(alice);
        courses.setTerms(id, PRICE, 9_000, false);
        uint256 authorBefore = token.balanceOf(alice);
        _enrol(bob, id); // the enrolment the member signed under a 10 % author share
        assertEq(token.balanceOf(alice) - authorBefore, PRICE * 1_000 / 10_000);
        assertEq(courses.getCourse(id).authorShareBps, 1_000);

        vm.warp(effectiveAt);
        assertEq(courses.authorShareOf(id), 9_000);
        authorBefore = token.balanceOf(alice);
        _enrol(carol, id);
        assertEq(token.balanceOf(alice) - authorBefore, PRICE * 9_000 / 10_000);
    }

    function test_setTerms_raiseIsScheduledAndALowerShareCancelsIt() public {
        uint256 id = _register(PRICE, 1_000, false);
        vm.expectEmit(address(courses));
        emit ICourses.AuthorShareRaiseScheduled(id, 9_000, block.timestamp + courses.SHARE_RAISE_DELAY());
        vm.expectEmit(address(courses));
        emit ICourses.CourseTermsSet(id, PRICE, 1_000, false);
        vm.prank(alice);
        courses.setTerms(id, PRICE, 9_000, false);
        vm.prank(alice);
        courses.setTerms(id, PRICE, 500, false);
        vm.warp(block.timestamp + 2 days);
        assertEq(courses.authorShareOf(id), 500);
        (uint16 bps, uint48 at) = courses.pendingShareRaise(id);
        assertEq(bps, 0);
        assertEq(at, 0);
    }

    function test_unknownCourse_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_UnknownCourse.selector, uint256(7)));
        courses.getCourse(7);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_UnknownCourse.selector, uint256(7)));
        courses.enrol(7, 0);
    }

    // ---------------------------------------------------------------- enrolment and payment

    function test_enrol_paidSplitsBetweenAuthorAndTreasury() public {
        uint256 id = _register(PRICE, SHARE, false);
        uint256 authorBefore = token.balanceOf(alice);
        uint256 treasuryBefore = token.balanceOf(address(timelock));
        _fund(bob, PRICE);
        uint256 treasuryAfterFunding = token.balanceOf(address(timelock));
        vm.startPrank(bob);
        token.approve(address(courses), PRICE);
        vm.expectEmit(address(courses));
        emit ICourses.Enrolled(id, bob, 21e18, 9e18);
        courses.enrol(id, PRICE);
        vm.stopPrank();
        assertTrue(courses.isEnrolled(id, bob));
        assertEq(token.balanceOf(alice) - authorBefore, 21e18);
        assertEq(token.balanceOf(address(timelock)) - treasuryAfterFunding, 9e18);
        assertEq(treasuryBefore - treasuryAfterFunding, PRICE);
        assertEq(token.balanceOf(address(courses)), 0, "nothing is held by the contract");
    }

    function test_enrol_freeNeedsNoTokens() public {
        uint256 id = _register(0, SHARE, false);
        vm.expectEmit(address(courses));
        emit ICourses.Enrolled(id, bob, 0, 0);
        vm.prank(bob);
        courses.enrol(id, 0);
        assertTrue(courses.isEnrolled(id, bob));
    }

    function test_enrol_freeTwiceReverts() public {
        uint256 id = _register(0, SHARE, false);
        vm.startPrank(bob);
        courses.enrol(id, 0);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_AlreadyEnrolled.selector, id, bob));
        courses.enrol(id, 0);
        vm.stopPrank();
    }

    function test_enrol_twiceReverts() public {
        uint256 id = _register(PRICE, SHARE, false);
        _enrol(bob, id);
        _fund(bob, PRICE);
        vm.startPrank(bob);
        token.approve(address(courses), PRICE);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_AlreadyEnrolled.selector, id, bob));
        courses.enrol(id, PRICE);
        vm.stopPrank();
    }

    function test_enrol_nonMemberReverts() public {
        uint256 id = _register(0, SHARE, false);
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_NotMember.selector, address(union), outsider));
        courses.enrol(id, 0);
    }

    function test_enrol_priceAboveMaxReverts() public {
        uint256 id = _register(PRICE, SHARE, false);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_PriceAboveMax.selector, id, PRICE, PRICE - 1));
        courses.enrol(id, PRICE - 1);
    }

    function test_enrol_withoutAllowanceRevertsAndLeavesNoEnrolment() public {
        uint256 id = _register(PRICE, SHARE, false);
        _fund(bob, PRICE);
        vm.prank(bob);
        vm.expectRevert();
        courses.enrol(id, PRICE);
        assertFalse(courses.isEnrolled(id, bob));
    }

    function test_enrolWithPermit_paysWithoutApproval() public {
        uint256 id = _register(PRICE, SHARE, false);
        _fund(bob, PRICE);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(bobKey, address(courses), PRICE, deadline);
        vm.prank(bob);
        courses.enrolWithPermit(id, PRICE, deadline, v, r, s);
        assertTrue(courses.isEnrolled(id, bob));
        assertEq(token.balanceOf(bob), GRANT);
    }

    function test_enrolWithPermit_frontRunPermitStillEnrols() public {
        uint256 id = _register(PRICE, SHARE, false);
        _fund(bob, PRICE);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(bobKey, address(courses), PRICE, deadline);
        token.permit(bob, address(courses), PRICE, deadline, v, r, s); // someone submits it first
        vm.prank(bob);
        courses.enrolWithPermit(id, PRICE, deadline, v, r, s);
        assertTrue(courses.isEnrolled(id, bob));
    }

    function test_enrol_tokenReturningFalseIsNotAcceptedAsPaid() public {
        FalseToken bad = new FalseToken();
        MockUnion mock = new MockUnion(alice, address(bad), makeAddr("treasury"));
        mock.setMember(alice, true);
        mock.setMember(bob, true);
        MockRegistry registry = new MockRegistry();
        registry.add(address(mock));
        Courses local = new Courses(IUnionRegistry(address(registry)), address(0));
        vm.prank(alice);
        uint256 id = local.registerCourse(address(mock), MANIFEST, V1, PRICE, SHARE, false);
        bad.mint(bob, PRICE);
        bad.setFailing(true);
        vm.startPrank(bob);
        bad.approve(address(local), PRICE);
        vm.expectRevert();
        local.enrol(id, PRICE);
        vm.stopPrank();
        assertFalse(local.isEnrolled(id, bob));
    }

    // ---------------------------------------------------------------- credentials

    function test_issueCredential_byAuthorToEnrolledMember() public {
        uint256 id = _register(PRICE, SHARE, false);
        _enrol(bob, id);
        uint256 credId = courses.credentialIdOf(id, bob);
        vm.expectEmit(address(courses));
        emit ICourses.CredentialIssued(id, bob, alice, credId);
        vm.expectEmit(address(courses));
        emit ICourses.Locked(credId);
        vm.prank(alice);
        courses.issueCredential(id, bob);
        assertEq(courses.credentialIssuedAt(id, bob), block.timestamp);
        assertTrue(courses.locked(credId));
    }

    function test_issueCredential_notEnrolledReverts() public {
        uint256 id = _register(PRICE, SHARE, false);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_NotEnrolled.selector, id, bob));
        courses.issueCredential(id, bob);
    }

    function test_issueCredential_onlyAuthorAndOnce() public {
        uint256 id = _register(0, SHARE, false);
        vm.prank(bob);
        courses.enrol(id, 0);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_NotAuthor.selector, id, carol, alice));
        courses.issueCredential(id, bob);
        vm.prank(alice);
        courses.issueCredential(id, bob);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_AlreadyCredentialed.selector, id, bob));
        courses.issueCredential(id, bob);
    }

    function test_submitCompletion_autoIssues() public {
        uint256 id = _register(0, SHARE, true);
        vm.startPrank(bob);
        courses.enrol(id, 0);
        vm.expectEmit(address(courses));
        emit ICourses.CompletionSubmitted(id, bob);
        vm.expectEmit(address(courses));
        emit ICourses.CredentialIssued(id, bob, bob, courses.credentialIdOf(id, bob));
        courses.submitCompletion(id);
        vm.stopPrank();
        assertGt(courses.credentialIssuedAt(id, bob), 0);
    }

    function test_submitCompletion_withoutAutoIssueOnlyRecords() public {
        uint256 id = _register(0, SHARE, false);
        vm.startPrank(bob);
        courses.enrol(id, 0);
        courses.submitCompletion(id);
        vm.stopPrank();
        assertEq(courses.credentialIssuedAt(id, bob), 0);
    }

    function test_submitCompletion_requiresEnrolment() public {
        uint256 id = _register(0, SHARE, true);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_NotEnrolled.selector, id, bob));
        courses.submitCompletion(id);
    }

    function test_locked_revertsForUnissued() public {
        uint256 id = _register(0, SHARE, false);
        uint256 credId = courses.credentialIdOf(id, bob);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_NoCredential.selector, credId));
        courses.locked(credId);
    }

    /// @dev Non-transferable: the contract has no transfer entry point of any ERC-721 / ERC-20 shape.
    function test_credential_cannotBeTransferred() public {
        uint256 id = _register(0, SHARE, true);
        vm.startPrank(bob);
        courses.enrol(id, 0);
        courses.submitCompletion(id);
        uint256 credId = courses.credentialIdOf(id, bob);
        bytes4[4] memory selectors = [
            bytes4(keccak256("transferFrom(address,address,uint256)")),
            bytes4(keccak256("safeTransferFrom(address,address,uint256)")),
            bytes4(keccak256("safeTransferFrom(address,address,uint256,bytes)")),
            bytes4(keccak256("approve(address,uint256)"))
        ];
        for (uint256 i; i < selectors.length; ++i) {
            (bool ok,) = address(courses).call(abi.encodeWithSelector(selectors[i], bob, carol, credId));
            assertFalse(ok);
        }
        vm.stopPrank();
        assertGt(courses.credentialIssuedAt(id, bob), 0);
        assertEq(courses.credentialIssuedAt(id, carol), 0);
    }
}
