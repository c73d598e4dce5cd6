// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ERC2771Context} from "@openzeppelin/contracts/metatx/ERC2771Context.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {IUnion} from "../interfaces/IUnion.sol";
import {IUnionRegistry} from "../economy/IUnionRegistry.sol";
import {IDemands} from "./IDemands.sol";
import {IUnionScoped} from "../interfaces/IUnionScoped.sol";
import {ScopedCall} from "../utils/ScopedCall.sol";

/// @title Demands
/// @notice Collective demands for every union (one deployment, keyed by union). A member drafts a demand to an
/// outside party (text on IPFS: what the union asks, and what members will do if it is not met) with a threshold
/// of `N` committed members and a deadline. Members commit by signing EIP-712 typed data
/// `Commitment(address union,uint256 demandId,address member,string textCid,uint256 nonce)`; anyone may submit
/// the signature (a relayer, a fellow member, or the member). Only trusted members (`IUnion.isTrusted`) count:
/// a commitment is accepted from a trusted member, and the demand becomes Active only through `activate`, which
/// checks `N` distinct committers that are all trusted members in that very block — so people who left since
/// committing are never counted. A commitment can be withdrawn until the demand is Active; then it is Active for
/// good and every commitment is locked.
/// @dev Every signature is emitted in `Committed`, so the bundle (text CID + every signature + this contract's
/// EIP-712 domain) can be rebuilt from logs and checked offline without trusting any site. Withdrawing bumps the
/// member's nonce for that demand, so an old signature can never be replayed to commit them again. Activation
/// loops over a caller-supplied list of exactly `threshold` committers, and `threshold <= MAX_THRESHOLD`, so it
/// is bounded (about 10k gas a committer).
// forge-lint: disable-start(block-timestamp)
contract Demands is IDemands, IUnionScoped, EIP712, ERC2771Context {
    /// @dev Per (demand, member): whether a commitment is live, and the nonce the next signature must carry.
    struct Pledge {
        bool committed;
        uint64 nonce;
    }

    /// @notice EIP-712 type hash of `Commitment`.
    bytes32 public constant COMMITMENT_TYPEHASH =
        keccak256("Commitment(address union,uint256 demandId,address member,string textCid,uint256 nonce)");
    /// @notice Longest time a demand may stay open.
    uint256 public constant MAX_DURATION = 365 days;
    /// @notice Largest threshold, so that `activate` (one check per counted committer) fits in a block.
    uint32 public constant MAX_THRESHOLD = 1000;

    /// @notice The factory whose unions this contract serves.
    IUnionRegistry public immutable factory;

    /// @notice Number of demands created (ids start at 1).
    uint256 public demandCount;

    mapping(uint256 demandId => Demand) private _demands;
    mapping(uint256 demandId => mapping(address member => Pledge)) private _pledges;

    /// @param factory_ The factory whose unions may make demands.
    /// @param trustedForwarder_ The relay whose calls carry the member's address appended (ERC-2771; zero: none).
    constructor(IUnionRegistry factory_, address trustedForwarder_)
        EIP712("Network Union Demands", "1")
        ERC2771Context(trustedForwarder_)
    {
        factory = factory_;
    }

    /// @notice Draft a demand for `union` (members only).
    /// @param union The union.
    /// @param textCid IPFS CID of the demand text (what is asked and what members will do).
    /// @param target The outside party (a name or address, as text).
    /// @param threshold Committed members needed to make it Active.
    /// @param deadline Timestamp after which commitments are refused, within `MAX_DURATION`.
    /// @return demandId The new demand's id.
    function create(address union, string calldata textCid, string calldata target, uint32 threshold, uint48 deadline)
        external
        returns (uint256 demandId)
    {
        if (!factory.isUnion(union)) revert Demands_UnknownUnion(union);
        if (!IUnion(union).isMember(_msgSender())) revert Demands_NotMember(union, _msgSender());
        if (bytes(textCid).length == 0) revert Demands_EmptyText();
        if (threshold == 0) revert Demands_ZeroThreshold();
        if (threshold > MAX_THRESHOLD) revert Demands_ThresholdTooHigh(threshold, MAX_THRESHOLD);
        if (deadline <= block.timestamp || deadline > block.timestamp + MAX_DURATION) {
            revert Demands_BadDeadline(deadline, block.timestamp);
        }
        demandId = ++demandCount;
        Demand storage d = _demands[demandId];
        d.union = union;
        d.threshold = threshold;
        d.deadline = deadline;
        d.creator = _msgSender();
        d.textCid = textCid;
        d.target = target;
        emit DemandCreated({
            demandId: demandId,
            union: union,
            creator: _msgSender(),
            textCid: textCid,
            target: target,
            threshold: threshold,
            deadline: deadline
        });
    }

    /// @notice Record `member`'s signed commitment (anyone may submit it). `member` must be a trusted member now
    /// and sign over their current nonce (`nonceOf`). Once `threshold` trusted members have committed, anyone
    /// may `activate` the demand.
    /// @param demandId The demand.
    /// @param member The committing member.
    /// @param signature `member`'s signature (EOA or ERC-1271) over `hashCommitment(demandId, member)`.
    function commit(uint256 demandId, address member, bytes calldata signature) external {
        Demand storage d = _openDemand(demandId);
        address union = d.union;
        if (!IUnion(union).isTrusted(member)) revert Demands_NotTrusted(union, member);
        Pledge memory p = _pledges[demandId][member];
        if (p.committed) revert Demands_AlreadyCommitted(demandId, member);
        bytes32 digest = _commitmentDigest(union, demandId, member, d.textCid, p.nonce);
        if (!SignatureChecker.isValidSignatureNowCalldata(member, digest, signature)) {
            revert Demands_InvalidSignature(demandId, member);
        }
        _pledges[demandId][member].committed = true;
        // cannot overflow: each member commits at most once at a time and a union has far fewer than 2^32
        uint32 count;
        unchecked {
            count = d.commitments + 1;
        }
        d.commitments = count;
        emit Committed({
            demandId: demandId,
            member: member,
            submitter: _msgSender(),
            nonce: p.nonce,
            signature: signature,
            commitments: count
        });
    }

    /// @notice Make the demand Active (anyone, while Open): `committers` are exactly `threshold` distinct
    /// members with a live commitment, each a trusted member now, listed in ascending address order. Live
    /// commitments of people who have left since are simply not listed (and may be `prune`d).
    /// @param demandId The demand.
    /// @param committers The counted committers, ascending.
    function activate(uint256 demandId, address[] calldata committers) external {
        Demand storage d = _openDemand(demandId);
        uint256 threshold = d.threshold;
        uint256 count = committers.length;
        if (count != threshold) revert Demands_WrongCommitterCount(demandId, count, threshold);
        IUnion union = IUnion(d.union);
        address previous;
        // bounded: count == threshold <= MAX_THRESHOLD
        for (uint256 i; i < count; ++i) {
            address committer = committers[i];
            if (committer <= previous) revert Demands_CommittersNotAscending(demandId, committer);
            if (!_pledges[demandId][committer].committed) revert Demands_NotCommitted(demandId, committer);
            if (!union.isTrusted(committer)) revert Demands_NotTrusted(address(union), committer);
            previous = committer;
        }
        d.activatedBlock = uint64(block.number);
        // casting is safe: count == threshold, a uint32
        // forge-lint: disable-next-line(unsafe-typecast)
        emit DemandActivated(demandId, address(union), uint32(count));
    }

    /// @notice Withdraw your own commitment before the demand is Active. Your nonce moves on, so the old
    /// signature cannot be submitted again.
    /// @param demandId The demand.
    function withdraw(uint256 demandId) external {
        _end(demandId, _msgSender(), false);
    }

    /// @notice Remove the commitment of someone who is no longer a trusted member (left the union since
    /// committing; anyone, before the demand is Active), so the live count shows only those who can be counted.
    /// @param demandId The demand.
    /// @param former The former member.
    function prune(uint256 demandId, address former) external {
        Demand storage d = _demand(demandId);
        if (IUnion(d.union).isTrusted(former)) revert Demands_StillTrusted(d.union, former);
        _end(demandId, former, true);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IUnionScoped
    /// @dev A demand's functions act in its union, `create` in the union it names.
    function unionOfCall(bytes calldata data) external view returns (address union) {
        (bool ok, bytes4 selector, uint256 arg) = ScopedCall.split(data);
        if (!ok) return address(0);
        if (
            selector == this.commit.selector || selector == this.activate.selector || selector == this.withdraw.selector
                || selector == this.prune.selector
        ) return _demands[arg].union;
        if (selector == this.create.selector) return ScopedCall.addressOf(arg);
    }

    /// @notice A demand.
    /// @param demandId The demand.
    /// @return The stored demand (zero union if unknown).
    function getDemand(uint256 demandId) external view returns (Demand memory) {
        return _demands[demandId];
    }

    /// @notice A demand's state now.
    /// @param demandId The demand.
    /// @return Open, Active or Expired.
    function stateOf(uint256 demandId) public view returns (DemandState) {
        Demand storage d = _demand(demandId);
        if (d.activatedBlock != 0) return DemandState.Active;
        if (block.timestamp > d.deadline) return DemandState.Expired;
        return DemandState.Open;
    }

    /// @notice Whether `member` has a live commitment to the demand.
    /// @param demandId The demand.
    /// @param member The member.
    /// @return True iff committed.
    function isCommitted(uint256 demandId, address member) external view returns (bool) {
        return _pledges[demandId][member].committed;
    }

    /// @notice The nonce `member`'s next commitment signature must carry.
    /// @param demandId The demand.
    /// @param member The member.
    /// @return The nonce (bumped by every withdrawal).
    function nonceOf(uint256 demandId, address member) external view returns (uint256) {
        return _pledges[demandId][member].nonce;
    }

    /// @notice The EIP-712 digest `member` signs to commit to the demand (with their current nonce).
    /// @param demandId The demand.
    /// @param member The member.
    /// @return The digest.
    function hashCommitment(uint256 demandId, address member) external view returns (bytes32) {
        Demand storage d = _demand(demandId);
        return _commitmentDigest(d.union, demandId, member, d.textCid, _pledges[demandId][member].nonce);
    }

    // ---------------------------------------------------------------- internal

    function _end(uint256 demandId, address member, bool pruned) private {
        Demand storage d = _demand(demandId);
        if (d.activatedBlock != 0) revert Demands_AlreadyActive(demandId);
        Pledge memory p = _pledges[demandId][member];
        if (!p.committed) revert Demands_NotCommitted(demandId, member);
        // cannot overflow: a nonce moves once per withdrawal, each its own transaction
        unchecked {
            _pledges[demandId][member] = Pledge({committed: false, nonce: p.nonce + 1});
        }
        // cannot underflow: this member's live commitment is counted
        uint32 count;
        unchecked {
            count = d.commitments - 1;
        }
        d.commitments = count;
        emit CommitmentWithdrawn(demandId, member, pruned, count);
    }

    function _demand(uint256 demandId) private view returns (Demand storage d) {
        d = _demands[demandId];
        if (d.union == address(0)) revert Demands_UnknownDemand(demandId);
    }

    function _openDemand(uint256 demandId) private view returns (Demand storage d) {
        d = _demand(demandId);
        if (d.activatedBlock != 0) revert Demands_AlreadyActive(demandId);
        if (block.timestamp > d.deadline) revert Demands_Expired(demandId, d.deadline);
    }

    function _commitmentDigest(address union, uint256 demandId, address member, string memory textCid, uint256 nonce)
        private
        view
        returns (bytes32)
    {
        return _hashTypedDataV4(
            keccak256(abi.encode(COMMITMENT_TYPEHASH, union, demandId, member, keccak256(bytes(textCid)), nonce))
        );
    }
}
