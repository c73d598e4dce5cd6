// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {RLP} from "@openzeppelin/contracts/utils/RLP.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {
    TimelockControllerUpgradeable
} from "@openzeppelin/contracts-upgradeable/governance/TimelockControllerUpgradeable.sol";
import {
    GovernorVotesQuorumFractionUpgradeable
} from "@openzeppelin/contracts-upgradeable/governance/extensions/GovernorVotesQuorumFractionUpgradeable.sol";
import {IUnion} from "./interfaces/IUnion.sol";
import {Union} from "./Union.sol";
import {UnionToken} from "./UnionToken.sol";
import {UnionGovernor} from "./UnionGovernor.sol";
import {UnionTimelock} from "./UnionTimelock.sol";
import {UnionVestingWallet} from "./UnionVestingWallet.sol";

/// @title UnionFactory
/// @notice Creates a whole union (union, token, governor, timelock, vesting wallets) in one transaction from
/// EIP-1167 clones of shared implementations. The caller is the founder.
/// @dev Each clone carries its per-union constants as immutable arguments in its code (`Clones.cloneWithImmutableArgs`,
/// read back with `CloneArgs`) instead of storage: 200 gas a byte once, where a storage slot costs 22,100. The
/// union, its token, governor and timelock name one another in those arguments, so their addresses must be known
/// before any of them exists: they are CREATE addresses, `keccak256(rlp([factory, nonce]))`, and the factory counts
/// its own nonce (`_nonce`; it creates contracts only here, one nonce each, starting at 1).
contract UnionFactory {
    using SafeCast for uint256;
    using RLP for RLP.Encoder;

    /// @notice The implementation each clone delegates to.
    struct Implementations {
        address union;
        address token;
        address governor;
        address timelock;
        address vestingWallet;
    }

    /// @notice Tokens vesting to `beneficiary` in their own wallet.
    struct Allocation {
        address beneficiary;
        uint256 amount;
    }

    /// @notice One schedule for every allocation: linear from `start` over `duration`, nothing before
    /// `start + cliff` (`cliff` and `duration` in seconds, `cliff <= duration`).
    struct VestingSchedule {
        uint64 start;
        uint64 cliff;
        uint64 duration;
    }

    /// @notice Governor and timelock settings (seconds; the token's clock is the timestamp).
    struct GovernanceParams {
        uint48 votingDelay;
        uint32 votingPeriod;
        uint256 proposalThreshold;
        uint256 quorumPercent;
        uint256 timelockDelay;
    }

    /// @notice Arguments of `createUnion`.
    struct CreateParams {
        string name;
        string charterCid;
        IUnion.AdmissionRule admissionRule;
        string tokenName;
        string tokenSymbol;
        uint256 joinGrant;
        uint256 treasuryReserve;
        Allocation[] allocations;
        VestingSchedule vesting;
        GovernanceParams governance;
        address[] foundingMembers;
        Union.TrustParams trust;
    }

    /// @notice What `createUnion` made.
    struct Deployment {
        address union;
        address token;
        address governor;
        address timelock;
        address[] vestingWallets;
    }

    /// @notice Most allocations one union may start with (bounds the creation loop).
    uint256 public constant MAX_ALLOCATIONS = 16;

    address private immutable _unionImpl;
    address private immutable _tokenImpl;
    address private immutable _governorImpl;
    address private immutable _timelockImpl;
    address private immutable _vestingWalletImpl;

    /// @notice Whether `union` was created by this factory (for shared feature contracts).
    mapping(address union => bool) public isUnion;
    /// @dev This factory's account nonce: the next CREATE makes `_createAddress(_nonce)`.
    uint256 private _nonce = 1;

    /// @notice An implementation address is zero.
    error UnionFactory_ZeroImplementation();
    /// @notice Too many allocations.
    /// @param count Allocations given.
    /// @param max `MAX_ALLOCATIONS`.
    error UnionFactory_TooManyAllocations(uint256 count, uint256 max);
    /// @notice Allocation `index` has no beneficiary.
    /// @param index Position in `allocations`.
    error UnionFactory_ZeroBeneficiary(uint256 index);
    /// @notice Allocation `index` has a zero amount.
    /// @param index Position in `allocations`.
    error UnionFactory_ZeroAllocation(uint256 index);
    /// @notice The vesting cliff is longer than the vesting duration.
    /// @param cliff Cliff seconds.
    /// @param duration Duration seconds.
    error UnionFactory_CliffAfterEnd(uint64 cliff, uint64 duration);

    /// @notice A quorum of zero lets any proposal with one For vote pass.
    /// @param quorumPercent The rejected quorum.
    error UnionFactory_ZeroQuorum(uint256 quorumPercent);
    /// @notice A voting delay of zero lets votes be bought or delegated right before the snapshot unseen.
    /// @param votingDelay The rejected delay.
    error UnionFactory_ZeroVotingDelay(uint48 votingDelay);
    /// @notice A timelock delay of zero leaves no exit window (ragequit) before a proposal executes.
    /// @param timelockDelay The rejected delay.
    error UnionFactory_ZeroTimelockDelay(uint256 timelockDelay);
    /// @notice A clone did not land at the address computed for it (the nonce count is off; never expected).
    /// @param expected The computed address.
    /// @param actual Where the clone was created.
    error UnionFactory_UnexpectedAddress(address expected, address actual);
    /// @notice A vouch threshold of zero would trust every joiner, so strangers could vote.
    /// @param vouchThreshold The rejected threshold.
    error UnionFactory_ZeroVouchThreshold(uint32 vouchThreshold);

    /// @notice A union was created.
    /// @param union The union (membership contract).
    /// @param founder Its founder (the caller).
    /// @param token Its votes token.
    /// @param governor Its governor.
    /// @param timelock Its timelock (treasury).
    /// @param name Its name.
    event UnionCreated(
        address indexed union, address indexed founder, address token, address governor, address timelock, string name
    );
    /// @notice `amount` tokens vest to `beneficiary` in `wallet`.
    /// @param union The union.
    /// @param beneficiary Owner of the wallet.
    /// @param wallet The vesting wallet clone.
    /// @param amount Tokens minted into it.
    event AllocationVesting(address indexed union, address indexed beneficiary, address wallet, uint256 amount);

    /// @param impls Implementations (deployed once, with initialisers disabled).
    constructor(Implementations memory impls) {
        if (
            impls.union == address(0) || impls.token == address(0) || impls.governor == address(0)
                || impls.timelock == address(0) || impls.vestingWallet == address(0)
        ) revert UnionFactory_ZeroImplementation();
        _unionImpl = impls.union;
        _tokenImpl = impls.token;
        _governorImpl = impls.governor;
        _timelockImpl = impls.timelock;
        _vestingWalletImpl = impls.vestingWallet;
    }

    /// @notice The implementations clones delegate to.
    /// @return impls The five implementation addresses.
    function implementations() external view returns (Implementations memory impls) {
        impls = Implementations({
            union: _unionImpl,
            token: _tokenImpl,
            governor: _governorImpl,
            timelock: _timelockImpl,
            vestingWallet: _vestingWalletImpl
        });
    }

    /// @notice Create a union; the caller is its founder, first member and steward.
    /// @dev The factory mints the treasury reserve (to the timelock) and the allocations (to vesting wallets),
    /// then gives up minting, all in this call; afterwards only the union mints.
    /// @param p Name, charter, admission rule, token, join grant, treasury reserve, allocations and governance.
    /// @return d The addresses created.
    /// Refuses settings that leave a treasury takeable: quorum 0, voting delay 0, timelock delay 0 and vouch
    /// threshold 0. A proposal threshold of 0 is allowed because strangers cannot vote: with `vouchThreshold >= 1`
    /// no joiner has votes until trusted members vouch for them, so a stranger's proposal has no votes to pass.
    function createUnion(CreateParams calldata p) external returns (Deployment memory d) {
        GovernanceParams calldata g = p.governance;
        if (g.quorumPercent == 0) revert UnionFactory_ZeroQuorum(g.quorumPercent);
        if (g.quorumPercent > 100) {
            revert GovernorVotesQuorumFractionUpgradeable.GovernorInvalidQuorumFraction(g.quorumPercent, 100);
        }
        if (g.votingDelay == 0) revert UnionFactory_ZeroVotingDelay(g.votingDelay);
        if (g.timelockDelay == 0) revert UnionFactory_ZeroTimelockDelay(g.timelockDelay);
        if (p.trust.vouchThreshold == 0) revert UnionFactory_ZeroVouchThreshold(p.trust.vouchThreshold);
        uint256 count = p.allocations.length;
        if (count > MAX_ALLOCATIONS) revert UnionFactory_TooManyAllocations(count, MAX_ALLOCATIONS);
        if (count != 0 && p.vesting.cliff > p.vesting.duration) {
            revert UnionFactory_CliffAfterEnd(p.vesting.cliff, p.vesting.duration);
        }
        for (uint256 i; i < count; ++i) {
            if (p.allocations[i].beneficiary == address(0)) revert UnionFactory_ZeroBeneficiary(i);
            if (p.allocations[i].amount == 0) revert UnionFactory_ZeroAllocation(i);
        }

        uint256 nonce = _nonce;
        d.union = _createAddress(nonce);
        d.token = _createAddress(nonce + 1);
        d.governor = _createAddress(nonce + 2);
        d.timelock = _createAddress(nonce + 3);
        _nonce = nonce + 4 + count;
        isUnion[d.union] = true;

        _clone(
            _unionImpl,
            abi.encodePacked(
                d.token,
                d.timelock,
                msg.sender,
                p.joinGrant,
                bytes(p.name).length.toUint16(),
                bytes(p.charterCid).length.toUint16(),
                p.name,
                p.charterCid
            ),
            d.union
        );
        _clone(
            _tokenImpl,
            abi.encodePacked(
                d.union,
                d.timelock,
                bytes(p.tokenName).length.toUint16(),
                bytes(p.tokenSymbol).length.toUint16(),
                p.tokenName,
                p.tokenSymbol
            ),
            d.token
        );
        _clone(
            _governorImpl,
            abi.encodePacked(
                d.union, d.token, d.timelock, uint8(g.quorumPercent), bytes(p.name).length.toUint16(), p.name
            ),
            d.governor
        );
        _clone(_timelockImpl, abi.encodePacked(d.governor, d.union, d.token), d.timelock);

        UnionToken token = UnionToken(d.token);
        token.initialize();
        UnionTimelock(payable(d.timelock)).initialize(g.timelockDelay);
        UnionGovernor(payable(d.governor))
            .initialize({
            timelock_: TimelockControllerUpgradeable(payable(d.timelock)),
            votingDelay_: g.votingDelay,
            votingPeriod_: g.votingPeriod,
            proposalThreshold_: g.proposalThreshold
        });
        Union(d.union)
            .initialize(
                Union.InitParams({admissionRule: p.admissionRule, foundingMembers: p.foundingMembers, trust: p.trust})
            );
        emit UnionCreated({
            union: d.union,
            founder: msg.sender,
            token: d.token,
            governor: d.governor,
            timelock: d.timelock,
            name: p.name
        });

        if (p.treasuryReserve != 0) token.mint(d.timelock, p.treasuryReserve);
        d.vestingWallets = new address[](count);
        bytes memory schedule = abi.encodePacked(p.vesting.start, p.vesting.duration, p.vesting.cliff);
        for (uint256 i; i < count; ++i) {
            Allocation calldata a = p.allocations[i];
            address wallet = Clones.cloneWithImmutableArgs(_vestingWalletImpl, schedule);
            UnionVestingWallet(payable(wallet)).initialize(a.beneficiary);
            token.mint(wallet, a.amount);
            d.vestingWallets[i] = wallet;
            emit AllocationVesting({union: d.union, beneficiary: a.beneficiary, wallet: wallet, amount: a.amount});
        }
        token.finishInitialMint();
    }

    /// @dev Creates a clone of `implementation` with `args` and checks it landed at `expected`.
    function _clone(address implementation, bytes memory args, address expected) private {
        address actual = Clones.cloneWithImmutableArgs(implementation, args);
        if (actual != expected) revert UnionFactory_UnexpectedAddress(expected, actual);
    }

    /// @dev The address this factory's CREATE with account nonce `nonce` makes.
    function _createAddress(uint256 nonce) private view returns (address) {
        return address(uint160(uint256(keccak256(RLP.encoder().push(address(this)).push(nonce).encode()))));
    }
}
