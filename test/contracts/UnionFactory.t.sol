// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {
    TimelockControllerUpgradeable
} from "@openzeppelin/contracts-upgradeable/governance/TimelockControllerUpgradeable.sol";
import {
    GovernorVotesQuorumFractionUpgradeable
} from "@openzeppelin/contracts-upgradeable/governance/extensions/GovernorVotesQuorumFractionUpgradeable.sol";
import {IUnion} from "../../contracts/src/interfaces/IUnion.sol";
import {UnionFactory} from "../../contracts/src/UnionFactory.sol";
import {UnionTimelock} from "../../contracts/src/UnionTimelock.sol";
import {UnionVestingWallet} from "../../contracts/src/UnionVestingWallet.sol";
import {UnionGovernor} from "../../contracts/src/UnionGovernor.sol";
import {Union} from "../../contracts/src/Union.sol";
import {UnionToken} from "../../contracts/src/UnionToken.sol";
import {UnionTestBase} from "./utils/UnionTestBase.sol";

contract UnionFactoryTest is UnionTestBase {
    // ------------------------------------------------------------ constructor / implementations

    function test_constructor_revertWhen_AnImplementationIsZero() public {
        UnionFactory.Implementations memory bad = impls;
        bad.vestingWallet = address(0);
        vm.expectRevert(UnionFactory.UnionFactory_ZeroImplementation.selector);
        new UnionFactory(bad);
        bad = impls;
        bad.union = address(0);
        vm.expectRevert(UnionFactory.UnionFactory_ZeroImplementation.selector);
        new UnionFactory(bad);
    }

    function test_implementations_returnsConstructorArguments() public view {
        UnionFactory.Implementations memory got = factory.implementations();
        assertEq(got.union, impls.union);
        assertEq(got.token, impls.token);
        assertEq(got.governor, impls.governor);
        assertEq(got.timelock, impls.timelock);
        assertEq(got.vestingWallet, impls.vestingWallet);
    }

    // ------------------------------------------------------------ createUnion

    function test_createUnion_wiresEverything() public view {
        assertTrue(factory.isUnion(address(union)));
        assertFalse(factory.isUnion(address(token)));
        // union
        assertTrue(union.isMember(founder));
        assertEq(union.steward(), founder);
        assertEq(union.founder(), founder);
        assertEq(union.token(), address(token));
        assertEq(union.timelock(), address(timelock));
        // token: union mints, factory gave up minting
        assertEq(token.union(), address(union));
        assertEq(token.timelock(), address(timelock));
        assertEq(token.initialMinter(), address(0));
        assertEq(token.name(), "Test Union Token");
        assertEq(token.symbol(), "TUT");
        assertEq(token.totalSupply(), GRANT + RESERVE + ALLOCATION);
        assertEq(token.balanceOf(address(timelock)), RESERVE);
        assertEq(token.balanceOf(address(wallet)), ALLOCATION);
        // governor
        assertEq(address(governor.token()), address(token));
        assertEq(address(governor.union()), address(union));
        assertEq(governor.timelock(), address(timelock));
        assertEq(governor.name(), "Test Union");
        assertEq(governor.votingDelay(), VOTING_DELAY);
        assertEq(governor.votingPeriod(), VOTING_PERIOD);
        assertEq(governor.proposalThreshold(), 0);
        assertEq(governor.quorumNumerator(), QUORUM_PERCENT);
        assertEq(governor.CLOCK_MODE(), "mode=timestamp");
        // timelock: governor proposes and cancels, anyone executes, nobody else administers
        assertTrue(timelock.hasRole(timelock.PROPOSER_ROLE(), address(governor)));
        assertTrue(timelock.hasRole(timelock.CANCELLER_ROLE(), address(governor)));
        assertTrue(timelock.hasRole(timelock.EXECUTOR_ROLE(), address(0)));
        assertTrue(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), address(timelock)));
        assertFalse(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), address(factory)));
        assertFalse(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), founder));
        assertEq(timelock.getMinDelay(), TIMELOCK_DELAY);
        assertEq(timelock.governor(), address(governor));
        // vesting wallet
        assertEq(wallet.owner(), cofounder);
        assertEq(wallet.start(), block.timestamp);
        assertEq(wallet.duration(), 365 days);
        assertEq(wallet.cliff(), block.timestamp + 30 days);
    }

    function test_createUnion_emitsEvents() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Invite);
        // clone addresses follow the factory's nonce: union, token, governor, timelock, then wallets
        uint256 nonce = vm.getNonce(address(factory));
        address u = vm.computeCreateAddress(address(factory), nonce);
        address t = vm.computeCreateAddress(address(factory), nonce + 1);
        address g = vm.computeCreateAddress(address(factory), nonce + 2);
        address tl = vm.computeCreateAddress(address(factory), nonce + 3);
        address w = vm.computeCreateAddress(address(factory), nonce + 4);
        vm.expectEmit(address(factory));
        emit UnionFactory.UnionCreated(u, alice, t, g, tl, "Test Union");
        vm.expectEmit(address(factory));
        emit UnionFactory.AllocationVesting(u, cofounder, w, ALLOCATION);
        vm.prank(alice);
        UnionFactory.Deployment memory d = factory.createUnion(p);
        assertEq(d.union, u);
        assertEq(d.token, t);
        assertEq(d.governor, g);
        assertEq(d.timelock, tl);
        assertEq(d.vestingWallets.length, 1);
        assertEq(d.vestingWallets[0], w);
    }

    function test_createUnion_withoutReserveOrAllocations() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Approval);
        p.treasuryReserve = 0;
        p.allocations = new UnionFactory.Allocation[](0);
        // the schedule is ignored without allocations
        p.vesting.cliff = p.vesting.duration + 1;
        vm.prank(alice);
        UnionFactory.Deployment memory d = factory.createUnion(p);
        assertEq(d.vestingWallets.length, 0);
        assertEq(IVotes(d.token).getVotes(alice), GRANT);
        assertEq(IUnion(d.union).steward(), alice);
    }

    function test_createUnion_withMaxAllocations() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.allocations = new UnionFactory.Allocation[](16);
        for (uint256 i; i < 16; ++i) {
            // forge-lint: disable-next-line(unsafe-typecast)
            p.allocations[i] = UnionFactory.Allocation({beneficiary: address(uint160(0x1000 + i)), amount: i + 1});
        }
        vm.prank(alice);
        UnionFactory.Deployment memory d = factory.createUnion(p);
        assertEq(d.vestingWallets.length, 16);
        assertEq(UnionVestingWallet(payable(d.vestingWallets[15])).owner(), address(uint160(0x100f)));
    }

    /// @dev The factory's nonce count stays exact across unions with different numbers of vesting wallets, and
    /// each clone reads its own constants (names, charter, grant, schedule) from its code.
    function test_createUnion_nonceCountHoldsAcrossUnions() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.allocations = new UnionFactory.Allocation[](3);
        for (uint256 i; i < 3; ++i) {
            // forge-lint: disable-next-line(unsafe-typecast)
            p.allocations[i] = UnionFactory.Allocation({beneficiary: address(uint160(0x2000 + i)), amount: 1});
        }
        vm.prank(alice);
        factory.createUnion(p);
        p.name = "A second union with a much longer name than thirty-two bytes";
        p.charterCid = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";
        p.tokenName = "Second";
        p.tokenSymbol = "SEC";
        p.joinGrant = 7;
        uint256 nonce = vm.getNonce(address(factory));
        vm.prank(bob);
        UnionFactory.Deployment memory d = factory.createUnion(p);
        assertEq(d.union, vm.computeCreateAddress(address(factory), nonce));
        assertEq(d.vestingWallets[2], vm.computeCreateAddress(address(factory), nonce + 6));
        assertEq(vm.getNonce(address(factory)), nonce + 7);
        assertEq(Union(d.union).name(), p.name);
        assertEq(Union(d.union).charterCid(), p.charterCid);
        assertEq(Union(d.union).founder(), bob);
        assertEq(Union(d.union).joinGrant(), 7);
        assertEq(UnionToken(d.token).name(), "Second");
        assertEq(UnionToken(d.token).symbol(), "SEC");
        assertEq(UnionGovernor(payable(d.governor)).name(), p.name);
        UnionVestingWallet w = UnionVestingWallet(payable(d.vestingWallets[1]));
        assertEq(w.owner(), address(uint160(0x2001)));
        assertEq(w.start(), p.vesting.start);
        assertEq(w.duration(), p.vesting.duration);
        assertEq(w.cliff(), uint256(p.vesting.start) + p.vesting.cliff);
    }

    /// @dev The timelock's default roles come from its clone arguments; governance (the timelock itself, the admin)
    /// can still revoke and grant them, and any other role is stored as OpenZeppelin does.
    function test_timelock_defaultRolesCanBeRevokedAndRestored() public {
        bytes32 proposer = timelock.PROPOSER_ROLE();
        vm.expectEmit(address(timelock));
        emit IAccessControl.RoleRevoked(proposer, address(governor), address(timelock));
        vm.prank(address(timelock));
        timelock.revokeRole(proposer, address(governor));
        assertFalse(timelock.hasRole(proposer, address(governor)));
        assertTrue(timelock.hasRole(timelock.CANCELLER_ROLE(), address(governor)));
        vm.prank(address(governor));
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, address(governor), proposer
            )
        );
        timelock.schedule(address(0), 0, "", bytes32(0), bytes32(0), TIMELOCK_DELAY);

        vm.expectEmit(address(timelock));
        emit IAccessControl.RoleGranted(proposer, address(governor), address(timelock));
        vm.prank(address(timelock));
        timelock.grantRole(proposer, address(governor));
        assertTrue(timelock.hasRole(proposer, address(governor)));

        // another account's role is ordinary storage
        vm.prank(address(timelock));
        timelock.grantRole(proposer, alice);
        assertTrue(timelock.hasRole(proposer, alice));
        assertFalse(timelock.hasRole(proposer, bob));
        // and nobody but the admin (the timelock) grants
        bytes32 admin = timelock.DEFAULT_ADMIN_ROLE();
        vm.prank(founder);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, founder, admin)
        );
        timelock.grantRole(proposer, founder);
    }

    function test_createUnion_revertWhen_TooManyAllocations() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.allocations = new UnionFactory.Allocation[](17);
        vm.expectRevert(abi.encodeWithSelector(UnionFactory.UnionFactory_TooManyAllocations.selector, 17, 16));
        factory.createUnion(p);
    }

    function test_createUnion_revertWhen_CliffAfterEnd() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.vesting.cliff = p.vesting.duration + 1;
        vm.expectRevert(
            abi.encodeWithSelector(
                UnionFactory.UnionFactory_CliffAfterEnd.selector, p.vesting.cliff, p.vesting.duration
            )
        );
        factory.createUnion(p);
    }

    function test_createUnion_revertWhen_BeneficiaryIsZero() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.allocations[0].beneficiary = address(0);
        vm.expectRevert(abi.encodeWithSelector(UnionFactory.UnionFactory_ZeroBeneficiary.selector, 0));
        factory.createUnion(p);
    }

    function test_createUnion_revertWhen_AllocationIsZero() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.allocations[0].amount = 0;
        vm.expectRevert(abi.encodeWithSelector(UnionFactory.UnionFactory_ZeroAllocation.selector, 0));
        factory.createUnion(p);
    }

    function test_createUnion_revertWhen_QuorumAbove100() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.governance.quorumPercent = 101;
        vm.expectRevert(
            abi.encodeWithSelector(
                GovernorVotesQuorumFractionUpgradeable.GovernorInvalidQuorumFraction.selector, 101, 100
            )
        );
        factory.createUnion(p);
    }

    function test_createUnion_clonesCannotBeReinitialised() public {
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        timelock.initialize(0);
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        governor.initialize(TimelockControllerUpgradeable(payable(address(timelock))), 0, 1, 0);
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        wallet.initialize(alice);
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        token.initialize();
    }

    // ------------------------------------------------------------ the clones' disabled initialisers

    function test_timelock_genericInitializerIsDisabled() public {
        vm.expectRevert(UnionTimelock.UnionTimelock_UseGovernorInitializer.selector);
        timelock.initialize(0, new address[](0), new address[](0), address(0));
    }

    function test_vestingWallet_threeArgumentInitializerIsDisabled() public {
        vm.expectRevert(UnionVestingWallet.UnionVestingWallet_UseCliffInitializer.selector);
        wallet.initialize(alice, 0, 0);
    }

    function test_implementations_cannotBeInitialised() public {
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        UnionTimelock(payable(impls.timelock)).initialize(0);
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        UnionGovernor(payable(impls.governor))
            .initialize(TimelockControllerUpgradeable(payable(address(timelock))), 0, 1, 0);
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        UnionVestingWallet(payable(impls.vestingWallet)).initialize(alice);
    }
}
