// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ERC2771Context} from "@openzeppelin/contracts/metatx/ERC2771Context.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {IUnion} from "./interfaces/IUnion.sol";
import {UnionToken} from "./UnionToken.sol";
import {CloneArgs} from "./utils/CloneArgs.sol";

/// @title Union
/// @notice Membership, admission, stewardship, charter and backing edges of one network union.
/// Used as an EIP-1167 clone created and initialised by `UnionFactory`. What never changes after creation is the
/// clone's immutable arguments, in its code, not storage (`CloneArgs`; packed as token (20 bytes), timelock (20),
/// founder (20), join grant (32), name length (2), charter length (2), name, initial charter CID): the token, the
/// timelock, the founder, the join grant, the name and the charter set at creation. The steward is the founder
/// until `handOverToGovernance`, then the timelock, so storage keeps only that one flag.
/// @dev The EIP-712 domain ("Network Union", "1") lives in the implementation's immutables; OZ's `EIP712`
/// rebuilds the separator with `address(this)` when called through a clone, so every clone has its own domain.
contract Union is Initializable, EIP712, ERC2771Context, IUnion {
    /// @notice A signed, one-time invitation. `invitee == address(0)` means whoever holds the link, which then
    /// also carries the private key of `claimKey`: redeeming needs that key's signature over the redeemer's
    /// address (`hashClaim`), so a copy of a pending redemption taken from the mempool cannot be replayed by
    /// another sender. `claimKey` is ignored (and left zero) when `invitee` is named.
    struct Invite {
        address inviter;
        address invitee;
        address claimKey;
        uint256 nonce;
        uint256 deadline;
    }

    /// @notice How trust reached a member (recorded in `Trusted`).
    enum TrustPath {
        Founder,
        FoundingMember,
        Approval,
        Vouched
    }

    /// @notice Per-union trust and invite settings, set at creation; the steward may change them.
    /// @param vouchThreshold Trusted members' vouches (backs, or an invite) that make a member trusted (>= 1).
    /// @param inviteQuota Invites one inviter may have redeemed per `invitePeriod`.
    /// @param invitePeriod Seconds after which an inviter's quota refills (> 0).
    struct TrustParams {
        uint32 vouchThreshold;
        uint32 inviteQuota;
        uint64 invitePeriod;
    }

    /// @notice Arguments of `initialize` (everything else is in the clone's immutable arguments).
    struct InitParams {
        AdmissionRule admissionRule;
        address[] foundingMembers;
        TrustParams trust;
    }

    /// @dev Everything the contract keeps per address, packed in one slot so a join writes one slot.
    /// `epoch` counts joins (0 = never joined), so "has ever joined" is `epoch != 0`. `trusted` is set when
    /// trust reaches the member in this membership and cleared when they leave; `granted` records the one join
    /// grant an address ever receives (minted when it is first trusted); `vouches` counts the trusted members'
    /// vouches in the current membership (reset on every join).
    struct Member {
        bool active;
        bool pending;
        bool trusted;
        bool granted;
        uint64 epoch;
        uint32 vouches;
    }

    /// @dev A backing edge remembers both memberships it was made in; it is live only while both last.
    /// `vouched`: the back counted as a vouch (the backer was trusted, the leader not yet). `followed`: the back
    /// was made with `backAndFollow`, so the backer's votes went to the leader and come back with the edge.
    struct Edge {
        uint64 backerEpoch;
        uint64 leaderEpoch;
        bool vouched;
        bool followed;
    }

    /// @dev An inviter's refilling invite bucket: `used` redemptions since `start`.
    struct InviteWindow {
        uint64 start;
        uint32 used;
    }

    /// @notice Most founding members a union may start with (bounds the creation loop).
    uint256 public constant MAX_FOUNDING_MEMBERS = 16;

    /// @notice EIP-712 type hash of `Invite`.
    bytes32 public constant INVITE_TYPEHASH =
        keccak256("Invite(address inviter,address invitee,address claimKey,uint256 nonce,uint256 deadline)");
    /// @notice EIP-712 type hash of the claim an open invite's link key signs for the redeemer.
    bytes32 public constant CLAIM_TYPEHASH = keccak256("InviteClaim(address redeemer)");

    /// @dev Offsets of the clone's immutable arguments.
    uint256 private constant _ARG_TOKEN = 0;
    uint256 private constant _ARG_TIMELOCK = 20;
    uint256 private constant _ARG_FOUNDER = 40;
    uint256 private constant _ARG_JOIN_GRANT = 60;
    uint256 private constant _ARG_NAME_LENGTH = 92;
    uint256 private constant _ARG_CHARTER_LENGTH = 94;
    uint256 private constant _ARG_STRINGS = 96;

    // slot 0: every mutable setting, and the member count (the trust parameters are flattened to share it).
    AdmissionRule private _admissionRule;
    uint64 private _memberCount;
    uint32 private _vouchThreshold;
    uint32 private _inviteQuota;
    uint64 private _invitePeriod;
    /// @dev The steward is the timelock (true) or the founder (false).
    bool private _governed;
    /// @dev `setCharter` was called: the charter is `_charterCid`, else the one in the clone's arguments.
    bool private _charterChanged;

    string private _charterCid;

    mapping(address account => Member) private _members;
    mapping(address backer => mapping(address leader => Edge)) private _edges;
    /// @dev Used or revoked invite nonces as a bitmap: word `nonce >> 8`, bit `nonce & 0xff`.
    mapping(address inviter => mapping(uint256 word => uint256 bits)) private _inviteBitmap;
    mapping(address inviter => InviteWindow) private _inviteWindows;

    /// @notice `account` is not a member.
    /// @param account The non-member.
    error Union_NotMember(address account);
    /// @notice `account` is already a member.
    /// @param account The member.
    error Union_AlreadyMember(address account);
    /// @notice Only the steward may call this function.
    /// @param caller The rejected caller.
    /// @param steward The current steward.
    error Union_NotSteward(address caller, address steward);
    /// @notice The action needs admission rule `required` but the union uses `actual`.
    /// @param actual The union's rule.
    /// @param required The rule the action needs.
    error Union_WrongAdmissionRule(AdmissionRule actual, AdmissionRule required);
    /// @notice Invites are not accepted under the Approval rule.
    /// @param rule The union's rule.
    error Union_InvitesNotAccepted(AdmissionRule rule);
    /// @notice The invite expired.
    /// @param deadline The invite's deadline.
    /// @param timestamp The current block timestamp.
    error Union_InviteExpired(uint256 deadline, uint256 timestamp);
    /// @notice The invite names another invitee.
    /// @param invitee The named invitee.
    /// @param caller The caller.
    error Union_InviteNotForCaller(address invitee, address caller);
    /// @notice The invite was already redeemed or revoked.
    /// @param inviter The inviter.
    /// @param nonce The invite nonce.
    error Union_InviteUsed(address inviter, uint256 nonce);
    /// @notice The signature is not the inviter's.
    /// @param inviter The claimed inviter.
    error Union_InvalidInviteSignature(address inviter);
    /// @notice `applicant` already has a pending request.
    /// @param applicant The applicant.
    error Union_RequestPending(address applicant);
    /// @notice `applicant` has no pending request.
    /// @param applicant The applicant.
    error Union_NoPendingRequest(address applicant);
    /// @notice Nobody can back themself.
    /// @param account The caller.
    error Union_SelfBacking(address account);
    /// @notice The live edge already exists.
    /// @param backer The backer.
    /// @param leader The leader.
    error Union_AlreadyBacking(address backer, address leader);
    /// @notice There is no live edge to remove.
    /// @param backer The backer.
    /// @param leader The leader.
    error Union_NotBacking(address backer, address leader);
    /// @notice The union's timelock (the treasury) can never be a member, so it never votes.
    /// @param timelock The union's timelock.
    error Union_TimelockCannotJoin(address timelock);
    /// @notice The vouch threshold must be at least one.
    /// @param threshold The rejected threshold.
    error Union_ZeroVouchThreshold(uint32 threshold);
    /// @notice The invite period must be positive.
    /// @param period The rejected period.
    error Union_ZeroInvitePeriod(uint64 period);
    /// @notice Too many founding members.
    /// @param count Founding members given.
    /// @param max `MAX_FOUNDING_MEMBERS`.
    error Union_TooManyFoundingMembers(uint256 count, uint256 max);
    /// @notice The founding member at `index` is the zero address.
    /// @param index Position in `foundingMembers`.
    error Union_ZeroFoundingMember(uint256 index);
    /// @notice `inviter` used up their invites for this period.
    /// @param inviter The inviter.
    /// @param quota Invites per period.
    /// @param refillsAt When the quota refills.
    error Union_InviteQuotaExhausted(address inviter, uint32 quota, uint256 refillsAt);
    /// @notice An open invite needs the link's claim key to sign the redeemer's address.
    /// @param claimKey The invite's claim key (zero: the invite is malformed).
    /// @param caller The redeemer.
    error Union_InvalidClaim(address claimKey, address caller);
    /// @notice `follower` does not follow `leader` through a dead back, so there are no votes to reclaim.
    /// @param follower The follower.
    /// @param leader The follower's delegate.
    error Union_NothingToReclaim(address follower, address leader);
    /// @notice Only the union's timelock may call this function.
    /// @param caller The rejected caller.
    error Union_NotTimelock(address caller);
    /// @notice The steward already is the timelock.
    /// @param timelock The union's timelock.
    error Union_AlreadyGoverned(address timelock);

    /// @notice `member` joined. `inviter` is the inviter (Invite), the approving steward (Approval), else zero.
    /// @param member The new member.
    /// @param path How they got in.
    /// @param inviter Inviter or approver.
    /// @param grant Tokens minted to the member (zero on a rejoin).
    event MemberJoined(address indexed member, JoinPath path, address indexed inviter, uint256 grant);
    /// @notice The trusted `voucher` vouched for `member` (a back or an invite); `vouches` is the new count.
    /// @param voucher The trusted member vouching.
    /// @param member The member vouched for.
    /// @param vouches Vouches counted for `member` in this membership.
    event Vouched(address indexed voucher, address indexed member, uint32 vouches);
    /// @notice `voucher` took back their vouch before `member` became trusted.
    /// @param voucher The former voucher.
    /// @param member The member.
    /// @param vouches Vouches left.
    event VouchWithdrawn(address indexed voucher, address indexed member, uint32 vouches);
    /// @notice Trust reached `member` for the rest of this membership; `grant` was minted (zero if they had it).
    /// @param member The member.
    /// @param path How trust reached them.
    /// @param grant Tokens minted now (the one-time join grant, or zero).
    event Trusted(address indexed member, TrustPath path, uint256 grant);
    /// @notice The trust and invite settings changed.
    /// @param vouchThreshold Vouches that make a member trusted.
    /// @param inviteQuota Invites per inviter per period.
    /// @param invitePeriod Seconds per period.
    event TrustParamsChanged(uint32 vouchThreshold, uint32 inviteQuota, uint64 invitePeriod);
    /// @notice `follower`'s votes came back to them from `leader`.
    /// @param follower The follower.
    /// @param leader The former leader.
    event VotesReturned(address indexed follower, address indexed leader);
    /// @notice `member` left; every backing edge touching them died with it.
    /// @param member The former member.
    event MemberLeft(address indexed member);
    /// @notice `applicant` asked to join.
    /// @param applicant The applicant.
    event JoinRequested(address indexed applicant);
    /// @notice `applicant` withdrew their request.
    /// @param applicant The applicant.
    event JoinRequestCancelled(address indexed applicant);
    /// @notice The steward rejected `applicant`.
    /// @param applicant The applicant.
    event JoinRequestRejected(address indexed applicant);
    /// @notice `inviter` revoked invite `nonce`.
    /// @param inviter The inviter.
    /// @param nonce The invite nonce.
    event InviteRevoked(address indexed inviter, uint256 nonce);
    /// @notice The charter now lives at `cid`.
    /// @param cid IPFS CID of the charter.
    event CharterUpdated(string cid);
    /// @notice The admission rule changed to `rule`.
    /// @param rule The new rule.
    event AdmissionRuleChanged(AdmissionRule rule);
    /// @notice The founder's powers moved from `previous` to `next`.
    /// @param previous Former steward (zero at creation).
    /// @param next New steward.
    event StewardChanged(address indexed previous, address indexed next);
    /// @notice `backer` backs `leader` (one event per edge written). `followed`: the back was made with
    /// `backAndFollow`, so `backer`'s votes went to `leader` in the same transaction (the token's
    /// `DelegateChanged` reports the delegation itself).
    /// @param backer The backer.
    /// @param leader The leader.
    /// @param followed True iff the backer also delegated their votes to the leader.
    event Backed(address indexed backer, address indexed leader, bool followed);
    /// @notice `backer` stopped backing `leader`.
    /// @param backer The backer.
    /// @param leader The leader.
    event Unbacked(address indexed backer, address indexed leader);

    modifier onlySteward() {
        address steward_ = steward();
        if (_msgSender() != steward_) revert Union_NotSteward(_msgSender(), steward_);
        _;
    }

    /// @dev Implementations are only used through clones; the trusted forwarder (the shared ERC-4337 relay
    /// account, ERC-2771) is an immutable of the implementation, so every clone shares it.
    /// @param trustedForwarder_ The relay whose calls carry the member's address appended (zero: none).
    constructor(address trustedForwarder_) EIP712("Network Union", "1") ERC2771Context(trustedForwarder_) {
        _disableInitializers();
    }

    /// @notice Initialises a clone; the founder becomes the first member and the steward; the founder and the
    /// founding members start trusted (each receives the join grant, self-delegated).
    /// @dev The token must already be initialised with this union as its minter.
    /// @param p Admission rule, founding members and trust settings.
    function initialize(InitParams calldata p) external initializer {
        uint256 count = p.foundingMembers.length;
        if (count > MAX_FOUNDING_MEMBERS) revert Union_TooManyFoundingMembers(count, MAX_FOUNDING_MEMBERS);
        _setTrustParams(p.trust);
        _admissionRule = p.admissionRule;
        address founder_ = founder();
        emit StewardChanged(address(0), founder_);
        emit CharterUpdated(charterCid());
        emit AdmissionRuleChanged(p.admissionRule);
        _admit({account: founder_, path: JoinPath.Founder, inviter: address(0)});
        for (uint256 i; i < count; ++i) {
            address m = p.foundingMembers[i];
            if (m == address(0)) revert Union_ZeroFoundingMember(i);
            _admit({account: m, path: JoinPath.FoundingMember, inviter: founder_});
        }
    }

    // ---------------------------------------------------------------- admission

    /// @notice Join an Open union.
    function join() external {
        if (_admissionRule != AdmissionRule.Open) {
            revert Union_WrongAdmissionRule(_admissionRule, AdmissionRule.Open);
        }
        _admit({account: _msgSender(), path: JoinPath.Open, inviter: address(0)});
    }

    /// @notice Join with an inviter's EIP-712 signed invite (EOA or ERC-1271). Accepted under Open and Invite.
    /// The invite counts as the inviter's vouch if the inviter is trusted (a back from inviter to invitee);
    /// it uses one of the inviter's `inviteQuota` redemptions for this period.
    /// @param invite The invite: inviter (a member now), invitee (or zero for the link holder), claim key, nonce,
    /// deadline.
    /// @param signature The inviter's signature over `hashInvite(invite)`.
    /// @param claimSignature For an open invite, the claim key's signature over `hashClaim(the sender)`; ignored
    /// when the invite names its invitee.
    function joinWithInvite(Invite calldata invite, bytes calldata signature, bytes calldata claimSignature) external {
        AdmissionRule rule = _admissionRule;
        if (rule == AdmissionRule.Approval) revert Union_InvitesNotAccepted(rule);
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp > invite.deadline) revert Union_InviteExpired(invite.deadline, block.timestamp);
        if (invite.invitee != address(0)) {
            if (invite.invitee != _msgSender()) revert Union_InviteNotForCaller(invite.invitee, _msgSender());
        } else if (
            invite.claimKey == address(0)
                || !SignatureChecker.isValidSignatureNowCalldata(
                    invite.claimKey, hashClaim(_msgSender()), claimSignature
                )
        ) {
            revert Union_InvalidClaim(invite.claimKey, _msgSender());
        }
        Member memory inviter = _members[invite.inviter];
        if (!inviter.active) revert Union_NotMember(invite.inviter);
        (uint256 word, uint256 bit) = _nonceBit(invite.nonce);
        uint256 bits = _inviteBitmap[invite.inviter][word];
        if (bits & bit != 0) revert Union_InviteUsed(invite.inviter, invite.nonce);
        if (!SignatureChecker.isValidSignatureNowCalldata(invite.inviter, hashInvite(invite), signature)) {
            revert Union_InvalidInviteSignature(invite.inviter);
        }
        _inviteBitmap[invite.inviter][word] = bits | bit;
        _useInvite(invite.inviter);
        _admit({account: _msgSender(), path: JoinPath.Invite, inviter: invite.inviter});
        // the invite is the inviter's back; it vouches only if the inviter is trusted
        Member memory invitee = _members[_msgSender()];
        bool vouches = inviter.trusted;
        _writeEdge({
            backer: invite.inviter,
            leader: _msgSender(),
            backerEpoch: inviter.epoch,
            leaderEpoch: invitee.epoch,
            vouched: vouches,
            followed: false
        });
        emit Backed(invite.inviter, _msgSender(), false);
        if (vouches) _vouch({voucher: invite.inviter, member: _msgSender()});
    }

    /// @notice Revoke any inviter's outstanding invite (steward).
    /// @param inviter The inviter.
    /// @param nonce The invite nonce.
    function revokeInviteOf(address inviter, uint256 nonce) external onlySteward {
        _revokeInvite(inviter, nonce);
    }

    /// @notice Revoke one of your own invites before anyone redeems it.
    /// @param nonce The invite nonce.
    function revokeInvite(uint256 nonce) external {
        _revokeInvite(_msgSender(), nonce);
    }

    /// @notice Ask the steward to let you in (Approval rule).
    function requestToJoin() external {
        if (_admissionRule != AdmissionRule.Approval) {
            revert Union_WrongAdmissionRule(_admissionRule, AdmissionRule.Approval);
        }
        Member storage m = _members[_msgSender()];
        if (m.active) revert Union_AlreadyMember(_msgSender());
        if (m.pending) revert Union_RequestPending(_msgSender());
        m.pending = true;
        emit JoinRequested(_msgSender());
    }

    /// @notice Withdraw your pending request.
    function cancelRequest() external {
        Member storage m = _members[_msgSender()];
        if (!m.pending) revert Union_NoPendingRequest(_msgSender());
        m.pending = false;
        emit JoinRequestCancelled(_msgSender());
    }

    /// @notice Let a pending applicant in (steward). Works whatever the current rule; the applicant is trusted.
    /// @param applicant The applicant.
    function approve(address applicant) external onlySteward {
        if (!_members[applicant].pending) revert Union_NoPendingRequest(applicant);
        _admit({account: applicant, path: JoinPath.Approval, inviter: _msgSender()});
    }

    /// @notice Turn down a pending applicant (steward).
    /// @param applicant The applicant.
    function reject(address applicant) external onlySteward {
        Member storage m = _members[applicant];
        if (!m.pending) revert Union_NoPendingRequest(applicant);
        m.pending = false;
        emit JoinRequestRejected(applicant);
    }

    /// @notice Leave the union. Tokens stay yours; every backing edge touching you dies (no loop: see `isBacking`).
    /// Leaving ends trust: a rejoin must be vouched for again. Votes delegated to you by followers stop counting
    /// (the governor counts no votes of untrusted accounts) until each follower's `reclaimVotes`.
    function leave() external {
        _leave(_msgSender());
    }

    /// @notice Remove `member` for a ragequit (the union's timelock only): the exit's membership check and its
    /// removal in one call. A non-member is left as they are and `false` returned (the timelock then reverts).
    /// @param member The member exiting.
    /// @return removed True iff `member` was a member and now has left.
    function removeOnExit(address member) external returns (bool removed) {
        if (_msgSender() != timelock()) revert Union_NotTimelock(_msgSender());
        removed = _members[member].active;
        if (removed) _leave(member);
    }

    // ---------------------------------------------------------------- steward

    /// @notice Point the charter at a new IPFS CID (steward).
    /// @param cid The charter's CID.
    function setCharter(string calldata cid) external onlySteward {
        _charterCid = cid;
        _charterChanged = true;
        emit CharterUpdated(cid);
    }

    /// @notice Change how newcomers get in (steward). Pending requests survive and can still be approved.
    /// @param rule The new rule.
    function setAdmissionRule(AdmissionRule rule) external onlySteward {
        _admissionRule = rule;
        emit AdmissionRuleChanged(rule);
    }

    /// @notice Change the vouch threshold and the invite quota (steward). A lower threshold applies from the next
    /// vouch: members already holding enough vouches become trusted when one more arrives, or by `recountTrust`.
    /// @param params The new settings (`vouchThreshold >= 1`, `invitePeriod > 0`).
    function setTrustParams(TrustParams calldata params) external onlySteward {
        _setTrustParams(params);
    }

    /// @notice Make `member` trusted if the vouches already counted reach the current threshold (anyone).
    /// @param member The member.
    function recountTrust(address member) external {
        Member memory m = _members[member];
        if (m.active && !m.trusted && m.vouches >= _vouchThreshold) _trustMember(member, TrustPath.Vouched);
    }

    /// @notice Hand the founder's powers to the union's timelock, i.e. to governance (steward, one way).
    function handOverToGovernance() external onlySteward {
        address next = timelock();
        if (_governed) revert Union_AlreadyGoverned(next);
        _governed = true;
        emit StewardChanged(founder(), next);
    }

    // ---------------------------------------------------------------- backing

    /// @notice Back a fellow member as a leader. A back from a trusted member to a member not yet trusted is a
    /// vouch: at `vouchThreshold` vouches the leader becomes trusted (and receives the join grant).
    /// @param leader The member to back.
    function back(address leader) external {
        _back(leader, false);
    }

    /// @notice Back `leader` and delegate your votes to them in one action. Withdrawing the back (`unback`)
    /// returns your votes; if the back dies because the leader (or you) left, `reclaimVotes` returns them.
    /// @param leader The member to back and follow.
    function backAndFollow(address leader) external {
        address follower = _back(leader, true);
        _tokenContract().delegateFor(follower, leader);
    }

    /// @notice Return `follower`'s votes to `follower` when the back they followed died (anyone may call).
    /// Automatic return on the leader's exit would need a loop over followers, so it is one call per follower;
    /// until then the leader, no longer trusted, cannot vote with them.
    /// @param follower The follower whose back died.
    function reclaimVotes(address follower) external {
        address leader = _tokenContract().delegates(follower);
        Edge memory e = _edges[follower][leader];
        if (!e.followed || isBacking(follower, leader)) revert Union_NothingToReclaim(follower, leader);
        delete _edges[follower][leader];
        _tokenContract().delegateFor(follower, follower);
        emit VotesReturned(follower, leader);
    }

    /// @dev Writes the edge from the sender to `leader` (and counts the vouch it carries); returns the sender.
    function _back(address leader, bool follow) private returns (address backer) {
        backer = _msgSender();
        Member memory b = _members[backer];
        if (!b.active) revert Union_NotMember(backer);
        if (leader == backer) revert Union_SelfBacking(backer);
        Member memory l = _members[leader];
        if (!l.active) revert Union_NotMember(leader);
        Edge memory e = _edges[backer][leader];
        if (e.backerEpoch == b.epoch && e.leaderEpoch == l.epoch) revert Union_AlreadyBacking(backer, leader);
        bool vouches = b.trusted && !l.trusted;
        _writeEdge({
            backer: backer,
            leader: leader,
            backerEpoch: b.epoch,
            leaderEpoch: l.epoch,
            vouched: vouches,
            followed: follow
        });
        emit Backed(backer, leader, follow);
        if (vouches) _vouch({voucher: backer, member: leader});
    }

    /// @notice Stop backing `leader`. Before the leader is trusted this takes your vouch back; afterwards their
    /// trust stays (it lasts for the membership). If you followed them, your votes return to you.
    /// @param leader The member you back.
    function unback(address leader) external {
        if (!isBacking(_msgSender(), leader)) revert Union_NotBacking(_msgSender(), leader);
        Edge memory e = _edges[_msgSender()][leader];
        delete _edges[_msgSender()][leader];
        emit Unbacked(_msgSender(), leader);
        if (e.vouched) {
            Member storage l = _members[leader];
            if (!l.trusted) {
                // cannot underflow: this edge's vouch was counted in this membership of the leader
                uint32 left;
                unchecked {
                    left = --l.vouches;
                }
                emit VouchWithdrawn(_msgSender(), leader, left);
            }
        }
        if (e.followed && _tokenContract().delegates(_msgSender()) == leader) {
            _tokenContract().delegateFor(_msgSender(), _msgSender());
            emit VotesReturned(_msgSender(), leader);
        }
    }

    // ---------------------------------------------------------------- views

    /// @notice Whether `backer` backs `leader` right now.
    /// @dev Live iff both are members and the edge was made in both of their current memberships.
    /// @param backer The backer.
    /// @param leader The leader.
    /// @return True iff the edge is live.
    function isBacking(address backer, address leader) public view returns (bool) {
        Member memory b = _members[backer];
        Member memory l = _members[leader];
        Edge memory e = _edges[backer][leader];
        return b.active && l.active && e.backerEpoch == b.epoch && e.leaderEpoch == l.epoch;
    }

    /// @inheritdoc IUnion
    function isMember(address account) external view returns (bool) {
        return _members[account].active;
    }

    /// @inheritdoc IUnion
    function isTrusted(address account) external view returns (bool) {
        Member memory m = _members[account];
        return m.active && m.trusted;
    }

    /// @notice Vouches counted for `account` in its current membership.
    /// @param account The member.
    /// @return The vouch count.
    function vouchesOf(address account) external view returns (uint32) {
        Member memory m = _members[account];
        return m.active ? m.vouches : 0;
    }

    /// @notice Whether `backer`'s live back of `leader` counted as a vouch.
    /// @param backer The backer.
    /// @param leader The leader.
    /// @return True iff the edge is live and vouched.
    function isVouching(address backer, address leader) external view returns (bool) {
        return isBacking(backer, leader) && _edges[backer][leader].vouched;
    }

    /// @notice Whether `follower` follows `leader` through a live `backAndFollow`.
    /// @param follower The follower.
    /// @param leader The leader.
    /// @return True iff the edge is live, was made with `backAndFollow`, and the follower still delegates to them.
    function isFollowing(address follower, address leader) external view returns (bool) {
        return isBacking(follower, leader) && _edges[follower][leader].followed
            && _tokenContract().delegates(follower) == leader;
    }

    /// @notice The trust and invite settings.
    /// @return The vouch threshold, invite quota and invite period.
    function trustParams() external view returns (TrustParams memory) {
        return _trustParams();
    }

    /// @notice Invites `inviter` may still have redeemed in the current period, and when the quota refills.
    /// @param inviter The inviter.
    /// @return left Redemptions left now.
    /// @return refillsAt When the current period ends (now, if it already has).
    function invitesLeft(address inviter) external view returns (uint32 left, uint256 refillsAt) {
        TrustParams memory t = _trustParams();
        InviteWindow memory w = _inviteWindows[inviter];
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp >= uint256(w.start) + t.invitePeriod) return (t.inviteQuota, block.timestamp);
        left = w.used >= t.inviteQuota ? 0 : t.inviteQuota - w.used;
        refillsAt = uint256(w.start) + t.invitePeriod;
    }

    /// @notice `inviter`'s current invite window as stored (no clock read, so ERC-4337 validation may call it):
    /// the quota refills at `start + invitePeriod`.
    /// @param inviter The inviter.
    /// @return start When the stored window began.
    /// @return used Redemptions counted in it.
    function inviteWindowOf(address inviter) external view returns (uint64 start, uint32 used) {
        InviteWindow memory w = _inviteWindows[inviter];
        return (w.start, w.used);
    }

    /// @notice Whether `account` has received its one join grant (it was trusted at least once).
    /// @param account The address to check.
    /// @return True iff the grant was minted to `account`.
    function hasReceivedGrant(address account) external view returns (bool) {
        return _members[account].granted;
    }

    /// @notice Whether `account` has ever joined.
    /// @param account The address to check.
    /// @return True iff `account` joined at least once.
    function hasEverJoined(address account) external view returns (bool) {
        return _members[account].epoch != 0;
    }

    /// @notice How many times `account` has joined; backing edges are tied to this.
    /// @param account The address to check.
    /// @return The membership epoch (0 = never joined).
    function membershipEpoch(address account) external view returns (uint64) {
        return _members[account].epoch;
    }

    /// @notice Number of current members.
    /// @return The member count.
    function memberCount() external view returns (uint256) {
        return _memberCount;
    }

    /// @notice How newcomers get in.
    /// @return The admission rule.
    function admissionRule() external view returns (AdmissionRule) {
        return _admissionRule;
    }

    /// @notice IPFS CID of the charter.
    /// @return The CID.
    function charterCid() public view returns (string memory) {
        if (_charterChanged) return _charterCid;
        uint256 nameLength = CloneArgs.uintAt(_ARG_NAME_LENGTH, 2);
        return CloneArgs.stringAt(_ARG_STRINGS + nameLength, CloneArgs.uintAt(_ARG_CHARTER_LENGTH, 2));
    }

    /// @notice The union's name.
    /// @return The name.
    function name() external view returns (string memory) {
        return CloneArgs.stringAt(_ARG_STRINGS, CloneArgs.uintAt(_ARG_NAME_LENGTH, 2));
    }

    /// @inheritdoc IUnion
    function token() external view returns (address) {
        return CloneArgs.addressAt(_ARG_TOKEN);
    }

    /// @inheritdoc IUnion
    function timelock() public view returns (address) {
        return CloneArgs.addressAt(_ARG_TIMELOCK);
    }

    /// @inheritdoc IUnion
    function steward() public view returns (address) {
        return _governed ? timelock() : founder();
    }

    /// @notice Who created the union.
    /// @return The founder.
    function founder() public view returns (address) {
        return CloneArgs.addressAt(_ARG_FOUNDER);
    }

    /// @notice Tokens minted to an address the first time it becomes trusted (once per address ever).
    /// @return The grant.
    function joinGrant() public view returns (uint256) {
        return uint256(CloneArgs.word(_ARG_JOIN_GRANT));
    }

    /// @notice Whether `account` has a pending request to join.
    /// @param account The applicant.
    /// @return True iff a request is pending.
    function pendingRequest(address account) external view returns (bool) {
        return _members[account].pending;
    }

    /// @notice Whether `inviter`'s invite `nonce` was redeemed or revoked.
    /// @param inviter The inviter.
    /// @param nonce The nonce.
    /// @return True iff the nonce can no longer be used.
    function inviteUsed(address inviter, uint256 nonce) external view returns (bool) {
        (uint256 word, uint256 bit) = _nonceBit(nonce);
        return _inviteBitmap[inviter][word] & bit != 0;
    }

    /// @notice The EIP-712 digest the inviter signs.
    /// @param invite The invite.
    /// @return The digest.
    function hashInvite(Invite calldata invite) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    INVITE_TYPEHASH, invite.inviter, invite.invitee, invite.claimKey, invite.nonce, invite.deadline
                )
            )
        );
    }

    /// @notice The EIP-712 digest an open invite's claim key signs for `redeemer`.
    /// @param redeemer The address redeeming the invite (the transaction's sender).
    /// @return The digest.
    function hashClaim(address redeemer) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(CLAIM_TYPEHASH, redeemer)));
    }

    // ---------------------------------------------------------------- internal

    /// @dev Records a member and clears any pending request. Joining alone confers no power: the founder, the
    /// founding members and approved applicants are trusted at once; everyone else when vouched for.
    function _admit(address account, JoinPath path, address inviter) private {
        if (account == timelock()) revert Union_TimelockCannotJoin(account);
        Member memory m = _members[account];
        if (m.active) revert Union_AlreadyMember(account);
        // cannot overflow: one join per transaction, 2^64 transactions is out of reach
        unchecked {
            _members[account] = Member({
                active: true, pending: false, trusted: false, granted: m.granted, epoch: m.epoch + 1, vouches: 0
            });
            ++_memberCount;
        }
        emit MemberJoined(account, path, inviter, 0);
        if (path == JoinPath.Founder) _trustMember(account, TrustPath.Founder);
        else if (path == JoinPath.FoundingMember) _trustMember(account, TrustPath.FoundingMember);
        else if (path == JoinPath.Approval) _trustMember(account, TrustPath.Approval);
    }

    /// @dev Writes the edge `backer` → `leader` with one SSTORE. A struct assignment here compiled to one
    /// read-modify-write per field (four SSTOREs, ~700 gas more per back, seen with `NU_BENCH_EXPLAIN=1`), so the
    /// word is packed by hand in Solidity's layout of `Edge` (first field in the lowest bits): backerEpoch bits
    /// 0–63, leaderEpoch 64–127, vouched bit 128, followed bit 136. `isBacking`, `isVouching` and `isFollowing`
    /// read it back through the struct, and the Trust and Union tests check all four fields after every path.
    function _writeEdge(
        address backer,
        address leader,
        uint64 backerEpoch,
        uint64 leaderEpoch,
        bool vouched,
        bool followed
    ) private {
        Edge storage edge = _edges[backer][leader];
        uint256 packed = uint256(backerEpoch) | (uint256(leaderEpoch) << 64) | (vouched ? uint256(1) << 128 : 0)
            | (followed ? uint256(1) << 136 : 0);
        assembly ("memory-safe") {
            sstore(edge.slot, packed)
        }
    }

    /// @dev Counts `voucher`'s vouch for the untrusted `member`; trusts them at the threshold.
    function _vouch(address voucher, address member) private {
        Member storage m = _members[member];
        // cannot overflow: at most one vouch per live edge, and 2^32 members is out of reach
        uint32 count;
        unchecked {
            count = ++m.vouches;
        }
        emit Vouched(voucher, member, count);
        if (count >= _vouchThreshold) _trustMember(member, TrustPath.Vouched);
    }

    /// @dev Trust for the rest of this membership; the one-time grant is minted and the member self-delegated
    /// (unless they already chose a delegate).
    function _trustMember(address account, TrustPath path) private {
        Member storage m = _members[account];
        m.trusted = true;
        uint256 grant;
        if (!m.granted) {
            m.granted = true;
            grant = joinGrant();
        }
        emit Trusted(account, path, grant);
        UnionToken token_ = _tokenContract();
        if (grant != 0) token_.mint(account, grant);
        token_.delegateOnTrust(account);
    }

    function _leave(address account) private {
        Member storage m = _members[account];
        if (!m.active) revert Union_NotMember(account);
        m.active = false;
        m.trusted = false;
        // cannot underflow: the account is an active member, so the count is at least one
        unchecked {
            --_memberCount;
        }
        emit MemberLeft(account);
    }

    /// @dev Uses one of `inviter`'s redemptions for the current period (the bucket refills after a period).
    function _useInvite(address inviter) private {
        TrustParams memory t = _trustParams();
        InviteWindow memory w = _inviteWindows[inviter];
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp >= uint256(w.start) + t.invitePeriod) {
            w = InviteWindow({start: uint64(block.timestamp), used: 0});
        }
        if (w.used >= t.inviteQuota) {
            revert Union_InviteQuotaExhausted(inviter, t.inviteQuota, uint256(w.start) + t.invitePeriod);
        }
        // cannot overflow: used < inviteQuota, a uint32
        unchecked {
            ++w.used;
        }
        _inviteWindows[inviter] = w;
    }

    function _revokeInvite(address inviter, uint256 nonce) private {
        (uint256 word, uint256 bit) = _nonceBit(nonce);
        uint256 bits = _inviteBitmap[inviter][word];
        if (bits & bit != 0) revert Union_InviteUsed(inviter, nonce);
        _inviteBitmap[inviter][word] = bits | bit;
        emit InviteRevoked(inviter, nonce);
    }

    function _setTrustParams(TrustParams calldata t) private {
        if (t.vouchThreshold == 0) revert Union_ZeroVouchThreshold(t.vouchThreshold);
        if (t.invitePeriod == 0) revert Union_ZeroInvitePeriod(t.invitePeriod);
        _vouchThreshold = t.vouchThreshold;
        _inviteQuota = t.inviteQuota;
        _invitePeriod = t.invitePeriod;
        emit TrustParamsChanged(t.vouchThreshold, t.inviteQuota, t.invitePeriod);
    }

    /// @dev The trust and invite settings from their slot-0 fields.
    function _trustParams() private view returns (TrustParams memory) {
        return TrustParams({vouchThreshold: _vouchThreshold, inviteQuota: _inviteQuota, invitePeriod: _invitePeriod});
    }

    /// @dev The union's token, from the clone's arguments.
    function _tokenContract() private view returns (UnionToken) {
        return UnionToken(CloneArgs.addressAt(_ARG_TOKEN));
    }

    /// @dev Bitmap position of an invite nonce.
    function _nonceBit(uint256 nonce) private pure returns (uint256 word, uint256 bit) {
        word = nonce >> 8;
        // forge-lint: disable-next-line(incorrect-shift)
        bit = 1 << (nonce & 0xff);
    }
}
