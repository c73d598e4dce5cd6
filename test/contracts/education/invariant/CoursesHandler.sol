// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {Courses} from "../../../../contracts/src/education/Courses.sol";
import {IUnion} from "../../../../contracts/src/interfaces/IUnion.sol";
import {UnionToken} from "../../../../contracts/src/UnionToken.sol";

/// @dev Drives random enrolments (including repeats), price changes, completions and credential issues (including
/// to members who never enrolled) over a fixed set of courses by `author`, and tracks what was paid.
contract CoursesHandler is CommonBase, StdCheats, StdUtils {
    Courses public immutable courses;
    UnionToken public immutable token;
    address public immutable author;
    address public immutable treasury;

    address[] internal _members;
    uint256[] internal _courses;

    uint256 public ghostPricesPaid;
    uint256 public ghostAuthorReceived;
    uint256 public ghostTreasuryReceived;
    /// @dev An enrolment or issue succeeded when it must not have.
    uint256 public ghostRuleViolations;
    mapping(uint256 courseId => mapping(address member => uint256)) public enrolCount;

    constructor(
        Courses courses_,
        UnionToken token_,
        address author_,
        address treasury_,
        address[] memory members_,
        uint256[] memory courses__
    ) {
        courses = courses_;
        token = token_;
        author = author_;
        treasury = treasury_;
        _members = members_;
        _courses = courses__;
    }

    function members() external view returns (address[] memory) {
        return _members;
    }

    function courseIds() external view returns (uint256[] memory) {
        return _courses;
    }

    function enrol(uint256 memberSeed, uint256 courseSeed) external {
        address m = _members[memberSeed % _members.length];
        uint256 id = _courses[courseSeed % _courses.length];
        bool before = courses.isEnrolled(id, m);
        uint256 price = courses.getCourse(id).price;
        uint256 a0 = token.balanceOf(author);
        uint256 t0 = token.balanceOf(treasury);
        vm.prank(m);
        try courses.enrol(id, price) {
            if (before) ++ghostRuleViolations;
            ++enrolCount[id][m];
            ghostPricesPaid += price;
            ghostAuthorReceived += token.balanceOf(author) - a0;
            ghostTreasuryReceived += token.balanceOf(treasury) - t0;
        } catch {
            // A member who is not yet enrolled and can pay must get in.
            if (!before && token.balanceOf(m) >= price && IUnion(courses.getCourse(id).union).isMember(m)) {
                ++ghostRuleViolations;
            }
        }
    }

    function setTerms(uint256 courseSeed, uint256 price, uint16 share) external {
        uint256 id = _courses[courseSeed % _courses.length];
        price = bound(price, 0, 50e18);
        share = uint16(bound(share, 0, 10_000));
        vm.prank(author);
        courses.setTerms(id, price, share, share % 2 == 0);
    }

    function submitCompletion(uint256 memberSeed, uint256 courseSeed) external {
        address m = _members[memberSeed % _members.length];
        uint256 id = _courses[courseSeed % _courses.length];
        bool enrolled = courses.isEnrolled(id, m);
        vm.prank(m);
        try courses.submitCompletion(id) {
            if (!enrolled) ++ghostRuleViolations;
        } catch {}
    }

    function issue(uint256 memberSeed, uint256 courseSeed) external {
        address m = _members[memberSeed % _members.length];
        uint256 id = _courses[courseSeed % _courses.length];
        bool enrolled = courses.isEnrolled(id, m);
        vm.prank(author);
        try courses.issueCredential(id, m) {
            if (!enrolled) ++ghostRuleViolations;
        } catch {}
    }

    /// @dev Tries to move a credential through any ERC-721-shaped call; success would be a violation.
    function tryTransfer(uint256 fromSeed, uint256 toSeed, uint256 courseSeed) external {
        address from = _members[fromSeed % _members.length];
        address to = _members[toSeed % _members.length];
        uint256 credId = courses.credentialIdOf(_courses[courseSeed % _courses.length], from);
        vm.prank(from);
        (bool ok,) =
            address(courses).call(abi.encodeWithSignature("transferFrom(address,address,uint256)", from, to, credId));
        if (ok) ++ghostRuleViolations;
    }
}
