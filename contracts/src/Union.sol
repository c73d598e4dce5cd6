// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {IUnion} from "./interfaces/IUnion.sol";
import {UnionToken} from "./UnionToken.sol";

/// @title Union
/// @notice Membership, admission, stewardship, charter and backing edges of one network union.
/// Used as an EIP-1167 clone created and initialised by `UnionFactory`.
/// @dev The EIP-712 domain ("Network Union", "1") lives in the implementation's immutables; OZ's `EIP712`
/// rebuilds the separator with `address(this)` when called through a clone, so every clone has its own domain.
contract Union is Initializable, EIP712, IUnion {
    /// @notice A signed, one-time invitation. `invitee == address(0)` means whoever holds the link.
    struct Invite {
        address inviter;
        address invitee;
        uint256 nonce;
        uint256 deadline;
    }

    /// @notice Arguments of `initialize`.
    struct InitParams {
        address founder;
        address token;
        address timelock;
        string name;
        string charterCid;
        AdmissionRule admissionRule;
        uint256 joinGrant;
    }

    /// @dev Everything the contract keeps per address, packed in one slot so a join writes one slot.
    /// `epoch` counts joins (0 = never joined), so "has ever joined" is `epoch != 0`. `trusted` is set when
    /// trust reaches the member in this membership and cleared when they leave.
    struct Member {
        bool active;
        bool pending;
        bool trusted;
        uint64 epoch;
    }

    /// @dev A backing edge remembers both memberships it was made in; it is live only while both last.
    struct Edge {
        uint64 backerEpoch;
        uint64 leaderEpoch;
    }

    /// @notice EIP-712 type hash of `Invite`.
    bytes32 public constant INVITE_TYPEHASH =
        keccak256("Invite(address inviter,address invitee,uint256 nonce,uint256 deadline)");

    // slot 0: everything `join` reads besides the member slot and the grant.
    UnionToken private _token;
    AdmissionRule private _admissionRule;
    uint64 private _memberCount;

    address private _steward;
    address private _timelock;
    address private _founder;
    uint256 private _joinGrant;
    string private _name;
    string private _charterCid;

    mapping(address account => Member) private _members;
    mapping(address backer => mapping(address leader => Edge)) private _edges;
    /// @dev Used or revoked invite nonces as a bitmap: word `nonce >> 8`, bit `nonce & 0xff`.
    mapping(address inviter => mapping(uint256 word => uint256 bits)) private _inviteBitmap;

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
    /// @notice The steward already is the timelock.
    /// @param timelock The union's timelock.
    error Union_AlreadyGoverned(address timelock);

    /// @notice `member` joined. `inviter` is the inviter (Invite), the approving steward (Approval), else zero.
    /// @param member The new member.
    /// @param path How they got in.
    /// @param inviter Inviter or approver.
    /// @param grant Tokens minted to the member (zero on a rejoin).
    event MemberJoined(address indexed member, JoinPath path, address indexed inviter, uint256 grant);
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
    /// @notice `backer` backs `leader`.
    /// @param backer The backer.
    /// @param leader The leader.
    event Backed(address indexed backer, address indexed leader);
    /// @notice `backer` stopped backing `leader`.
    /// @param backer The backer.
    /// @param leader The leader.
    event Unbacked(address indexed backer, address indexed leader);

    modifier onlySteward() {
        if (msg.sender != _steward) revert Union_NotSteward(msg.sender, _steward);
        _;
    }

    /// @dev Implementations are only used through clones.
    constructor() EIP712("Network Union", "1") {
        _disableInitializers();
    }

    /// @notice Initialises a clone; the founder becomes the first member and the steward.
    /// @dev The token must already be initialised with this union as its minter.
    /// @param p Founder, token, timelock, name, charter CID, admission rule and join grant.
    function initialize(InitParams calldata p) external initializer {
        _token = UnionToken(p.token);
        _admissionRule = p.admissionRule;
        _timelock = p.timelock;
        _founder = p.founder;
        _joinGrant = p.joinGrant;
        _name = p.name;
        _charterCid = p.charterCid;
        _steward = p.founder;
        emit StewardChanged(address(0), p.founder);
        emit CharterUpdated(p.charterCid);
        emit AdmissionRuleChanged(p.admissionRule);
        _admit({account: p.founder, path: JoinPath.Founder, inviter: address(0)});
    }

    // ---------------------------------------------------------------- admission

    /// @notice Join an Open union.
    function join() external {
        if (_admissionRule != AdmissionRule.Open) {
            revert Union_WrongAdmissionRule(_admissionRule, AdmissionRule.Open);
        }
        _admit({account: msg.sender, path: JoinPath.Open, inviter: address(0)});
    }

    /// @notice Join with an inviter's EIP-712 signed invite (EOA or ERC-1271). Accepted under Open and Invite.
    /// @param invite The invite: inviter (a member now), invitee (or zero for anyone), nonce, deadline.
    /// @param signature The inviter's signature over `hashInvite(invite)`.
    function joinWithInvite(Invite calldata invite, bytes calldata signature) external {
        AdmissionRule rule = _admissionRule;
        if (rule == AdmissionRule.Approval) revert Union_InvitesNotAccepted(rule);
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp > invite.deadline) revert Union_InviteExpired(invite.deadline, block.timestamp);
        if (invite.invitee != address(0) && invite.invitee != msg.sender) {
            revert Union_InviteNotForCaller(invite.invitee, msg.sender);
        }
        if (!_members[invite.inviter].active) revert Union_NotMember(invite.inviter);
        (uint256 word, uint256 bit) = _nonceBit(invite.nonce);
        uint256 bits = _inviteBitmap[invite.inviter][word];
        if (bits & bit != 0) revert Union_InviteUsed(invite.inviter, invite.nonce);
        if (!SignatureChecker.isValidSignatureNowCalldata(invite.inviter, hashInvite(invite), signature)) {
            revert Union_InvalidInviteSignature(invite.inviter);
        }
        _inviteBitmap[invite.inviter][word] = bits | bit;
        _admit({account: msg.sender, path: JoinPath.Invite, inviter: invite.inviter});
    }

    /// @notice Revoke one of your own invites before anyone redeems it.
    /// @param nonce The invite nonce.
    function revokeInvite(uint256 nonce) external {
        (uint256 word, uint256 bit) = _nonceBit(nonce);
        uint256 bits = _inviteBitmap[msg.sender][word];
        if (bits & bit != 0) revert Union_InviteUsed(msg.sender, nonce);
        _inviteBitmap[msg.sender][word] = bits | bit;
        emit InviteRevoked(msg.sender, nonce);
    }

    /// @notice Ask the steward to let you in (Approval rule).
    function requestToJoin() external {
        if (_admissionRule != AdmissionRule.Approval) {
            revert Union_WrongAdmissionRule(_admissionRule, AdmissionRule.Approval);
        }
        Member storage m = _members[msg.sender];
        if (m.active) revert Union_AlreadyMember(msg.sender);
        if (m.pending) revert Union_RequestPending(msg.sender);
        m.pending = true;
        emit JoinRequested(msg.sender);
    }

    /// @notice Withdraw your pending request.
    function cancelRequest() external {
        Member storage m = _members[msg.sender];
        if (!m.pending) revert Union_NoPendingRequest(msg.sender);
        m.pending = false;
        emit JoinRequestCancelled(msg.sender);
    }

    /// @notice Let a pending applicant in (steward). Works whatever the current rule.
    /// @param applicant The applicant.
    function approve(address applicant) external onlySteward {
        if (!_members[applicant].pending) revert Union_NoPendingRequest(applicant);
        _admit({account: applicant, path: JoinPath.Approval, inviter: msg.sender});
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
    function leave() external {
        Member storage m = _members[msg.sender];
        if (!m.active) revert Union_NotMember(msg.sender);
        m.active = false;
        m.trusted = false;
        // cannot underflow: the caller is an active member, so the count is at least one
        unchecked {
            --_memberCount;
        }
        emit MemberLeft(msg.sender);
    }

    // ---------------------------------------------------------------- steward

    /// @notice Point the charter at a new IPFS CID (steward).
    /// @param cid The charter's CID.
    function setCharter(string calldata cid) external onlySteward {
        _charterCid = cid;
        emit CharterUpdated(cid);
    }

    /// @notice Change how newcomers get in (steward). Pending requests survive and can still be approved.
    /// @param rule The new rule.
    function setAdmissionRule(AdmissionRule rule) external onlySteward {
        _admissionRule = rule;
        emit AdmissionRuleChanged(rule);
    }

    /// @notice Hand the founder's powers to the union's timelock, i.e. to governance (steward, one way).
    function handOverToGovernance() external onlySteward {
        address previous = _steward;
        address next = _timelock;
        if (previous == next) revert Union_AlreadyGoverned(next);
        _steward = next;
        emit StewardChanged(previous, next);
    }

    // ---------------------------------------------------------------- backing

    /// @notice Back a fellow member as a leader.
    /// @param leader The member to back.
    function back(address leader) external {
        Member memory b = _members[msg.sender];
        if (!b.active) revert Union_NotMember(msg.sender);
        if (leader == msg.sender) revert Union_SelfBacking(msg.sender);
        Member memory l = _members[leader];
        if (!l.active) revert Union_NotMember(leader);
        Edge memory e = _edges[msg.sender][leader];
        if (e.backerEpoch == b.epoch && e.leaderEpoch == l.epoch) revert Union_AlreadyBacking(msg.sender, leader);
        _edges[msg.sender][leader] = Edge({backerEpoch: b.epoch, leaderEpoch: l.epoch});
        emit Backed(msg.sender, leader);
    }

    /// @notice Stop backing `leader`.
    /// @param leader The member you back.
    function unback(address leader) external {
        if (!isBacking(msg.sender, leader)) revert Union_NotBacking(msg.sender, leader);
        delete _edges[msg.sender][leader];
        emit Unbacked(msg.sender, leader);
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

    /// @notice Whether `account` has ever joined (and so has had its one join grant).
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
    function charterCid() external view returns (string memory) {
        return _charterCid;
    }

    /// @notice The union's name.
    /// @return The name.
    function name() external view returns (string memory) {
        return _name;
    }

    /// @inheritdoc IUnion
    function token() external view returns (address) {
        return address(_token);
    }

    /// @inheritdoc IUnion
    function timelock() external view returns (address) {
        return _timelock;
    }

    /// @inheritdoc IUnion
    function steward() external view returns (address) {
        return _steward;
    }

    /// @notice Who created the union.
    /// @return The founder.
    function founder() external view returns (address) {
        return _founder;
    }

    /// @notice Tokens minted to an address the first time it joins.
    /// @return The grant.
    function joinGrant() external view returns (uint256) {
        return _joinGrant;
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
            keccak256(abi.encode(INVITE_TYPEHASH, invite.inviter, invite.invitee, invite.nonce, invite.deadline))
        );
    }

    // ---------------------------------------------------------------- internal

    /// @dev Records a member, mints the one-time grant, self-delegates. Clears any pending request.
    function _admit(address account, JoinPath path, address inviter) private {
        Member memory m = _members[account];
        if (m.active) revert Union_AlreadyMember(account);
        bool firstJoin = m.epoch == 0;
        // cannot overflow: one join per transaction, 2^64 transactions is out of reach
        unchecked {
            _members[account] = Member({
                active: true,
                pending: false,
                trusted: path == JoinPath.Founder || path == JoinPath.Approval,
                epoch: m.epoch + 1
            });
            ++_memberCount;
        }
        uint256 grant = firstJoin ? _joinGrant : 0;
        emit MemberJoined(account, path, inviter, grant);
        UnionToken token_ = _token;
        if (grant != 0) token_.mint(account, grant);
        token_.delegateOnJoin(account);
    }

    /// @dev Bitmap position of an invite nonce.
    function _nonceBit(uint256 nonce) private pure returns (uint256 word, uint256 bit) {
        word = nonce >> 8;
        // forge-lint: disable-next-line(incorrect-shift)
        bit = 1 << (nonce & 0xff);
    }
}
