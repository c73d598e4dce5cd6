// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {IUnion} from "../../../../contracts/src/interfaces/IUnion.sol";
import {Union} from "../../../../contracts/src/Union.sol";
import {UnionToken} from "../../../../contracts/src/UnionToken.sol";
import {Demands} from "../../../../contracts/src/bargaining/Demands.sol";

/// @dev Drives random joins, leaves, transfers (also to and from the treasury), delegations (to self, to another
/// actor, to nobody) and commitments/withdrawals/prunes/activations on one demand, over a fixed set of actors.
/// Actors join freely (Open: untrusted) or through the steward's approval (trusted); only trusted members
/// commit, and `activate` is tried with committers who may have left since.
contract DemandsHandler is CommonBase, StdCheats, StdUtils {
    Union public immutable union;
    UnionToken public immutable token;
    Demands public immutable demands;
    address public immutable treasury;
    uint256 public immutable demandId;

    address[] internal _actors;
    mapping(address actor => uint256 key) internal _keys;

    bool public ghostEverActive;
    uint32 public ghostCommitmentsAtActivation;
    /// @dev Activations that succeeded although a listed committer was not a trusted member.
    uint256 public ghostUntrustedCounted;

    constructor(Union union_, Demands demands_, uint256 demandId_, address[] memory actors_, uint256[] memory keys_) {
        union = union_;
        token = UnionToken(union_.token());
        demands = demands_;
        treasury = union_.timelock();
        demandId = demandId_;
        for (uint256 i; i < actors_.length; ++i) {
            _actors.push(actors_[i]);
            _keys[actors_[i]] = keys_[i];
        }
    }

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[bound(seed, 0, _actors.length - 1)];
    }

    function join(uint256 seed) external {
        address a = _actor(seed);
        if (union.isMember(a)) return;
        vm.prank(a);
        union.join();
    }

    function joinTrusted(uint256 seed) external {
        address a = _actor(seed);
        if (union.isMember(a)) return;
        address steward = union.steward();
        vm.prank(steward);
        union.setAdmissionRule(IUnion.AdmissionRule.Approval);
        if (!union.pendingRequest(a)) {
            vm.prank(a);
            union.requestToJoin();
        }
        vm.startPrank(steward);
        union.approve(a);
        union.setAdmissionRule(IUnion.AdmissionRule.Open);
        vm.stopPrank();
    }

    function leave(uint256 seed) external {
        address a = _actor(seed);
        if (!union.isMember(a)) return;
        vm.prank(a);
        union.leave();
    }

    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = _actor(fromSeed);
        address to = _actor(toSeed);
        amount = bound(amount, 0, token.balanceOf(from));
        vm.prank(from);
        token.transfer(to, amount);
    }

    function fromTreasury(uint256 toSeed, uint256 amount) external {
        amount = bound(amount, 0, token.balanceOf(treasury));
        vm.prank(treasury);
        token.transfer(_actor(toSeed), amount);
    }

    function toTreasury(uint256 fromSeed, uint256 amount) external {
        address from = _actor(fromSeed);
        amount = bound(amount, 0, token.balanceOf(from));
        vm.prank(from);
        token.transfer(treasury, amount);
    }

    function delegate(uint256 fromSeed, uint256 toSeed, bool toNobody) external {
        address from = _actor(fromSeed);
        vm.prank(from);
        token.delegate(toNobody ? address(0) : _actor(toSeed));
    }

    function commit(uint256 seed) external {
        address a = _actor(seed);
        if (!union.isTrusted(a) || demands.isCommitted(demandId, a)) return;
        if (demands.stateOf(demandId) != Demands.DemandState.Open) return;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(_keys[a], demands.hashCommitment(demandId, a));
        demands.commit(demandId, a, abi.encodePacked(r, s, v));
    }

    /// @dev Lists the first `threshold` actors (ascending) with a live commitment, whether or not they are still
    /// trusted, and tries to activate.
    function activate() external {
        if (demands.stateOf(demandId) != Demands.DemandState.Open) return;
        uint256 threshold = demands.getDemand(demandId).threshold;
        address[] memory sorted = _sortedActors();
        address[] memory listed = new address[](threshold);
        uint256 n;
        bool anyUntrusted;
        for (uint256 i; i < sorted.length && n < threshold; ++i) {
            if (!demands.isCommitted(demandId, sorted[i])) continue;
            listed[n++] = sorted[i];
            if (!union.isTrusted(sorted[i])) anyUntrusted = true;
        }
        if (n < threshold) return;
        try demands.activate(demandId, listed) {
            if (anyUntrusted) ++ghostUntrustedCounted;
            ghostEverActive = true;
            ghostCommitmentsAtActivation = demands.getDemand(demandId).commitments;
        } catch {}
    }

    function _sortedActors() internal view returns (address[] memory sorted) {
        sorted = _actors;
        for (uint256 i = 1; i < sorted.length; ++i) {
            for (uint256 j = i; j > 0 && sorted[j - 1] > sorted[j]; --j) {
                (sorted[j - 1], sorted[j]) = (sorted[j], sorted[j - 1]);
            }
        }
    }

    function withdraw(uint256 seed) external {
        address a = _actor(seed);
        if (!demands.isCommitted(demandId, a) || ghostEverActive) return;
        vm.prank(a);
        demands.withdraw(demandId);
    }

    function prune(uint256 seed) external {
        address a = _actor(seed);
        if (!demands.isCommitted(demandId, a) || ghostEverActive || union.isTrusted(a)) return;
        demands.prune(demandId, a);
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 1, 1 days));
        vm.roll(block.number + 1);
    }
}
