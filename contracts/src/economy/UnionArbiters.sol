// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IUnion} from "../interfaces/IUnion.sol";
import {IUnionRegistry} from "./IUnionRegistry.sol";
import {IUnionArbiters} from "./IUnionArbiters.sol";

/// @title UnionArbiters
/// @notice Per-union registry of arbiters, shared by every union (one deployment, keyed by union). A union's
/// steward (`IUnion.steward()`: the founder, later the union's timelock) appoints and removes arbiters; arbiters
/// must be members. Feature contracts (escrow, ...) draw dispute panels from it with `drawPanel`.
/// @dev An arbiter who leaves the union stays in the list but is not eligible (`isArbiter` is false) until they
/// rejoin; anyone may prune them with `removeFormerMember`.
contract UnionArbiters is IUnionArbiters {
    /// @notice Most arbiters one union may appoint (bounds `drawPanel`'s loop).
    uint256 public constant MAX_ARBITERS = 64;
    /// @notice Arbiters on one panel.
    uint256 public constant PANEL_SIZE = 3;

    /// @notice The factory whose unions this registry serves.
    IUnionRegistry public immutable factory;

    mapping(address union => address[]) private _arbiters;
    /// @dev Position in `_arbiters[union]` plus one; zero means not appointed.
    mapping(address union => mapping(address account => uint256)) private _position;

    /// @param factory_ The union factory (`isUnion`).
    constructor(IUnionRegistry factory_) {
        factory = factory_;
    }

    /// @notice Appoint a member of `union` as an arbiter (the union's steward only).
    /// @param union The union.
    /// @param arbiter The member to appoint.
    function appoint(address union, address arbiter) external {
        _checkSteward(union);
        if (!IUnion(union).isMember(arbiter)) revert UnionArbiters_NotMember(union, arbiter);
        if (_position[union][arbiter] != 0) revert UnionArbiters_AlreadyArbiter(union, arbiter);
        address[] storage list = _arbiters[union];
        if (list.length >= MAX_ARBITERS) revert UnionArbiters_TooManyArbiters(union, MAX_ARBITERS);
        list.push(arbiter);
        _position[union][arbiter] = list.length;
        emit ArbiterAppointed(union, arbiter);
    }

    /// @notice Remove an arbiter of `union` (the union's steward only). Panels already drawn keep them: they
    /// still vote on those disputes (a panel is fixed when drawn); they are no longer drawn for new ones.
    /// @param union The union.
    /// @param arbiter The arbiter to remove.
    function remove(address union, address arbiter) external {
        _checkSteward(union);
        _remove(union, arbiter);
    }

    /// @notice Stop serving as an arbiter of `union`.
    /// @param union The union.
    function resign(address union) external {
        _remove(union, msg.sender);
    }

    /// @notice Remove an arbiter who has left `union` (anyone may call).
    /// @param union The union.
    /// @param arbiter The former member.
    function removeFormerMember(address union, address arbiter) external {
        if (IUnion(union).isMember(arbiter)) revert UnionArbiters_StillMember(union, arbiter);
        _remove(union, arbiter);
    }

    /// @notice Whether `account` may arbitrate in `union` now: appointed and still a member.
    /// @param union The union.
    /// @param account The account.
    /// @return True iff `account` is an appointed arbiter and a member of `union`.
    function isArbiter(address union, address account) public view returns (bool) {
        return _position[union][account] != 0 && IUnion(union).isMember(account);
    }

    /// @notice Every appointed arbiter of `union` (including any who have since left the union).
    /// @param union The union.
    /// @return The arbiters, in storage order.
    function arbitersOf(address union) external view returns (address[] memory) {
        return _arbiters[union];
    }

    /// @notice Number of appointed arbiters of `union`.
    /// @param union The union.
    /// @return The count.
    function arbiterCount(address union) external view returns (uint256) {
        return _arbiters[union].length;
    }

    /// @notice Draw a panel of `PANEL_SIZE` distinct eligible arbiters of `union`, none of them `excludedA` or
    /// `excludedB` (the parties), by a partial Fisher-Yates shuffle driven by `seed`; reverts if fewer exist.
    /// @dev Deterministic in `seed` and the arbiter list, so only as unpredictable as the seed: `Escrow` seeds
    /// it with the hash of a block that was in the future when the dispute opened. At most `MAX_ARBITERS`
    /// iterations.
    /// @param union The union.
    /// @param excludedA An address that may not sit on the panel.
    /// @param excludedB Another address that may not sit on the panel.
    /// @param seed Randomness.
    /// @return panel The drawn arbiters.
    function drawPanel(address union, address excludedA, address excludedB, uint256 seed)
        external
        view
        returns (address[PANEL_SIZE] memory panel)
    {
        uint256 found;
        (panel, found) = drawEligible(union, excludedA, excludedB, seed);
        if (found < PANEL_SIZE) revert UnionArbiters_NotEnoughArbiters(union, found, PANEL_SIZE);
    }

    /// @notice `drawPanel` without the revert: up to `PANEL_SIZE` eligible arbiters and how many were found.
    /// @param union The union.
    /// @param excludedA An address that may not sit on the panel.
    /// @param excludedB Another address that may not sit on the panel.
    /// @param seed Randomness.
    /// @return panel The drawn arbiters (zero beyond `found`).
    /// @return found How many eligible arbiters were drawn (at most `PANEL_SIZE`).
    function drawEligible(address union, address excludedA, address excludedB, uint256 seed)
        public
        view
        returns (address[PANEL_SIZE] memory panel, uint256 found)
    {
        address[] storage list = _arbiters[union];
        uint256 n = list.length;
        uint256[] memory order = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            order[i] = i;
        }
        for (uint256 i; i < n && found < PANEL_SIZE; ++i) {
            // pick uniformly among the not yet examined positions [i, n)
            uint256 j = i + uint256(keccak256(abi.encode(seed, i))) % (n - i);
            (order[i], order[j]) = (order[j], order[i]);
            address candidate = list[order[i]];
            if (candidate == excludedA || candidate == excludedB) continue;
            if (!IUnion(union).isMember(candidate)) continue;
            panel[found] = candidate;
            ++found;
        }
    }

    function _checkSteward(address union) private view {
        if (!factory.isUnion(union)) revert UnionArbiters_UnknownUnion(union);
        address steward = IUnion(union).steward();
        if (msg.sender != steward) revert UnionArbiters_NotSteward(union, msg.sender, steward);
    }

    /// @dev Swap-and-pop removal.
    function _remove(address union, address arbiter) private {
        uint256 position = _position[union][arbiter];
        if (position == 0) revert UnionArbiters_NotArbiter(union, arbiter);
        address[] storage list = _arbiters[union];
        uint256 last = list.length - 1;
        // cannot underflow: position >= 1 for an appointed arbiter
        unchecked {
            if (position - 1 != last) {
                address moved = list[last];
                list[position - 1] = moved;
                _position[union][moved] = position;
            }
        }
        list.pop();
        delete _position[union][arbiter];
        emit ArbiterRemoved(union, arbiter);
    }
}
