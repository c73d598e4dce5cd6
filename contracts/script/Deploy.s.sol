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
import {IUnionRegistry} from "../src/economy/IUnionRegistry.sol";
import {UnionArbiters} from "../src/economy/UnionArbiters.sol";
import {Escrow} from "../src/economy/Escrow.sol";
import {Crowdfund} from "../src/economy/Crowdfund.sol";
import {Demands} from "../src/bargaining/Demands.sol";
import {Courses} from "../src/education/Courses.sol";
import {IEntryPoint} from "@account-abstraction/contracts/interfaces/IEntryPoint.sol";
import {UnionRelayAccount} from "../src/sponsor/UnionRelayAccount.sol";
import {UnionPaymaster} from "../src/sponsor/UnionPaymaster.sol";

/// @notice Deploys the union implementations and factory plus the contracts shared by every union
/// (arbiters, escrow, crowdfunding, …), and records them in `deployments/<chainId>.json`:
/// `{chainId, deployBlock, unionFactory, implementations: {…}, arbiters, escrow, crowdfund, …}`.
/// @dev Folder: env `DEPLOYMENTS_DIR` (absolute, inside ./deployments or ./.data) overrides `deployments/`.
/// Broadcaster: env `PRIVATE_KEY` if set, else forge's `--private-key` / `--account` / `--sender`.
/// Idempotent per contract: an address already in the record that has code on this chain is kept, anything
/// missing is deployed, so adding a feature contract later deploys only that contract.
/// Sponsorship (issue 15): env `ENTRY_POINT` (an ERC-4337 v0.8 EntryPoint already on the chain) makes the
/// shared relay account first — every implementation and shared contract takes it as its ERC-2771 trusted
/// forwarder — and the paymaster last; env `PAYMASTER_STAKE_WEI` / `PAYMASTER_UNSTAKE_DELAY` stake it. Without
/// `ENTRY_POINT` the forwarder is zero and no paymaster is deployed.
/// `deployBlock` is the chain head when the factory was deployed: a lower bound of every recorded contract's
/// block, safe to scan logs from.
contract Deploy is Script {
    /// @dev The record read at start ("" when there is none).
    string internal record;
    /// @dev Sponsorship contracts (storage, to keep `run` within the stack).
    address internal entryPoint;
    address internal relayAccount;
    address internal paymaster;

    function run() external returns (address factory) {
        // The local stack keeps its throw-away chain's record in its data folder, not in deployments/.
        string memory dir = vm.envOr("DEPLOYMENTS_DIR", string.concat(vm.projectRoot(), "/deployments"));
        string memory path = string.concat(dir, "/", vm.toString(block.chainid), ".json");
        if (vm.exists(path)) record = vm.readFile(path);

        uint256 key = vm.envOr("PRIVATE_KEY", uint256(0));
        if (key != 0) vm.startBroadcast(key);
        else vm.startBroadcast();

        // ---- sponsorship: the relay account is every contract's trusted forwarder ----
        entryPoint = vm.envOr("ENTRY_POINT", address(0));
        relayAccount = existing(".relayAccount");
        if (relayAccount == address(0) && entryPoint != address(0)) {
            relayAccount = address(new UnionRelayAccount(IEntryPoint(entryPoint)));
        }

        // ---- union factory and implementations ----
        uint256 deployBlock = block.number;
        UnionFactory.Implementations memory impls;
        factory = existing(".unionFactory");
        if (factory == address(0)) {
            impls = UnionFactory.Implementations({
                union: address(new Union(relayAccount)),
                token: address(new UnionToken()),
                governor: address(new UnionGovernor(relayAccount)),
                timelock: address(new UnionTimelock()),
                vestingWallet: address(new UnionVestingWallet())
            });
            factory = address(new UnionFactory(impls));
            console.log("UnionFactory deployed at", factory);
        } else {
            deployBlock = vm.parseJsonUint(record, ".deployBlock");
            impls = UnionFactory(factory).implementations();
            console.log("UnionFactory already deployed at", factory);
        }

        // ---- economy: arbiters, escrow, crowdfunding (shared by all unions) ----
        address arbiters = existing(".arbiters");
        if (arbiters == address(0)) arbiters = address(new UnionArbiters(IUnionRegistry(factory)));
        address escrow = existing(".escrow");
        if (escrow == address(0)) escrow = address(new Escrow(IUnionRegistry(factory), UnionArbiters(arbiters)));
        address crowdfund = existing(".crowdfund");
        if (crowdfund == address(0)) crowdfund = address(new Crowdfund(IUnionRegistry(factory), relayAccount));

        // ---- bargaining: collective demands (shared by all unions) ----
        address demands = existing(".demands");
        if (demands == address(0)) demands = address(new Demands(IUnionRegistry(factory), relayAccount));

        // ---- education: courses (shared by all unions) ----
        address courses = existing(".courses");
        if (courses == address(0)) courses = address(new Courses(IUnionRegistry(factory), relayAccount));
        // ---- end bargaining ----

        // ---- sponsorship: one paymaster for every union, staked (ERC-7562) ----
        deployPaymaster(factory, [crowdfund, demands, courses]);

        vm.stopBroadcast();

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
        vm.serializeAddress(root, "arbiters", arbiters);
        vm.serializeAddress(root, "escrow", escrow);
        vm.serializeAddress(root, "crowdfund", crowdfund);
        vm.serializeAddress(root, "demands", demands);
        vm.serializeAddress(root, "courses", courses);
        vm.serializeAddress(root, "entryPoint", entryPoint);
        vm.serializeAddress(root, "relayAccount", relayAccount);
        vm.serializeAddress(root, "paymaster", paymaster);
        string memory json = vm.serializeString(root, "implementations", implsJson);
        vm.createDir(dir, true);
        vm.writeJson(json, path);
        console.log("wrote", path);
    }

    /// @dev The shared paymaster (once), staked when `PAYMASTER_STAKE_WEI` is set.
    function deployPaymaster(address factory, address[3] memory shared) internal {
        paymaster = existing(".paymaster");
        if (paymaster != address(0) || entryPoint == address(0)) return;
        paymaster = address(
            new UnionPaymaster(
                IEntryPoint(entryPoint),
                IUnionRegistry(factory),
                relayAccount,
                shared,
                vm.envOr("PAYMASTER_STAKE_OWNER", msg.sender)
            )
        );
        uint256 stake = vm.envOr("PAYMASTER_STAKE_WEI", uint256(0));
        if (stake != 0) {
            uint256 delay = vm.envOr("PAYMASTER_UNSTAKE_DELAY", uint256(86400));
            UnionPaymaster(paymaster).addStake{value: stake}(uint32(delay));
        }
    }

    /// @dev The address recorded under `jsonKey` if it still has code on this chain, else zero.
    function existing(string memory jsonKey) internal view returns (address) {
        if (bytes(record).length == 0 || !vm.keyExistsJson(record, jsonKey)) return address(0);
        address recorded = vm.parseJsonAddress(record, jsonKey);
        return recorded.code.length == 0 ? address(0) : recorded;
    }
}
