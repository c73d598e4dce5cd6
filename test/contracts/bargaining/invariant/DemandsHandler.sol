// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {Demands} from "../../../../contracts/src/bargaining/Demands.sol";
import {IDemands} from "../../../../contracts/src/bargaining/IDemands.sol";
import {Union} from "../../../../contracts/src/Union.sol";

/// @dev Drives commitments, withdrawals, members leaving (with live commitments) and rejoining (vouched for again
/// by the founder, so trusted), prunes of former members and activations over a few demands with different
/// thresholds. `reached[path]` counts, per run, the calls that got to the Demands call. `activate` is tried with
/// the first `threshold` live committers, trusted or not; `ghostActivatedWithFormer` counts activations that
/// succeeded although a listed committer was no longer a trusted member (the invariant wants none).
contract DemandsHandler is CommonBase, StdCheats, StdUtils {
    Demands public immutable demands;
    Union public immutable union;

    uint256[] internal _keys;
    uint256[] internal _demandIds;
    mapping(bytes32 path => uint256) public reached;
    mapping(uint256 demandId => uint256) public ghostCommitsAfterActive;
    uint256 public ghostActivatedWithFormer;
    bool public ghostBroken;

    constructor(Demands demands_, Union union_, uint256[] memory keys_, uint256[] memory demandIds_) {
        demands = demands_;
        union = union_;
        _keys = keys_;
        _demandIds = demandIds_;
    }

    function members() external view returns (address[] memory out) {
        out = new address[](_keys.length);
        for (uint256 i; i < _keys.length; ++i) {
            out[i] = vm.addr(_keys[i]);
        }
    }

    function demandIds() external view returns (uint256[] memory) {
        return _demandIds;
    }

    /// @dev A member (rejoining first if they had left) commits to the first open demand they have not.
    function commit(uint256 memberSeed, uint256 demandSeed) external {
        uint256 key = _keys[memberSeed % _keys.length];
        address member = vm.addr(key);
        (bool ok, uint256 id) = _openDemandWhere(demandSeed, member, false);
        if (!ok) return;
        if (!union.isMember(member)) {
            vm.prank(member);
            union.join();
            // a rejoin starts untrusted: the founder vouches again (the test union needs one vouch)
            vm.prank(union.founder());
            union.back(member);
            ++reached["rejoin"];
        }
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, demands.hashCommitment(id, member));
        demands.commit(id, member, abi.encodePacked(r, s, v));
        ++reached["commit"];
        // as the demand page does: the commitment that reaches the threshold is followed by `activate`
        if (demands.getDemand(id).commitments == demands.getDemand(id).threshold) _tryActivate(id);
    }

    /// @dev Anyone activates a demand over its first `threshold` live committers (ascending), whether or not
    /// they are still trusted members: the contract must refuse a list that counts someone who left.
    function activate(uint256 demandSeed) external {
        for (uint256 k; k < _demandIds.length; ++k) {
            uint256 id = _demandIds[(demandSeed + k) % _demandIds.length];
            if (demands.stateOf(id) != IDemands.DemandState.Open) continue;
            if (_tryActivate(id)) return;
        }
    }

    /// @dev One activation attempt over `id`'s first `threshold` live committers; false if too few committed.
    function _tryActivate(uint256 id) internal returns (bool tried) {
        uint256 threshold = demands.getDemand(id).threshold;
        address[] memory listed = new address[](threshold);
        uint256 n;
        bool anyFormer;
        address[] memory sorted = _sortedMembers();
        for (uint256 i; i < sorted.length && n < threshold; ++i) {
            if (!demands.isCommitted(id, sorted[i])) continue;
            listed[n++] = sorted[i];
            if (!union.isTrusted(sorted[i])) anyFormer = true;
        }
        if (n < threshold) return false;
        try demands.activate(id, listed) {
            ++reached["activated"];
            if (anyFormer) ++ghostActivatedWithFormer;
        } catch {
            if (!anyFormer) ghostBroken = true;
        }
        return true;
    }

    function withdraw(uint256 memberSeed, uint256 demandSeed) external {
        address member = vm.addr(_keys[memberSeed % _keys.length]);
        (bool ok, uint256 id) = _openDemandWhere(demandSeed, member, true);
        if (!ok) return;
        uint256 nonce = demands.nonceOf(id, member);
        vm.prank(member);
        demands.withdraw(id);
        if (demands.nonceOf(id, member) != nonce + 1) ghostBroken = true;
        ++reached["withdraw"];
    }

    /// @dev A member leaves the union, possibly with live commitments to open demands.
    function leave(uint256 memberSeed) external {
        address member = vm.addr(_keys[memberSeed % _keys.length]);
        if (!union.isMember(member)) return;
        vm.prank(member);
        union.leave();
        ++reached["leave"];
        for (uint256 k; k < _demandIds.length; ++k) {
            uint256 id = _demandIds[k];
            if (demands.stateOf(id) == IDemands.DemandState.Open && demands.isCommitted(id, member)) {
                ++reached["leftBeforeActivation"];
                return;
            }
        }
    }

    /// @dev Anyone prunes a former member's commitment to an open demand.
    function prune(uint256 memberSeed, uint256 demandSeed) external {
        for (uint256 m; m < _keys.length; ++m) {
            address member = vm.addr(_keys[(memberSeed + m) % _keys.length]);
            if (union.isTrusted(member)) continue;
            (bool ok, uint256 id) = _openDemandWhere(demandSeed, member, true);
            if (!ok) continue;
            demands.prune(id, member);
            ++reached["prune"];
            return;
        }
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 0, 3 days));
    }

    /// @dev The first open demand (from the seed) where `member` is (or is not) committed.
    function _openDemandWhere(uint256 demandSeed, address member, bool committed)
        internal
        view
        returns (bool ok, uint256 id)
    {
        for (uint256 k; k < _demandIds.length; ++k) {
            id = _demandIds[(demandSeed + k) % _demandIds.length];
            if (demands.stateOf(id) != IDemands.DemandState.Open) continue;
            if (demands.isCommitted(id, member) == committed) return (true, id);
        }
    }

    function _sortedMembers() internal view returns (address[] memory sorted) {
        sorted = new address[](_keys.length);
        for (uint256 i; i < _keys.length; ++i) {
            sorted[i] = vm.addr(_keys[i]);
        }
        for (uint256 i = 1; i < sorted.length; ++i) {
            for (uint256 j = i; j > 0 && sorted[j - 1] > sorted[j]; --j) {
                (sorted[j - 1], sorted[j]) = (sorted[j], sorted[j - 1]);
            }
        }
    }
}
