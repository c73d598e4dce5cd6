// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Script, console} from "forge-std/Script.sol";

/// @notice The two ENS calls `npm run ens:set` needs (ENSIP-1 registry, ENSIP-7 contenthash resolver).
interface IENSRegistryResolver {
    function resolver(bytes32 node) external view returns (address);
}

interface IContenthashResolver {
    function contenthash(bytes32 node) external view returns (bytes memory);
    function setContenthash(bytes32 node, bytes calldata hash) external;
}

/// @notice Sets a name's ENSIP-7 contenthash on its current resolver, signed by whichever key forge is
/// given (`--account`, `--ledger`, env `PRIVATE_KEY`, or `--unlocked` on a local chain).
/// @dev Env: `ENS_REGISTRY` (address), `ENS_NODE` (namehash, bytes32), `ENS_CONTENTHASH` (bytes).
/// The node and encoding are computed by scripts/publish/ens-cli.ts. Idempotent: an equal hash is not re-sent.
contract SetContenthash is Script {
    /// @notice The name has no resolver set in the registry, so there is nowhere to write.
    error SetContenthashNoResolver(bytes32 node);

    function run() external {
        address registry = vm.envAddress("ENS_REGISTRY");
        bytes32 node = vm.envBytes32("ENS_NODE");
        bytes memory hash = vm.envBytes("ENS_CONTENTHASH");

        address resolver = IENSRegistryResolver(registry).resolver(node);
        if (resolver == address(0)) revert SetContenthashNoResolver(node);
        if (keccak256(IContenthashResolver(resolver).contenthash(node)) == keccak256(hash)) {
            console.log("contenthash already set - nothing to send");
            return;
        }

        uint256 key = vm.envOr("PRIVATE_KEY", uint256(0));
        if (key != 0) vm.startBroadcast(key);
        else vm.startBroadcast();
        IContenthashResolver(resolver).setContenthash(node, hash);
        vm.stopBroadcast();
        console.log("contenthash set on resolver", resolver);
    }
}
