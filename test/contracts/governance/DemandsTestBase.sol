// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Demands} from "../../../contracts/src/bargaining/Demands.sol";
import {IUnionRegistry} from "../../../contracts/src/economy/IUnionRegistry.sol";
import {UnionTestBase} from "../utils/UnionTestBase.sol";

/// @dev The shared Demands contract over one Open union; signs commitments with known keys.
abstract contract DemandsTestBase is UnionTestBase {
    Demands internal demands;
    string internal constant TEXT = "bafkreidemandtext";
    string internal constant TARGET = "MegaCorp Ltd.";

    function setUp() public virtual override {
        super.setUp();
        demands = new Demands(IUnionRegistry(address(factory)));
        _joinTrusted(alice);
        _joinTrusted(bob);
    }

    function _create(uint32 threshold) internal returns (uint256 id) {
        vm.prank(founder);
        id = demands.create(address(union), TEXT, TARGET, threshold, uint48(block.timestamp + 30 days));
    }

    /// @dev The same digest a wallet computes from the typed data, built independently of the contract.
    function _digest(uint256 id, address member, string memory textCid, uint256 nonce) internal view returns (bytes32) {
        bytes32 domainSeparator = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("Network Union Demands"),
                keccak256("1"),
                block.chainid,
                address(demands)
            )
        );
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Commitment(address union,uint256 demandId,address member,string textCid,uint256 nonce)"),
                address(union),
                id,
                member,
                keccak256(bytes(textCid)),
                nonce
            )
        );
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator, structHash));
    }

    function _signCommitment(uint256 key, uint256 id) internal view returns (bytes memory) {
        address member = vm.addr(key);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, _digest(id, member, TEXT, demands.nonceOf(id, member)));
        return abi.encodePacked(r, s, v);
    }

    function _commit(uint256 key, uint256 id) internal {
        demands.commit(id, vm.addr(key), _signCommitment(key, id));
    }
}
