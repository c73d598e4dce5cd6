// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {Union} from "../../../../contracts/src/Union.sol";
import {UnionToken} from "../../../../contracts/src/UnionToken.sol";
import {Demands} from "../../../../contracts/src/bargaining/Demands.sol";

/// @dev Drives random joins, leaves, transfers (also to and from the treasury), delegations (to self, to another
/// actor, to nobody) and commitments/withdrawals/prunes on one demand, over a fixed set of actors.
contract GovernanceHandler is CommonBase, StdCheats, StdUtils {
    Union public immutable union;
    UnionToken public immutable token;
    Demands public immutable demands;
    address public immutable treasury;
    uint256 public immutable demandId;

    address[] internal _actors;
    mapping(address actor => uint256 key) internal _keys;

    bool public ghostEverActive;
    uint32 public ghostCommitmentsAtActivation;

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
        if (!union.isMember(a) || demands.isCommitted(demandId, a)) return;
        if (demands.stateOf(demandId) != Demands.DemandState.Open) return;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(_keys[a], demands.hashCommitment(demandId, a));
        demands.commit(demandId, a, abi.encodePacked(r, s, v));
        if (!ghostEverActive && demands.stateOf(demandId) == Demands.DemandState.Active) {
            ghostEverActive = true;
            ghostCommitmentsAtActivation = demands.getDemand(demandId).commitments;
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
        if (!demands.isCommitted(demandId, a) || ghostEverActive || union.isMember(a)) return;
        demands.prune(demandId, a);
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 1, 1 days));
        vm.roll(block.number + 1);
    }
}
