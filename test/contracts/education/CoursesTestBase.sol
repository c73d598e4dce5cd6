// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IUnionRegistry} from "../../../contracts/src/economy/IUnionRegistry.sol";
import {Courses} from "../../../contracts/src/education/Courses.sol";
import {UnionTestBase} from "../utils/UnionTestBase.sol";

/// @dev One Open union with members alice (author), bob and carol, and the shared Courses contract.
abstract contract CoursesTestBase is UnionTestBase {
    Courses internal courses;
    address internal outsider = makeAddr("outsider");

    string internal constant MANIFEST = "kjzl6kcym7w8y7coursemanifest";
    string internal constant V1 = "bafybeicoursev1";
    string internal constant V2 = "bafybeicoursev2";
    uint256 internal constant PRICE = 30e18;
    uint16 internal constant SHARE = 7_000;

    function setUp() public virtual override {
        super.setUp();
        courses = new Courses(IUnionRegistry(address(factory)), address(0));
        _joinTrusted(alice);
        _joinTrusted(bob);
        _joinTrusted(carol);
    }

    function _fund(address who, uint256 amount) internal {
        vm.prank(address(timelock));
        token.transfer(who, amount);
    }

    function _register(uint256 price, uint16 share, bool autoIssue) internal returns (uint256 id) {
        vm.prank(alice);
        id = courses.registerCourse(address(union), MANIFEST, V1, price, share, autoIssue);
    }

    function _enrol(address who, uint256 id) internal {
        uint256 price = courses.getCourse(id).price;
        _fund(who, price);
        vm.startPrank(who);
        token.approve(address(courses), price);
        courses.enrol(id, price);
        vm.stopPrank();
    }
}
