// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ICourses
/// @notice The declarations of `Courses`: its struct, errors and events (the web app's API), kept apart
/// from the logic as OpenZeppelin keeps `IGovernor` apart from `Governor`.
interface ICourses {
    /// @notice A course as stored.
    struct Course {
        address union;
        address author;
        address token;
        uint16 authorShareBps;
        bool autoIssue;
        uint32 version;
        uint256 price;
        string manifest;
    }
    /// @notice `union` was not created by the factory.
    /// @param union The address given as a union.
    error Courses_UnknownUnion(address union);
    /// @notice `account` is not a member of `union`.
    /// @param union The union.
    /// @param account The non-member.
    error Courses_NotMember(address union, address account);
    /// @notice No course has this id.
    /// @param courseId The id.
    error Courses_UnknownCourse(uint256 courseId);
    /// @notice Only the course's author may do this.
    /// @param courseId The course.
    /// @param caller The caller.
    /// @param author The author.
    error Courses_NotAuthor(uint256 courseId, address caller, address author);
    /// @notice The author's share exceeds 100%.
    /// @param bps The share given.
    error Courses_ShareTooHigh(uint16 bps);
    /// @notice A manifest or CID string is empty or longer than `MAX_ID_LENGTH`.
    /// @param length Its length in bytes.
    error Courses_BadId(uint256 length);
    /// @notice `member` is already enrolled in `courseId`.
    /// @param courseId The course.
    /// @param member The member.
    error Courses_AlreadyEnrolled(uint256 courseId, address member);
    /// @notice `member` is not enrolled in `courseId`.
    /// @param courseId The course.
    /// @param member The member.
    error Courses_NotEnrolled(uint256 courseId, address member);
    /// @notice The price rose above what the member accepted.
    /// @param courseId The course.
    /// @param price The current price.
    /// @param maxPrice The member's limit.
    error Courses_PriceAboveMax(uint256 courseId, uint256 price, uint256 maxPrice);
    /// @notice No credential was issued under `tokenId`.
    /// @param tokenId The credential id asked about.
    error Courses_NoCredential(uint256 tokenId);
    /// @notice `member` already holds the credential of `courseId`.
    /// @param courseId The course.
    /// @param member The member.
    error Courses_AlreadyCredentialed(uint256 courseId, address member);
    /// @notice A course was registered.
    /// @param courseId The new course.
    /// @param union Its union.
    /// @param author Its author.
    /// @param token The union token its price is paid in.
    /// @param manifest Ceramic stream id (or CID) of the course document.
    event CourseRegistered(
        uint256 indexed courseId, address indexed union, address indexed author, address token, string manifest
    );
    /// @notice A content version was published (version 1 at registration).
    /// @param courseId The course.
    /// @param version 1, 2, ...
    /// @param contentCid CID of this version's UnixFS directory.
    event CourseVersionPublished(uint256 indexed courseId, uint32 indexed version, string contentCid);
    /// @notice Price, author share or auto-issue changed (also emitted at registration).
    /// @param courseId The course.
    /// @param price Price in union tokens (0: free).
    /// @param authorShareBps Author's share of each price.
    /// @param autoIssue Whether completion issues the credential without the author.
    event CourseTermsSet(uint256 indexed courseId, uint256 price, uint16 authorShareBps, bool autoIssue);
    /// @notice The author raised their share to `authorShareBps`, in force from `effectiveAt`.
    /// @param courseId The course.
    /// @param authorShareBps The new share.
    /// @param effectiveAt When enrolments start paying it.
    event AuthorShareRaiseScheduled(uint256 indexed courseId, uint16 authorShareBps, uint256 effectiveAt);
    /// @notice `member` enrolled, paying `authorAmount + treasuryAmount`.
    /// @param courseId The course.
    /// @param member The member.
    /// @param authorAmount Tokens sent to the author.
    /// @param treasuryAmount Tokens sent to the union's timelock.
    event Enrolled(uint256 indexed courseId, address indexed member, uint256 authorAmount, uint256 treasuryAmount);
    /// @notice `member` said they finished `courseId`.
    /// @param courseId The course.
    /// @param member The member.
    event CompletionSubmitted(uint256 indexed courseId, address indexed member);
    /// @notice A completion credential was issued.
    /// @param courseId The course.
    /// @param member The holder.
    /// @param issuer The author, or the member for an auto-issued credential.
    /// @param credentialId `credentialIdOf(courseId, member)`.
    event CredentialIssued(
        uint256 indexed courseId, address indexed member, address indexed issuer, uint256 credentialId
    );
    /// @notice ERC-5192: the credential is locked (forever: there is no unlock).
    /// @param tokenId The credential id.
    event Locked(uint256 tokenId);
}
