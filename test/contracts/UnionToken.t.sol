// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UnionToken} from "../../contracts/src/UnionToken.sol";

/// @dev The token alone, as a fresh clone initialised by this test (so the test is its initial minter).
contract UnionTokenTest is Test {
    UnionToken internal implementation;
    UnionToken internal token;
    address internal unionAddr = makeAddr("union");
    address internal timelockAddr = makeAddr("timelock");
    address internal alice;
    uint256 internal aliceKey;
    address internal bob = makeAddr("bob");

    function setUp() public {
        (alice, aliceKey) = makeAddrAndKey("alice");
        implementation = new UnionToken();
        // the factory's argument layout: union, timelock, name length, symbol length, name, symbol
        token = UnionToken(
            Clones.cloneWithImmutableArgs(
                address(implementation),
                abi.encodePacked(unionAddr, timelockAddr, uint16(11), uint16(2), "Union Token", "UT")
            )
        );
        token.initialize();
    }

    function test_initialize_setsMetadataAndMinters() public view {
        assertEq(token.name(), "Union Token");
        assertEq(token.symbol(), "UT");
        assertEq(token.decimals(), 18);
        assertEq(token.union(), unionAddr);
        assertEq(token.timelock(), timelockAddr);
        assertEq(token.initialMinter(), address(this));
    }

    /// @dev The permit domain is built from the name in the clone's arguments, as ERC20Permit's would be.
    function test_domainSeparator_usesNameFromCloneArgs() public view {
        (, string memory domainName, string memory version,, address verifying,,) = token.eip712Domain();
        assertEq(domainName, "Union Token");
        assertEq(version, "1");
        assertEq(verifying, address(token));
        bytes32 expected = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("Union Token"),
                keccak256("1"),
                block.chainid,
                address(token)
            )
        );
        assertEq(token.DOMAIN_SEPARATOR(), expected);
    }

    function test_initialize_revertWhen_CalledAgain() public {
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        token.initialize();
    }

    function test_initialize_revertWhen_CalledOnImplementation() public {
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        implementation.initialize();
    }

    function test_mint_byUnion() public {
        vm.prank(unionAddr);
        token.mint(alice, 5e18);
        assertEq(token.balanceOf(alice), 5e18);
        assertEq(token.totalSupply(), 5e18);
    }

    function test_mint_byInitialMinter() public {
        token.mint(alice, 5e18);
        assertEq(token.balanceOf(alice), 5e18);
    }

    function test_mint_revertWhen_CallerIsNotMinter() public {
        vm.expectRevert(abi.encodeWithSelector(UnionToken.UnionToken_NotMinter.selector, alice));
        vm.prank(alice);
        token.mint(alice, 1);
    }

    function test_mint_revertWhen_InitialMintFinished() public {
        token.finishInitialMint();
        vm.expectRevert(abi.encodeWithSelector(UnionToken.UnionToken_NotMinter.selector, address(this)));
        token.mint(alice, 1);
    }

    function test_delegateOnTrust_selfDelegatesFreshAccount() public {
        token.mint(alice, 3e18);
        vm.prank(unionAddr);
        token.delegateOnTrust(alice);
        assertEq(token.delegates(alice), alice);
        assertEq(token.getVotes(alice), 3e18);
    }

    function test_delegateOnTrust_keepsChosenDelegate() public {
        token.mint(alice, 3e18);
        vm.prank(alice);
        token.delegate(bob);
        vm.prank(unionAddr);
        token.delegateOnTrust(alice);
        assertEq(token.delegates(alice), bob);
        assertEq(token.getVotes(bob), 3e18);
        assertEq(token.getVotes(alice), 0);
    }

    function test_delegateOnTrust_revertWhen_CallerIsNotUnion() public {
        vm.expectRevert(abi.encodeWithSelector(UnionToken.UnionToken_NotUnion.selector, address(this)));
        token.delegateOnTrust(alice);
    }

    function test_finishInitialMint_endsInitialMint() public {
        vm.expectEmit(address(token));
        emit UnionToken.InitialMintFinished(address(this));
        token.finishInitialMint();
        assertEq(token.initialMinter(), address(0));
    }

    function test_finishInitialMint_revertWhen_CallerIsNotInitialMinter() public {
        vm.expectRevert(abi.encodeWithSelector(UnionToken.UnionToken_NotInitialMinter.selector, unionAddr));
        vm.prank(unionAddr);
        token.finishInitialMint();
    }

    function test_finishInitialMint_revertWhen_AlreadyFinished() public {
        token.finishInitialMint();
        vm.expectRevert(abi.encodeWithSelector(UnionToken.UnionToken_NotInitialMinter.selector, address(this)));
        token.finishInitialMint();
    }

    function test_clock_isTimestamp() public {
        vm.warp(1_800_000_000);
        assertEq(token.clock(), 1_800_000_000);
        assertEq(token.CLOCK_MODE(), "mode=timestamp");
    }

    function test_getPastVotes_byTimestamp() public {
        token.mint(alice, 10e18);
        vm.prank(alice);
        token.delegate(alice);
        uint256 t0 = block.timestamp;
        vm.warp(t0 + 100);
        vm.prank(alice);
        assertTrue(token.transfer(bob, 4e18));
        vm.warp(t0 + 200);
        assertEq(token.getPastVotes(alice, t0), 10e18);
        assertEq(token.getPastVotes(alice, t0 + 100), 6e18);
        assertEq(token.getPastTotalSupply(t0 + 100), 10e18);
    }

    function test_permit_setsAllowanceAndBumpsNonce() public {
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                alice,
                bob,
                7e18,
                token.nonces(alice),
                deadline
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(aliceKey, digest);
        token.permit(alice, bob, 7e18, deadline, v, r, s);
        assertEq(token.allowance(alice, bob), 7e18);
        assertEq(token.nonces(alice), 1);
    }
}
