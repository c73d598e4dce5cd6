// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Union} from "../../../../contracts/src/Union.sol";
import {UnionToken} from "../../../../contracts/src/UnionToken.sol";
import {UnionGovernor} from "../../../../contracts/src/UnionGovernor.sol";
import {UnionTimelock} from "../../../../contracts/src/UnionTimelock.sol";

/// @dev A token other than the union's own, held by the treasury: exits are paid a share of it.
contract ExitToken is ERC20 {
    constructor() ERC20("Exit Stable", "XUSD") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}

/// @dev Drives propose, vote, queue, execute, delegate, back, back and follow, unback, reclaim, join, leave,
/// ragequit and random time over a fixed set of actors, with ghosts for the treasury (union tokens, ETH and
/// another token) and for the weight each proposal received from trusted and untrusted voters. Proposals pay
/// either union tokens or ETH out of the treasury. Handlers look for an actor for whom the action is allowed
/// (from the seed on) rather than giving up on the first, and `calls` counts, per run, the calls that reached
/// the union, token, governor or timelock.
contract GovernanceHandler is CommonBase, StdCheats, StdUtils {
    Union public immutable union;
    UnionToken public immutable token;
    UnionGovernor public immutable governor;
    UnionTimelock public immutable timelock;
    ExitToken public immutable other;

    address[] internal _actors;
    /// @dev Timestamps at which the invariant re-checks past sums (a ring of the latest 16).
    uint256[] internal _stamps;
    uint256 internal _stampCount;
    /// @dev Every proposal made.
    uint256[] internal _proposals;

    // the one proposal in flight
    uint256 public proposalId;
    address[] internal _t;
    uint256[] internal _v;
    bytes[] internal _c;
    bytes32 internal _descHash;
    uint256 internal _payment;
    bool internal _paysEth;
    uint256 internal _nonce;

    // ghosts
    uint256 public ghostTreasury;
    uint256 public ghostTreasuryEth;
    uint256 public ghostTreasuryOther;
    /// @dev Weight cast by voters the union did not trust when they voted (must stay zero).
    uint256 public ghostUntrustedWeight;
    /// @dev An exit paid other than `balance · amount / memberSupply` of the treasury's ETH or other token.
    uint256 public ghostExitMismatches;
    /// @dev Weight cast per proposal and support (0 Against, 1 For, 2 Abstain) by trusted voters.
    mapping(uint256 proposalId => mapping(uint8 support => uint256)) public ghostTrustedWeight;
    mapping(bytes32 => uint256) public calls;

    constructor(
        Union union_,
        UnionGovernor governor_,
        UnionTimelock timelock_,
        ExitToken other_,
        address[] memory actors_
    ) {
        union = union_;
        governor = governor_;
        timelock = timelock_;
        other = other_;
        token = UnionToken(union_.token());
        _actors = actors_;
        ghostTreasury = token.balanceOf(address(timelock_));
        ghostTreasuryEth = address(timelock_).balance;
        ghostTreasuryOther = other_.balanceOf(address(timelock_));
    }

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    function stamps() external view returns (uint256[] memory) {
        return _stamps;
    }

    function proposals() external view returns (uint256[] memory) {
        return _proposals;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % _actors.length];
    }

    /// @dev The `k`-th actor after `seed`'s (no overflow for any seed).
    function _actorAt(uint256 seed, uint256 k) internal view returns (address) {
        return _actors[(seed % _actors.length + k) % _actors.length];
    }

    /// @dev Keeps the 16 latest distinct timestamps at which votes changed (the invariant reads each one's past
    /// votes of every actor after every call, so more would slow the campaign without reaching new states).
    function _stamp() internal {
        uint256 n = _stampCount;
        if (n != 0 && _stamps[(n - 1) % 16] == block.timestamp) return;
        if (n < 16) _stamps.push(block.timestamp);
        else _stamps[n % 16] = block.timestamp;
        _stampCount = n + 1;
    }

    function join(uint256 seed) external {
        for (uint256 i; i < _actors.length; ++i) {
            address a = _actorAt(seed, i);
            if (union.isMember(a)) continue;
            vm.prank(a);
            union.join();
            _stamp();
            ++calls["join"];
            return;
        }
    }

    /// @dev Anyone but the founder leaves (a queued exit window is what `ragequit` is for).
    function leave(uint256 seed) external {
        address a = _actor(seed);
        if (!union.isMember(a) || a == _actors[0]) return;
        vm.prank(a);
        union.leave();
        _stamp();
        ++calls["leave"];
    }

    /// @dev The first backer from `b` on who can back the first leader from `l` on (both members, not backing).
    function back(uint256 b, uint256 l, bool follow) external {
        for (uint256 i; i < _actors.length; ++i) {
            address backer = _actorAt(b, i);
            if (!union.isMember(backer)) continue;
            for (uint256 j; j < _actors.length; ++j) {
                address leader = _actorAt(l, j);
                if (backer == leader || !union.isMember(leader) || union.isBacking(backer, leader)) continue;
                vm.prank(backer);
                if (follow) union.backAndFollow(leader);
                else union.back(leader);
                _stamp();
                ++calls[follow ? bytes32("backAndFollow") : bytes32("back")];
                return;
            }
        }
    }

    function unback(uint256 b, uint256 l) external {
        address backer = _actor(b);
        address leader = _actor(l);
        if (!union.isBacking(backer, leader)) return;
        vm.prank(backer);
        union.unback(leader);
        _stamp();
        ++calls["unback"];
    }

    function reclaim(uint256 seed) external {
        // refused unless the follower's back died; a refusal changes nothing
        try union.reclaimVotes(_actor(seed)) {
            ++calls["reclaim"];
            _stamp();
        } catch {}
    }

    function delegate(uint256 a, uint256 d) external {
        address from = _actor(a);
        vm.prank(from);
        token.delegate(_actor(d));
        _stamp();
        ++calls["delegate"];
    }

    /// @dev A trusted member proposes paying an actor union tokens or (when `eth`) ETH from the treasury.
    function propose(uint256 seed, uint256 amount, bool eth) external {
        if (proposalId != 0) return;
        address p = _actor(seed);
        for (uint256 i; i < _actors.length && !union.isTrusted(p); ++i) {
            p = _actorAt(seed, i);
        }
        _paysEth = eth;
        _t = new address[](1);
        _v = new uint256[](1);
        _c = new bytes[](1);
        if (eth) {
            _payment = _bound(amount, 1, 1 ether);
            _t[0] = _actorAt(seed, 1);
            _v[0] = _payment;
        } else {
            _payment = _bound(amount, 1, 1_000e18);
            _t[0] = address(token);
            _c[0] = abi.encodeCall(IERC20.transfer, (_actorAt(seed, 1), _payment));
        }
        string memory d = string.concat("proposal ", vm.toString(++_nonce));
        _descHash = keccak256(bytes(d));
        vm.prank(p);
        proposalId = governor.propose(_t, _v, _c, d);
        _proposals.push(proposalId);
        ++calls["propose"];
    }

    function vote(uint256 seed, uint8 support) external {
        if (proposalId == 0) return;
        // move time on to the voting window, so campaigns reach the later states
        if (governor.state(proposalId) == IGovernor.ProposalState.Pending) {
            vm.warp(governor.proposalSnapshot(proposalId) + 1);
        }
        if (governor.state(proposalId) != IGovernor.ProposalState.Active) return;
        // mostly trusted voters (who carry weight), sometimes the first who has not voted, trusted or not
        bool anyone = seed % 4 == 0;
        address a;
        for (uint256 i; i < _actors.length; ++i) {
            address c = _actorAt(seed, i);
            if (governor.hasVoted(proposalId, c) || (!anyone && !union.isTrusted(c))) continue;
            a = c;
            break;
        }
        if (a == address(0)) return;
        bool trusted = union.isTrusted(a);
        // For twice as often as Against, so proposals pass and open exit windows
        uint8 choice = support % 3 == 2 ? 0 : 1;
        if (support % 7 == 6) choice = 2;
        vm.prank(a);
        uint256 weight = governor.castVote(proposalId, choice);
        if (trusted) ghostTrustedWeight[proposalId][choice] += weight;
        else ghostUntrustedWeight += weight;
        ++calls[trusted ? bytes32("vote") : bytes32("untrustedVote")];
    }

    /// @dev Moves the proposal in flight on: ends its vote, queues it, and executes it once the timelock allows
    /// (three times in four a queued proposal whose delay has not run out stays queued, so exits get their window).
    function advance(uint8 wait) external {
        if (proposalId == 0) return;
        IGovernor.ProposalState s = governor.state(proposalId);
        if (s == IGovernor.ProposalState.Pending) return;
        if (s == IGovernor.ProposalState.Active) {
            vm.warp(governor.proposalDeadline(proposalId) + 1);
            s = governor.state(proposalId);
        }
        if (s == IGovernor.ProposalState.Succeeded) {
            governor.queue(_t, _v, _c, _descHash);
            ++calls["queue"];
        } else if (s == IGovernor.ProposalState.Queued) {
            bytes32 op = timelock.hashOperationBatch(_t, _v, _c, 0, _salt());
            if (!timelock.isOperationReady(op)) {
                if (wait % 4 != 0) return;
                vm.warp(timelock.getTimestamp(op));
            }
            if (_paysEth ? address(timelock).balance < _payment : token.balanceOf(address(timelock)) < _payment) {
                return;
            }
            governor.execute{value: 0}(_t, _v, _c, _descHash);
            if (_paysEth) ghostTreasuryEth -= _payment;
            else ghostTreasury -= _payment;
            proposalId = 0;
            ++calls["execute"];
        } else {
            // Defeated (Expired and Canceled cannot happen here)
            proposalId = 0;
            ++calls["defeated"];
        }
    }

    /// @dev The first member from the seed on who may exit under the queued proposal burns part of their votes
    /// at its snapshot and is paid exactly their share of the treasury's ETH and other token.
    function ragequit(uint256 seed, uint256 amount) external {
        if (proposalId == 0 || governor.state(proposalId) != IGovernor.ProposalState.Queued) return;
        for (uint256 i; i < _actors.length; ++i) {
            address a = _actorAt(seed, i);
            // the founder stays (they vouch newcomers in; the steward's powers are not the point here)
            if (a == _actors[0] || !union.isMember(a) || governor.votedFor(proposalId, a)) continue;
            uint256 cap = token.getPastVotes(a, governor.proposalSnapshot(proposalId)) - governor.exited(proposalId, a);
            cap = Math.min(cap, token.balanceOf(a));
            if (cap == 0) continue;
            _exit(a, _bound(amount, 1, cap));
            return;
        }
    }

    function _exit(address a, uint256 amount) internal {
        uint256 memberSupply = token.totalSupply() - token.balanceOf(address(timelock));
        uint256 eth = Math.mulDiv(address(timelock).balance, amount, memberSupply);
        uint256 share = Math.mulDiv(other.balanceOf(address(timelock)), amount, memberSupply);
        uint256 ethBefore = a.balance;
        uint256 otherBefore = other.balanceOf(a);
        address[] memory list = new address[](1);
        list[0] = address(other);
        vm.prank(a);
        timelock.ragequit(proposalId, amount, list);
        if (a.balance - ethBefore != eth || other.balanceOf(a) - otherBefore != share) ++ghostExitMismatches;
        ghostTreasuryEth -= eth;
        ghostTreasuryOther -= share;
        _stamp();
        ++calls["ragequit"];
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + _bound(secs, 1, 3 days));
        ++calls["warp"];
    }

    function _salt() internal view returns (bytes32) {
        return bytes20(address(governor)) ^ _descHash;
    }
}
