// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CoursesTestBase} from "../CoursesTestBase.sol";
import {CoursesHandler} from "./CoursesHandler.sol";

contract CoursesInvariantsTest is CoursesTestBase {
    CoursesHandler internal handler;
    address internal dave = makeAddr("dave");
    uint256 internal treasuryStart;
    uint256 internal authorStart;

    function setUp() public override {
        super.setUp();
        _joinTrusted(dave);
        address[] memory ms = new address[](4);
        ms[0] = bob;
        ms[1] = carol;
        ms[2] = dave;
        ms[3] = outsider; // never a member: every enrolment must fail
        uint256[] memory ids = new uint256[](3);
        ids[0] = _register(PRICE, SHARE, false);
        ids[1] = _register(0, 0, true);
        ids[2] = _register(7e18 + 3, 3_333, true);
        for (uint256 i; i < 3; ++i) {
            _fund(ms[i], 500e18);
            vm.prank(ms[i]);
            token.approve(address(courses), type(uint256).max);
        }
        treasuryStart = token.balanceOf(address(timelock));
        authorStart = token.balanceOf(alice);
        handler = new CoursesHandler(courses, token, alice, address(timelock), ms, ids);
        targetContract(address(handler));
    }

    /// @dev Sum of author + treasury receipts == sum of prices paid, and the contract never holds tokens.
    function invariant_receiptsEqualPricesPaid() public view {
        assertEq(handler.ghostAuthorReceived() + handler.ghostTreasuryReceived(), handler.ghostPricesPaid());
        assertEq(token.balanceOf(alice) - authorStart, handler.ghostAuthorReceived());
        assertEq(token.balanceOf(address(timelock)) - treasuryStart, handler.ghostTreasuryReceived());
        assertEq(token.balanceOf(address(courses)), 0);
    }

    /// @dev Nobody is enrolled twice; credentials only go to enrolled members; no rule was broken on the way.
    function invariant_enrolOnceCredentialsOnlyToEnrolled() public view {
        assertEq(handler.ghostRuleViolations(), 0);
        address[] memory ms = handler.members();
        uint256[] memory ids = handler.courseIds();
        for (uint256 c; c < ids.length; ++c) {
            for (uint256 i; i < ms.length; ++i) {
                uint256 n = handler.enrolCount(ids[c], ms[i]);
                assertLe(n, 1);
                assertEq(courses.isEnrolled(ids[c], ms[i]), n == 1);
                if (courses.credentialIssuedAt(ids[c], ms[i]) != 0) assertTrue(courses.isEnrolled(ids[c], ms[i]));
            }
        }
    }
}
