// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IUnion
/// @notice What shared feature contracts (escrow, crowdfunding, courses, ...) need to know about a union:
/// who belongs, who holds the founder's powers, and which token and timelock are its own.
interface IUnion {
    /// @notice How newcomers get in.
    enum AdmissionRule {
        Open,
        Invite,
        Approval
    }

    /// @notice How a member got in (recorded in `MemberJoined`).
    enum JoinPath {
        Founder,
        Open,
        Invite,
        Approval,
        FoundingMember
    }

    /// @notice Whether `account` is a member right now.
    /// @param account The address to check.
    /// @return True iff `account` has joined and not left since.
    function isMember(address account) external view returns (bool);

    /// @notice Whether `account` is a current member whose trust was established in this membership: the
    /// founder or a founding member named at creation, a member admitted by the steward's approval, or a member
    /// vouched for by enough trusted members. Trust lasts for the rest of the membership; leaving ends it. The
    /// union's timelock is never trusted. Only trusted members vote, weigh in matching or count in demands.
    /// @param account The address to check.
    /// @return True iff `account` is a member and trusted in its current membership.
    function isTrusted(address account) external view returns (bool);

    /// @notice The holder of the founder's powers (the founder, later the union's timelock).
    /// @return The steward's address.
    function steward() external view returns (address);

    /// @notice The union's ERC-20 votes token.
    /// @return The token's address.
    function token() external view returns (address);

    /// @notice The union's TimelockController, which owns the treasury.
    /// @return The timelock's address.
    function timelock() external view returns (address);
}
