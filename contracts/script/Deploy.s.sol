// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Script, console} from "forge-std/Script.sol";
import {VmSafe} from "forge-std/Vm.sol";
import {Union} from "../src/Union.sol";
import {UnionToken} from "../src/UnionToken.sol";
import {UnionGovernor} from "../src/UnionGovernor.sol";
import {UnionTimelock} from "../src/UnionTimelock.sol";
import {UnionVestingWallet} from "../src/UnionVestingWallet.sol";
import {UnionFactory} from "../src/UnionFactory.sol";
import {Courses} from "../src/education/Courses.sol";
import {IUnionRegistry} from "../src/economy/IUnionRegistry.sol";

/// @notice Deploys the five implementations and the factory, and records them in `deployments/<chainId>.json`:
/// `{chainId, unionFactory, deployBlock, implementations: {union, token, governor, timelock, vestingWallet}}`.
/// @dev Folder: env `DEPLOYMENTS_DIR` (absolute, inside ./deployments or ./.data) overrides `deployments/`.
/// Broadcaster: env `PRIVATE_KEY` if set, else forge's `--private-key` / `--account` / `--sender`.
/// Idempotent: if the json exists and its factory has code on this chain, nothing is deployed.
/// `deployBlock` is the chain head when the script ran: a lower bound of the factory's block, safe to scan logs from.
contract Deploy is Script {
    function run() external returns (address factory) {
        factory = _deployCore();
        // ---------------------------------------------------------------- courses (education) begin
        _deployCourses(factory);
        // ---------------------------------------------------------------- courses (education) end
    }

    function _deployCore() internal returns (address factory) {
        // The local stack keeps its throw-away chain's record in its data folder, not in deployments/.
        string memory dir = vm.envOr("DEPLOYMENTS_DIR", string.concat(vm.projectRoot(), "/deployments"));
        string memory path = string.concat(dir, "/", vm.toString(block.chainid), ".json");

        if (vm.exists(path)) {
            address existing = vm.parseJsonAddress(vm.readFile(path), ".unionFactory");
            if (existing.code.length != 0) {
                console.log("UnionFactory already deployed at", existing, "- skipping");
                return existing;
            }
        }

        uint256 deployBlock = block.number;
        uint256 key = vm.envOr("PRIVATE_KEY", uint256(0));
        if (key != 0) vm.startBroadcast(key);
        else vm.startBroadcast();
        UnionFactory.Implementations memory impls = UnionFactory.Implementations({
            union: address(new Union()),
            token: address(new UnionToken()),
            governor: address(new UnionGovernor()),
            timelock: address(new UnionTimelock()),
            vestingWallet: address(new UnionVestingWallet())
        });
        factory = address(new UnionFactory(impls));
        vm.stopBroadcast();
        console.log("UnionFactory deployed at", factory);

        // A dry run (no --broadcast) must not leave a json pointing at contracts that were never sent.
        if (vm.isContext(VmSafe.ForgeContext.ScriptDryRun)) return factory;

        string memory implsJson = "implementations";
        vm.serializeAddress(implsJson, "union", impls.union);
        vm.serializeAddress(implsJson, "token", impls.token);
        vm.serializeAddress(implsJson, "governor", impls.governor);
        vm.serializeAddress(implsJson, "timelock", impls.timelock);
        implsJson = vm.serializeAddress(implsJson, "vestingWallet", impls.vestingWallet);

        string memory root = "deployment";
        vm.serializeUint(root, "chainId", block.chainid);
        vm.serializeAddress(root, "unionFactory", factory);
        vm.serializeUint(root, "deployBlock", deployBlock);
        string memory json = vm.serializeString(root, "implementations", implsJson);
        vm.createDir(dir, true);
        vm.writeJson(json, path);
        console.log("wrote", path);
    }

    // ---------------------------------------------------------------- courses (education) begin
    /// @dev Deploys `Courses` for `factory` and records it in `<dir>/<chainId>-courses.json`
    /// `{chainId, courses, factory, deployBlock}`. Idempotent: skipped when that record exists, names the same
    /// factory and its contract has code.
    function _deployCourses(address factory) internal returns (address courses) {
        string memory dir = vm.envOr("DEPLOYMENTS_DIR", string.concat(vm.projectRoot(), "/deployments"));
        string memory path = string.concat(dir, "/", vm.toString(block.chainid), "-courses.json");
        if (vm.exists(path)) {
            string memory record = vm.readFile(path);
            address existing = vm.parseJsonAddress(record, ".courses");
            if (existing.code.length != 0 && vm.parseJsonAddress(record, ".factory") == factory) {
                console.log("Courses already deployed at", existing, "- skipping");
                return existing;
            }
        }
        uint256 deployBlock = block.number;
        uint256 key = vm.envOr("PRIVATE_KEY", uint256(0));
        if (key != 0) vm.startBroadcast(key);
        else vm.startBroadcast();
        courses = address(new Courses(IUnionRegistry(factory)));
        vm.stopBroadcast();
        console.log("Courses deployed at", courses);
        if (vm.isContext(VmSafe.ForgeContext.ScriptDryRun)) return courses;
        string memory root = "courses";
        vm.serializeUint(root, "chainId", block.chainid);
        vm.serializeAddress(root, "factory", factory);
        vm.serializeUint(root, "deployBlock", deployBlock);
        string memory json = vm.serializeAddress(root, "courses", courses);
        vm.createDir(dir, true);
        vm.writeJson(json, path);
    }
    // ---------------------------------------------------------------- courses (education) end
}
