// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {Union} from "../../../contracts/src/Union.sol";
import {UnionToken} from "../../../contracts/src/UnionToken.sol";

/// @dev Drives random joins (trust, and with it the grant, arrives by vouching) (open and invite), leaves, backing, unbacking and transfers among a fixed set of
/// actors, and keeps a ghost model of what the contracts should hold.
contract UnionHandler is CommonBase, StdCheats, StdUtils {
    Union public immutable union;
    UnionToken public immutable token;
    uint256 public immutable grant;

    address[] internal _actors;
    mapping(address actor => uint256 key) internal _keys;

    // ghost state
    mapping(address actor => bool) public ghostEverJoined;
    mapping(address actor => uint256) public ghostGrantMinted;
    mapping(address actor => uint256) public ghostGrantMints;
    mapping(address actor => bool) public ghostMember;
    mapping(address backer => mapping(address leader => bool)) public ghostEdge;
    mapping(address inviter => uint256) internal _nextNonce;
    uint256 public ghostMemberCount;
    mapping(bytes32 call => uint256) public calls;

    constructor(Union union_, UnionToken token_, address founder, uint256 founderKey, uint256 actorCount) {
        union = union_;
        token = token_;
        grant = union_.joinGrant();
        _actors.push(founder);
        _keys[founder] = founderKey;
        ghostEverJoined[founder] = true;
        ghostMember[founder] = true;
        ghostGrantMinted[founder] = grant;
        ghostGrantMints[founder] = 1;
        ghostMemberCount = 1;
        for (uint256 i = 1; i < actorCount; ++i) {
            (address actor, uint256 key) = makeAddrAndKey(string.concat("actor", vm.toString(i)));
            _actors.push(actor);
            _keys[actor] = key;
        }
    }

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    function join(uint256 actorSeed) external {
        address actor = _find(actorSeed, false);
        if (actor == address(0)) return;
        uint256 supply = token.totalSupply();
        vm.prank(actor);
        union.join();
        _recordJoin(actor, token.totalSupply() - supply);
        ++calls["join"];
    }

    function joinWithInvite(uint256 inviterSeed, uint256 inviteeSeed, bool openInvite) external {
        address inviter = _find(inviterSeed, true);
        address invitee = _find(inviteeSeed, false);
        if (inviter == address(0) || invitee == address(0)) return;
        (address claimKey, uint256 claimPk) = makeAddrAndKey("handler claim key");
        Union.Invite memory invite = Union.Invite({
            inviter: inviter,
            invitee: openInvite ? address(0) : invitee,
            claimKey: openInvite ? claimKey : address(0),
            nonce: _nextNonce[inviter]++,
            deadline: block.timestamp
        });
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(_keys[inviter], union.hashInvite(invite));
        (uint8 cv, bytes32 cr, bytes32 cs) = vm.sign(claimPk, union.hashClaim(invitee));
        uint256 supply = token.totalSupply();
        vm.prank(invitee);
        union.joinWithInvite(invite, abi.encodePacked(r, s, v), abi.encodePacked(cr, cs, cv));
        // the invite is the inviter's back
        ghostEdge[inviter][invitee] = true;
        _recordJoin(invitee, token.totalSupply() - supply);
        ++calls["joinWithInvite"];
    }

    function leave(uint256 actorSeed) external {
        address actor = _find(actorSeed, true);
        // keep the founder in so invites always have a possible inviter
        if (actor == address(0) || actor == _actors[0]) return;
        vm.prank(actor);
        union.leave();
        ghostMember[actor] = false;
        --ghostMemberCount;
        // the model does loop: every edge touching the leaver dies
        for (uint256 i; i < _actors.length; ++i) {
            ghostEdge[actor][_actors[i]] = false;
            ghostEdge[_actors[i]][actor] = false;
        }
        ++calls["leave"];
    }

    function back(uint256 backerSeed, uint256 leaderSeed) external {
        address backer = _find(backerSeed, true);
        if (backer == address(0)) return;
        address leader = _findLeader(backer, leaderSeed);
        if (leader == address(0)) return;
        uint256 supply = token.totalSupply();
        vm.prank(backer);
        union.back(leader);
        ghostEdge[backer][leader] = true;
        // a back that trusts the leader mints their grant (once per address ever)
        _recordGrant(leader, token.totalSupply() - supply);
        ++calls["back"];
    }

    function unback(uint256 backerSeed, uint256 leaderSeed) external {
        (address backer, address leader) = _findEdge(backerSeed, leaderSeed);
        if (backer == address(0)) return;
        vm.prank(backer);
        union.unback(leader);
        ghostEdge[backer][leader] = false;
        ++calls["unback"];
    }

    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = _actor(fromSeed);
        address to = _actor(toSeed);
        amount = _bound(amount, 0, token.balanceOf(from));
        vm.prank(from);
        require(token.transfer(to, amount), "transfer returned false");
        ++calls["transfer"];
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + _bound(seconds_, 1, 30 days));
    }

    function _recordJoin(address actor, uint256 minted) internal {
        ghostMember[actor] = true;
        ++ghostMemberCount;
        _recordGrant(actor, minted);
        ghostEverJoined[actor] = true;
    }

    function _recordGrant(address actor, uint256 minted) internal {
        if (minted != 0) {
            ghostGrantMinted[actor] += minted;
            ++ghostGrantMints[actor];
        }
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % _actors.length];
    }

    /// @dev The first actor from `seed` on whose membership is `member`, or zero: keeps most calls useful.
    function _find(uint256 seed, bool member) internal view returns (address) {
        uint256 n = _actors.length;
        for (uint256 i; i < n; ++i) {
            address a = _actors[(seed % n + i) % n];
            if (ghostMember[a] == member) return a;
        }
        return address(0);
    }

    /// @dev The first member from `seed` that `backer` could back (not themself, not already backed), or zero.
    function _findLeader(address backer, uint256 seed) internal view returns (address) {
        uint256 n = _actors.length;
        for (uint256 i; i < n; ++i) {
            address l = _actors[(seed % n + i) % n];
            if (ghostMember[l] && l != backer && !ghostEdge[backer][l]) return l;
        }
        return address(0);
    }

    /// @dev The first live edge in the model from the pair picked by the seeds, or zeros.
    function _findEdge(uint256 backerSeed, uint256 leaderSeed) internal view returns (address, address) {
        uint256 n = _actors.length;
        for (uint256 i; i < n; ++i) {
            address b = _actors[(backerSeed % n + i) % n];
            for (uint256 j; j < n; ++j) {
                address l = _actors[(leaderSeed % n + j) % n];
                if (ghostEdge[b][l]) return (b, l);
            }
        }
        return (address(0), address(0));
    }
}
