// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ICourses} from "../../../contracts/src/education/ICourses.sol";
import {CoursesTestBase} from "./CoursesTestBase.sol";

contract CoursesFuzzTest is CoursesTestBase {
    /// @dev Any price and share: author + treasury receive exactly the price, the author exactly floor(price·bps/1e4).
    function testFuzz_enrol_splitIsExact(uint256 price, uint16 share) public {
        price = bound(price, 0, RESERVE / 2);
        share = uint16(bound(share, 0, 10_000));
        uint256 id = _register(price, share, false);
        _fund(bob, price);
        uint256 author0 = token.balanceOf(alice);
        uint256 treasury0 = token.balanceOf(address(timelock));
        uint256 bob0 = token.balanceOf(bob);
        vm.startPrank(bob);
        token.approve(address(courses), price);
        courses.enrol(id, price);
        vm.stopPrank();
        uint256 toAuthor = token.balanceOf(alice) - author0;
        uint256 toTreasury = token.balanceOf(address(timelock)) - treasury0;
        assertEq(toAuthor, price * share / 10_000);
        assertEq(toAuthor + toTreasury, price);
        assertEq(bob0 - token.balanceOf(bob), price);
        assertEq(token.balanceOf(address(courses)), 0);
    }

    /// @dev Share above 100% never registers.
    function testFuzz_register_rejectsShareAbove100(uint16 share) public {
        share = uint16(bound(share, 10_001, type(uint16).max));
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_ShareTooHigh.selector, share));
        courses.registerCourse(address(union), MANIFEST, V1, PRICE, share, false);
    }

    /// @dev maxPrice below the price always reverts and moves nothing.
    function testFuzz_enrol_maxPriceGuard(uint256 price, uint256 maxPrice) public {
        price = bound(price, 1, RESERVE / 2);
        maxPrice = bound(maxPrice, 0, price - 1);
        uint256 id = _register(price, SHARE, false);
        _fund(bob, price);
        vm.startPrank(bob);
        token.approve(address(courses), price);
        vm.expectRevert(abi.encodeWithSelector(ICourses.Courses_PriceAboveMax.selector, id, price, maxPrice));
        courses.enrol(id, maxPrice);
        vm.stopPrank();
        assertFalse(courses.isEnrolled(id, bob));
    }

    /// @dev Credential ids round-trip to (course, member) and never collide across courses or members.
    function testFuzz_credentialId_roundTrips(uint96 courseId, address member) public view {
        uint256 credId = courses.credentialIdOf(courseId, member);
        assertEq(credId >> 160, courseId);
        assertEq(address(uint160(credId)), member);
    }
}
