// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ERC2771Context} from "@openzeppelin/contracts/metatx/ERC2771Context.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IUnion} from "../interfaces/IUnion.sol";
import {IUnionRegistry} from "../economy/IUnionRegistry.sol";
import {ICourses} from "./ICourses.sol";
import {IUnionScoped} from "../interfaces/IUnionScoped.sol";
import {ScopedCall} from "../utils/ScopedCall.sol";

/// @title Courses
/// @notice Courses taught inside unions (one deployment for every union, keyed by union), paid in each union's
/// token, with non-transferable completion credentials.
///
/// Course: a member of a union registers a course with its manifest (the Ceramic stream id of the course
/// document), the CID of its first content version (the UnixFS directory with the lessons), a price in the
/// union's token and the author's share in basis points; the rest of each price goes to the union's timelock
/// (its treasury). The author publishes new versions with `publishVersion`; every version's CID stays in the
/// `CourseVersionPublished` events, so old versions remain findable and readable on IPFS.
///
/// Enrolment: members of the course's union enrol once. A paid enrolment moves the price straight from the
/// member to the author and the treasury (`SafeERC20.safeTransferFrom`, so a token returning false reverts the
/// enrolment); nothing is held here, so nothing is credited: a fee-on-transfer token (never a union's own) would
/// only make the author and the treasury receive less than `Enrolled` says. `maxPrice` protects the member from a
/// price raised in the same block; a raised author share takes effect only `SHARE_RAISE_DELAY` later, so an
/// author cannot move a pending enrolment's money from the treasury to themself.
///
/// Credential: a soulbound completion record per (course, member), ERC-5192-style without the ERC-721 surface:
/// a mapping plus events (`CredentialIssued` and ERC-5192's `Locked`). There is no transfer function at all,
/// so a credential cannot move; `locked(id)` is true for every issued credential. The author issues it to an
/// enrolled member, or it is issued on `submitCompletion` when the course is set to auto-issue.
contract Courses is ICourses, IUnionScoped, ERC2771Context, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Basis-point denominator of `authorShareBps`.
    uint16 public constant BPS = 10_000;
    /// @notice Delay before a raised author share applies (a lowered one applies at once).
    uint256 public constant SHARE_RAISE_DELAY = 1 days;
    /// @notice Longest manifest or content CID string accepted (bytes).
    uint256 public constant MAX_ID_LENGTH = 128;

    /// @notice The factory whose unions this contract serves.
    IUnionRegistry public immutable factory;

    /// @notice Number of courses; ids run from 1 to `courseCount`.
    uint256 public courseCount;

    /// @notice A raised author share waiting for its delay.
    /// @param bps The new share.
    /// @param effectiveAt When it applies.
    struct ShareRaise {
        uint16 bps;
        uint48 effectiveAt;
    }

    /// @notice The author share raise waiting to apply to `courseId` (zero: none).
    mapping(uint256 courseId => ShareRaise) public pendingShareRaise;
    /// @notice Whether `member` is enrolled in `courseId`.
    mapping(uint256 courseId => mapping(address member => bool)) public isEnrolled;
    /// @notice When `member`'s credential for `courseId` was issued (0: none).
    mapping(uint256 courseId => mapping(address member => uint256)) public credentialIssuedAt;

    mapping(uint256 courseId => Course) private _courses;

    /// @param factory_ The union factory (`isUnion`).
    /// @param trustedForwarder_ The relay whose calls carry the member's address appended (ERC-2771; zero: none).
    constructor(IUnionRegistry factory_, address trustedForwarder_) ERC2771Context(trustedForwarder_) {
        factory = factory_;
    }

    // ---------------------------------------------------------------- authors

    /// @notice Register a course in `union` (members only). Emits its terms and version 1.
    /// @param union The union.
    /// @param manifest Ceramic stream id (or CID) of the course document.
    /// @param contentCid CID of the first version's UnixFS directory.
    /// @param price Price in the union's token (0: free).
    /// @param authorShareBps Author's share of each price in basis points; the rest goes to the union's timelock.
    /// @param autoIssue Whether `submitCompletion` issues the credential without the author.
    /// @return courseId The new course.
    function registerCourse(
        address union,
        string calldata manifest,
        string calldata contentCid,
        uint256 price,
        uint16 authorShareBps,
        bool autoIssue
    ) external returns (uint256 courseId) {
        if (!factory.isUnion(union)) revert Courses_UnknownUnion(union);
        if (!IUnion(union).isMember(_msgSender())) revert Courses_NotMember(union, _msgSender());
        _checkId(manifest);
        _checkId(contentCid);
        if (authorShareBps > BPS) revert Courses_ShareTooHigh(authorShareBps);
        courseId = ++courseCount;
        address token = IUnion(union).token();
        Course storage c = _courses[courseId];
        c.union = union;
        c.author = _msgSender();
        c.token = token;
        c.authorShareBps = authorShareBps;
        c.autoIssue = autoIssue;
        c.version = 1;
        c.price = price;
        c.manifest = manifest;
        emit CourseRegistered(courseId, union, _msgSender(), token, manifest);
        emit CourseTermsSet(courseId, price, authorShareBps, autoIssue);
        emit CourseVersionPublished(courseId, 1, contentCid);
    }

    /// @notice Publish a new content version (author only); earlier versions stay in the event log.
    /// @param courseId The course.
    /// @param contentCid CID of the new version's UnixFS directory.
    /// @return version The new version number.
    function publishVersion(uint256 courseId, string calldata contentCid) external returns (uint32 version) {
        Course storage c = _authored(courseId);
        _checkId(contentCid);
        version = ++c.version;
        emit CourseVersionPublished(courseId, version, contentCid);
    }

    /// @notice Change price, author share and auto-issue (author only); enrolled members are unaffected. A
    /// higher author share is scheduled (`AuthorShareRaiseScheduled`) and applies `SHARE_RAISE_DELAY` later; a
    /// share no higher than the one in force applies at once and drops any scheduled raise.
    /// @param courseId The course.
    /// @param price New price (0: free).
    /// @param authorShareBps New author share in basis points.
    /// @param autoIssue New auto-issue flag.
    function setTerms(uint256 courseId, uint256 price, uint16 authorShareBps, bool autoIssue) external {
        Course storage c = _authored(courseId);
        if (authorShareBps > BPS) revert Courses_ShareTooHigh(authorShareBps);
        uint16 current = authorShareOf(courseId);
        c.price = price;
        c.autoIssue = autoIssue;
        if (authorShareBps > current) {
            c.authorShareBps = current;
            uint256 effectiveAt = block.timestamp + SHARE_RAISE_DELAY;
            // casting is safe: timestamps fit 48 bits for millions of years
            // forge-lint: disable-next-line(unsafe-typecast)
            pendingShareRaise[courseId] = ShareRaise({bps: authorShareBps, effectiveAt: uint48(effectiveAt)});
            emit AuthorShareRaiseScheduled(courseId, authorShareBps, effectiveAt);
        } else {
            c.authorShareBps = authorShareBps;
            delete pendingShareRaise[courseId];
            current = authorShareBps;
        }
        emit CourseTermsSet(courseId, price, current, autoIssue);
    }

    /// @notice Issue the completion credential to an enrolled member (author only).
    /// @param courseId The course.
    /// @param member The enrolled member.
    function issueCredential(uint256 courseId, address member) external {
        _authored(courseId);
        _issue(courseId, member);
    }

    // ---------------------------------------------------------------- members

    /// @notice Enrol in a course (members of its union), paying its price with a prior approval.
    /// @param courseId The course.
    /// @param maxPrice The most the member accepts to pay.
    function enrol(uint256 courseId, uint256 maxPrice) external nonReentrant {
        _enrol(courseId, maxPrice);
    }

    /// @notice `enrol` with an ERC-2612 permit for this contract instead of a prior approval (a failing permit is
    /// ignored, e.g. one front-run by someone else; the transfers then need the allowance either way).
    /// @param courseId The course.
    /// @param maxPrice The most the member accepts to pay; also the permit's value.
    /// @param permitDeadline The permit's deadline.
    /// @param v Signature v.
    /// @param r Signature r.
    /// @param s Signature s.
    function enrolWithPermit(uint256 courseId, uint256 maxPrice, uint256 permitDeadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
    {
        Course storage c = _course(courseId);
        try IERC20Permit(c.token).permit(_msgSender(), address(this), maxPrice, permitDeadline, v, r, s) {} catch {}
        _enrol(courseId, maxPrice);
    }

    /// @notice Say you finished a course you are enrolled in; issues the credential if the course auto-issues.
    /// @param courseId The course.
    function submitCompletion(uint256 courseId) external {
        Course storage c = _course(courseId);
        if (!isEnrolled[courseId][_msgSender()]) revert Courses_NotEnrolled(courseId, _msgSender());
        if (credentialIssuedAt[courseId][_msgSender()] != 0) {
            revert Courses_AlreadyCredentialed(courseId, _msgSender());
        }
        emit CompletionSubmitted(courseId, _msgSender());
        if (c.autoIssue) _issue(courseId, _msgSender());
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IUnionScoped
    /// @dev A course's functions act in its union, `registerCourse` in the union it names.
    function unionOfCall(bytes calldata data) external view returns (address union) {
        (bool ok, bytes4 selector, uint256 arg) = ScopedCall.split(data);
        if (!ok) return address(0);
        if (
            selector == this.enrol.selector || selector == this.enrolWithPermit.selector
                || selector == this.submitCompletion.selector || selector == this.publishVersion.selector
                || selector == this.setTerms.selector || selector == this.issueCredential.selector
        ) return _courses[arg].union;
        if (selector == this.registerCourse.selector) return ScopedCall.addressOf(arg);
    }

    /// @notice A course.
    /// @param courseId The course.
    /// @return course The stored course, with the author share in force (`authorShareOf`).
    function getCourse(uint256 courseId) external view returns (Course memory course) {
        course = _course(courseId);
        course.authorShareBps = authorShareOf(courseId);
    }

    /// @notice The author share enrolments pay now: a scheduled raise once its delay has passed, else the
    /// stored share.
    /// @param courseId The course.
    /// @return The share in basis points.
    function authorShareOf(uint256 courseId) public view returns (uint16) {
        ShareRaise memory raise = pendingShareRaise[courseId];
        if (raise.effectiveAt != 0 && block.timestamp >= raise.effectiveAt) return raise.bps;
        return _courses[courseId].authorShareBps;
    }

    /// @notice The id of `member`'s credential for `courseId` (whether issued or not): `courseId << 160 | member`.
    /// @param courseId The course.
    /// @param member The member.
    /// @return The credential id.
    function credentialIdOf(uint256 courseId, address member) public pure returns (uint256) {
        return (courseId << 160) | uint256(uint160(member));
    }

    /// @notice ERC-5192: whether credential `tokenId` is locked. Every issued credential is, forever.
    /// @param tokenId A credential id.
    /// @return True for an issued credential; reverts with `Courses_NoCredential` for one never issued (ERC-5192).
    function locked(uint256 tokenId) external view returns (bool) {
        if (credentialIssuedAt[tokenId >> 160][address(uint160(tokenId))] == 0) revert Courses_NoCredential(tokenId);
        return true;
    }

    // ---------------------------------------------------------------- internals

    function _enrol(uint256 courseId, uint256 maxPrice) private {
        Course storage c = _course(courseId);
        address union = c.union;
        if (!IUnion(union).isMember(_msgSender())) revert Courses_NotMember(union, _msgSender());
        if (isEnrolled[courseId][_msgSender()]) revert Courses_AlreadyEnrolled(courseId, _msgSender());
        uint256 price = c.price;
        if (price > maxPrice) revert Courses_PriceAboveMax(courseId, price, maxPrice);
        // Effects before the token calls (CEI); nonReentrant guards the rest.
        isEnrolled[courseId][_msgSender()] = true;
        // A free course splits nothing: no share, token or treasury to read (two cold slots fewer).
        if (price == 0) {
            emit Enrolled(courseId, _msgSender(), 0, 0);
            return;
        }
        uint256 authorAmount = price * authorShareOf(courseId) / BPS;
        uint256 treasuryAmount = price - authorAmount;
        emit Enrolled(courseId, _msgSender(), authorAmount, treasuryAmount);
        IERC20 token = IERC20(c.token);
        if (authorAmount != 0) token.safeTransferFrom(_msgSender(), c.author, authorAmount);
        if (treasuryAmount != 0) token.safeTransferFrom(_msgSender(), IUnion(union).timelock(), treasuryAmount);
    }

    function _issue(uint256 courseId, address member) private {
        if (!isEnrolled[courseId][member]) revert Courses_NotEnrolled(courseId, member);
        if (credentialIssuedAt[courseId][member] != 0) revert Courses_AlreadyCredentialed(courseId, member);
        credentialIssuedAt[courseId][member] = block.timestamp;
        uint256 id = credentialIdOf(courseId, member);
        emit CredentialIssued(courseId, member, _msgSender(), id);
        emit Locked(id);
    }

    function _course(uint256 courseId) private view returns (Course storage c) {
        c = _courses[courseId];
        if (c.author == address(0)) revert Courses_UnknownCourse(courseId);
    }

    function _authored(uint256 courseId) private view returns (Course storage c) {
        c = _course(courseId);
        if (_msgSender() != c.author) revert Courses_NotAuthor(courseId, _msgSender(), c.author);
    }

    function _checkId(string calldata id) private pure {
        uint256 length = bytes(id).length;
        if (length == 0 || length > MAX_ID_LENGTH) revert Courses_BadId(length);
    }
}
