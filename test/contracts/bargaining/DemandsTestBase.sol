// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Demands} from "../../../contracts/src/bargaining/Demands.sol";
import {IUnionRegistry} from "../../../contracts/src/economy/IUnionRegistry.sol";
import {UnionTestBase} from "../utils/UnionTestBase.sol";

/// @dev The shared Demands contract over one Open union with trusted members alice and bob; signs commitments
/// with known keys. `_join` admits an untrusted member, `_joinTrusted` a trusted one.
abstract contract DemandsTestBase is UnionTestBase {
    Demands internal demands;
    string internal constant TEXT = "bafkreidemandtext";
    string internal constant TARGET = "MegaCorp Ltd.";

    function setUp() public virtual override {
        super.setUp();
        demands = new Demands(IUnionRegistry(address(factory)), address(0));
        _joinTrusted(alice);
        _joinTrusted(bob);
    }

    /// @dev `committers` sorted ascending, as `activate` wants them.
    function _sorted(address[] memory committers) internal pure returns (address[] memory) {
        for (uint256 i = 1; i < committers.length; ++i) {
            for (uint256 j = i; j > 0 && committers[j - 1] > committers[j]; --j) {
                (committers[j - 1], committers[j]) = (committers[j], committers[j - 1]);
            }
        }
        return committers;
    }

    function _activate(uint256 id, address[] memory committers) internal {
        demands.activate(id, _sorted(committers));
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
