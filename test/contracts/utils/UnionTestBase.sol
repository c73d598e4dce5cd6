// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IUnion} from "../../../contracts/src/interfaces/IUnion.sol";
import {Union} from "../../../contracts/src/Union.sol";
import {UnionToken} from "../../../contracts/src/UnionToken.sol";
import {UnionGovernor} from "../../../contracts/src/UnionGovernor.sol";
import {UnionTimelock} from "../../../contracts/src/UnionTimelock.sol";
import {UnionVestingWallet} from "../../../contracts/src/UnionVestingWallet.sol";
import {UnionFactory} from "../../../contracts/src/UnionFactory.sol";

/// @dev Deploys the implementations and the factory, and creates one union founded by `founder`.
abstract contract UnionTestBase is Test {
    uint256 internal constant GRANT = 100e18;
    uint256 internal constant RESERVE = 1_000_000e18;
    uint256 internal constant ALLOCATION = 50_000e18;
    uint48 internal constant VOTING_DELAY = 1 days;
    uint32 internal constant VOTING_PERIOD = 3 days;
    uint256 internal constant TIMELOCK_DELAY = 2 days;
    uint256 internal constant QUORUM_PERCENT = 4;
    string internal constant CHARTER = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";

    /// @dev The implementations' ERC-2771 trusted forwarder (zero unless a suite sets it before `setUp`).
    address internal forwarder;
    UnionFactory.Implementations internal impls;
    UnionFactory internal factory;

    Union internal union;
    UnionToken internal token;
    UnionGovernor internal governor;
    UnionTimelock internal timelock;
    UnionVestingWallet internal wallet;

    uint256 internal founderKey;
    address internal founder;
    uint256 internal aliceKey;
    address internal alice;
    uint256 internal bobKey;
    address internal bob;
    address internal carol = makeAddr("carol");
    address internal cofounder = makeAddr("cofounder");
    /// @dev The claim key every open test invite carries (its private key would travel in the link).
    uint256 internal claimKey;
    address internal claimer;
    uint32 internal constant VOUCHES = 1;
    uint32 internal constant INVITE_QUOTA = 64;
    uint64 internal constant INVITE_PERIOD = 30 days;
    /// @dev Vote choices for `_proposeAndVote` (GovernorCountingBallots' 0 and 1; NO_VOTE skips the voter).
    uint8 internal constant AGAINST = 0;
    uint8 internal constant FOR = 1;
    uint8 internal constant NO_VOTE = type(uint8).max;

    function setUp() public virtual {
        (founder, founderKey) = makeAddrAndKey("founder");
        (alice, aliceKey) = makeAddrAndKey("alice");
        (bob, bobKey) = makeAddrAndKey("bob");
        (claimer, claimKey) = makeAddrAndKey("claim key");
        factory = _deployFactory();
        _createUnion(IUnion.AdmissionRule.Open);
    }

    function _deployFactory() internal returns (UnionFactory) {
        impls = UnionFactory.Implementations({
            union: address(new Union(forwarder)),
            token: address(new UnionToken()),
            governor: address(new UnionGovernor(forwarder)),
            timelock: address(new UnionTimelock()),
            vestingWallet: address(new UnionVestingWallet())
        });
        return new UnionFactory(impls);
    }

    function _params(IUnion.AdmissionRule rule) internal view returns (UnionFactory.CreateParams memory p) {
        p.name = "Test Union";
        p.charterCid = CHARTER;
        p.admissionRule = rule;
        p.tokenName = "Test Union Token";
        p.tokenSymbol = "TUT";
        p.joinGrant = GRANT;
        p.treasuryReserve = RESERVE;
        p.allocations = new UnionFactory.Allocation[](1);
        p.allocations[0] = UnionFactory.Allocation({beneficiary: cofounder, amount: ALLOCATION});
        p.vesting = UnionFactory.VestingSchedule({start: uint64(block.timestamp), cliff: 30 days, duration: 365 days});
        p.governance = UnionFactory.GovernanceParams({
            votingDelay: VOTING_DELAY,
            votingPeriod: VOTING_PERIOD,
            proposalThreshold: 0,
            quorumPercent: QUORUM_PERCENT,
            timelockDelay: TIMELOCK_DELAY
        });
        p.trust = Union.TrustParams({vouchThreshold: VOUCHES, inviteQuota: INVITE_QUOTA, invitePeriod: INVITE_PERIOD});
    }

    function _createUnion(IUnion.AdmissionRule rule) internal {
        _createUnion(_params(rule));
    }

    function _createUnion(UnionFactory.CreateParams memory p) internal {
        vm.prank(founder);
        UnionFactory.Deployment memory d = factory.createUnion(p);
        union = Union(d.union);
        token = UnionToken(d.token);
        governor = UnionGovernor(payable(d.governor));
        timelock = UnionTimelock(payable(d.timelock));
        if (d.vestingWallets.length != 0) wallet = UnionVestingWallet(payable(d.vestingWallets[0]));
    }

    function _invite(address inviter, address invitee, uint256 nonce, uint256 deadline)
        internal
        pure
        returns (Union.Invite memory)
    {
        return Union.Invite({
            inviter: inviter,
            invitee: invitee,
            claimKey: invitee == address(0) ? vm.addr(uint256(keccak256("claim key"))) : address(0),
            nonce: nonce,
            deadline: deadline
        });
    }

    /// @dev The union's EIP-712 domain separator, computed from its parts.
    function _unionDomain() internal view returns (bytes32) {
        return keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("Network Union"),
                keccak256("1"),
                block.chainid,
                address(union)
            )
        );
    }

    /// @dev The open-invite link key's signature for `redeemer` (empty for a named invitee is fine too).
    /// Computed without calling the union, so it can sit inside a pranked call's arguments.
    function _claim(address redeemer) internal view returns (bytes memory) {
        bytes32 domain = _unionDomain();
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19\x01", domain, keccak256(abi.encode(keccak256("InviteClaim(address redeemer)"), redeemer))
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(claimKey, digest);
        return abi.encodePacked(r, s, v);
    }

    /// @dev Joins `account` and has the founder vouch for it (one vouch trusts under the default threshold).
    function _joinTrusted(address account) internal {
        _join(account);
        vm.prank(founder);
        union.back(account);
    }

    function _sign(uint256 key, Union.Invite memory invite) internal view returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, union.hashInvite(invite));
        return abi.encodePacked(r, s, v);
    }

    function _join(address account) internal {
        vm.prank(account);
        union.join();
    }

    /// @dev An ERC-2612 permit for the union token, signed by `key`'s account.
    function _permit(uint256 key, address spender, uint256 value, uint256 deadline)
        internal
        view
        returns (uint8 v, bytes32 r, bytes32 s)
    {
        address owner = vm.addr(key);
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                owner,
                spender,
                value,
                token.nonces(owner),
                deadline
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (v, r, s) = vm.sign(key, digest);
    }

    // ------------------------------------------------------------ governance steps

    /// @dev One call as a proposal's targets, values and calldatas.
    function _one(address target, bytes memory data)
        internal
        pure
        returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas)
    {
        targets = new address[](1);
        values = new uint256[](1);
        calldatas = new bytes[](1);
        targets[0] = target;
        calldatas[0] = data;
    }

    /// @dev alice proposes `t/v/c`; once voting opens, founder, alice and bob cast `votes` (in that order, NO_VOTE
    /// skips one), and the voting period runs out.
    function _proposeAndVote(
        address[] memory t,
        uint256[] memory v,
        bytes[] memory c,
        string memory description,
        uint8[3] memory votes
    ) internal returns (uint256 id) {
        return _proposeAndVote(alice, t, v, c, description, new address[](0), votes);
    }

    /// @dev `proposer` proposes `t/v/c`; once voting opens, every address in `backers` votes for, then founder,
    /// alice and bob cast `votes`, and the voting period runs out.
    function _proposeAndVote(
        address proposer,
        address[] memory t,
        uint256[] memory v,
        bytes[] memory c,
        string memory description,
        address[] memory backers,
        uint8[3] memory votes
    ) internal returns (uint256 id) {
        vm.prank(proposer);
        id = governor.propose(t, v, c, description);
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        for (uint256 i; i < backers.length; ++i) {
            vm.prank(backers[i]);
            governor.castVote(id, FOR);
        }
        address[3] memory voters = [founder, alice, bob];
        for (uint256 i; i < 3; ++i) {
            if (votes[i] == NO_VOTE) continue;
            vm.prank(voters[i]);
            governor.castVote(id, votes[i]);
        }
        vm.warp(block.timestamp + VOTING_PERIOD);
    }

    /// @dev Queues a passed proposal and executes it once the timelock delay is over.
    function _queueAndExecute(address[] memory t, uint256[] memory v, bytes[] memory c, string memory description)
        internal
    {
        bytes32 descriptionHash = keccak256(bytes(description));
        governor.queue(t, v, c, descriptionHash);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        governor.execute(t, v, c, descriptionHash);
    }

    /// @dev Queues and executes the proposal if its vote passed; returns the state it ends in.
    function _executeIfPassed(
        uint256 id,
        address[] memory t,
        uint256[] memory v,
        bytes[] memory c,
        string memory description
    ) internal returns (IGovernor.ProposalState) {
        if (governor.state(id) == IGovernor.ProposalState.Succeeded) {
            _queueAndExecute(t, v, c, description);
        }
        return governor.state(id);
    }

    /// @dev alice proposes `t/v/c`, founder, alice and bob vote for, and it runs if it passed; returns the state
    /// it ends in.
    function _pass(address[] memory t, uint256[] memory v, bytes[] memory c, string memory description)
        internal
        returns (IGovernor.ProposalState)
    {
        uint256 id = _proposeAndVote(t, v, c, description, [FOR, FOR, FOR]);
        return _executeIfPassed(id, t, v, c, description);
    }

    // ------------------------------------------------------------ gas snapshots

    /// @dev The snapshot file `_snap` writes to; empty (nothing recorded) unless GAS_SNAPSHOT is on.
    string internal gasGroup;

    /// @dev For gas suites' setUp: records into `group` under GAS_SNAPSHOT, and moves to a later block and
    /// timestamp, as for a real member, so checkpoints are pushed, not overwritten.
    function _recordGasAs(string memory group) internal {
        if (vm.envOr("GAS_SNAPSHOT", false)) gasGroup = group;
        vm.roll(block.number + 1);
        vm.warp(block.timestamp + 1 hours);
    }

    /// @dev Records the last call's gas as `name`, when recording.
    function _snap(string memory name) internal {
        if (bytes(gasGroup).length != 0) vm.snapshotGasLastCall(gasGroup, name);
    }
}
