// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Union} from "../../../../contracts/src/Union.sol";
import {UnionToken} from "../../../../contracts/src/UnionToken.sol";
import {UnionGovernor} from "../../../../contracts/src/UnionGovernor.sol";
import {UnionTimelock} from "../../../../contracts/src/UnionTimelock.sol";

/// @dev Drives propose, vote, queue, execute, delegate, back, back and follow, unback, reclaim, join, leave,
/// ragequit and random time over a fixed set of actors, with ghosts for the treasury and untrusted votes.
contract GovernanceHandler is CommonBase, StdCheats, StdUtils {
    Union public immutable union;
    UnionToken public immutable token;
    UnionGovernor public immutable governor;
    UnionTimelock public immutable timelock;

    address[] internal _actors;
    /// @dev Timestamps at which the invariant re-checks past sums (bounded).
    uint256[] internal _stamps;

    // the one proposal in flight
    uint256 public proposalId;
    address[] internal _t;
    uint256[] internal _v;
    bytes[] internal _c;
    bytes32 internal _descHash;
    uint256 internal _payment;
    uint256 internal _nonce;

    // ghosts
    uint256 public ghostTreasury;
    uint256 public ghostTreasuryEth;
    uint256 public ghostUntrustedWeight;
    mapping(bytes32 => uint256) public calls;

    constructor(Union union_, UnionGovernor governor_, UnionTimelock timelock_, address founder, uint256 n) {
        union = union_;
        governor = governor_;
        timelock = timelock_;
        token = UnionToken(union_.token());
        _actors.push(founder);
        for (uint256 i = 1; i < n; ++i) {
            _actors.push(makeAddr(string.concat("gov actor", vm.toString(i))));
        }
        ghostTreasury = token.balanceOf(address(timelock_));
        ghostTreasuryEth = address(timelock_).balance;
    }

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    function stamps() external view returns (uint256[] memory) {
        return _stamps;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % _actors.length];
    }

    function _stamp() internal {
        if (_stamps.length < 40) _stamps.push(block.timestamp);
    }

    function join(uint256 seed) external {
        address a = _actor(seed);
        if (union.isMember(a)) return;
        vm.prank(a);
        union.join();
        _stamp();
        ++calls["join"];
    }

    function leave(uint256 seed) external {
        address a = _actor(seed);
        if (!union.isMember(a) || a == _actors[0]) return;
        vm.prank(a);
        union.leave();
        _stamp();
        ++calls["leave"];
    }

    function back(uint256 b, uint256 l, bool follow) external {
        address backer = _actor(b);
        address leader = _actor(l);
        if (backer == leader || !union.isMember(backer) || !union.isMember(leader)) return;
        if (union.isBacking(backer, leader)) return;
        vm.prank(backer);
        if (follow) union.backAndFollow(leader);
        else union.back(leader);
        _stamp();
        ++calls[follow ? bytes32("backAndFollow") : bytes32("back")];
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

    function propose(uint256 seed, uint256 amount) external {
        if (proposalId != 0) return;
        address p = _actor(seed);
        _payment = _bound(amount, 1, 1_000e18);
        _t = new address[](1);
        _v = new uint256[](1);
        _c = new bytes[](1);
        _t[0] = address(token);
        _c[0] = abi.encodeCall(IERC20.transfer, (_actor(seed + 1), _payment));
        string memory d = string.concat("proposal ", vm.toString(++_nonce));
        _descHash = keccak256(bytes(d));
        vm.prank(p);
        proposalId = governor.propose(_t, _v, _c, d);
        ++calls["propose"];
    }

    function vote(uint256 seed, uint8 support) external {
        if (proposalId == 0) return;
        // move time on to the voting window, so campaigns reach the later states
        if (governor.state(proposalId) == IGovernor.ProposalState.Pending) {
            vm.warp(governor.proposalSnapshot(proposalId) + 1);
        }
        if (governor.state(proposalId) != IGovernor.ProposalState.Active) return;
        // mostly trusted voters (who carry weight), sometimes anyone
        address a = _actor(seed);
        if (seed % 4 != 0) {
            for (uint256 i; i < _actors.length; ++i) {
                address c = _actor(seed + i);
                if (union.isTrusted(c) && !governor.hasVoted(proposalId, c)) {
                    a = c;
                    break;
                }
            }
        }
        if (governor.hasVoted(proposalId, a)) return;
        bool trusted = union.isTrusted(a);
        vm.prank(a);
        // For twice as often as Against, so proposals pass and open exit windows
        uint8 choice = support % 3 == 2 ? 0 : 1;
        if (support % 7 == 6) choice = 2;
        uint256 weight = governor.castVote(proposalId, choice);
        if (!trusted) ghostUntrustedWeight += weight;
        ++calls["vote"];
    }

    function advance() external {
        if (proposalId == 0) return;
        IGovernor.ProposalState s = governor.state(proposalId);
        if (s == IGovernor.ProposalState.Active) {
            vm.warp(governor.proposalDeadline(proposalId) + 1);
            s = governor.state(proposalId);
        }
        if (s == IGovernor.ProposalState.Succeeded) {
            governor.queue(_t, _v, _c, _descHash);
            ++calls["queue"];
        } else if (s == IGovernor.ProposalState.Queued) {
            bytes32 op = timelock.hashOperationBatch(_t, _v, _c, 0, _salt());
            if (!timelock.isOperationReady(op)) vm.warp(timelock.getTimestamp(op));
            if (token.balanceOf(address(timelock)) < _payment) return;
            governor.execute(_t, _v, _c, _descHash);
            ghostTreasury -= _payment;
            proposalId = 0;
            ++calls["execute"];
        } else if (
            s == IGovernor.ProposalState.Defeated || s == IGovernor.ProposalState.Expired
                || s == IGovernor.ProposalState.Canceled
        ) {
            proposalId = 0;
        }
    }

    function ragequit(uint256 seed, uint256 amount) external {
        if (proposalId == 0 || governor.state(proposalId) != IGovernor.ProposalState.Queued) return;
        address a = _actor(seed);
        if (!union.isMember(a) || governor.votedFor(proposalId, a)) return;
        uint256 cap = token.getPastVotes(a, governor.proposalSnapshot(proposalId)) - timelock.exited(proposalId, a);
        uint256 bal = token.balanceOf(a);
        if (cap > bal) cap = bal;
        if (cap == 0) return;
        amount = _bound(amount, 1, cap);
        uint256 ethBefore = address(timelock).balance;
        vm.prank(a);
        timelock.ragequit(proposalId, amount, new address[](0));
        ghostTreasuryEth -= ethBefore - address(timelock).balance;
        _stamp();
        ++calls["ragequit"];
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + _bound(secs, 1, 3 days));
    }

    function _salt() internal view returns (bytes32) {
        return bytes20(address(governor)) ^ _descHash;
    }
}
