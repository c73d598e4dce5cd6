// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {console} from "forge-std/console.sol";

/// @dev Counts, across the runs of one invariant campaign, in how many runs each handler path was reached,
/// and on the last run prints the counts and asserts a floor. forge reverts every contract's storage between
/// runs (each run starts from the state `setUp` left) and calls `afterInvariant` at the end of each run, so the
/// tally lives outside the EVM, in this process's environment (`vm.setEnv`). The campaign's run count comes
/// from the active `FOUNDRY_PROFILE` in foundry.toml (no inline `forge-config`: forge 1.7 applies a `default.`
/// inline line under every profile, and with a `ci.` line it drops fs_permissions). The last run also writes the counts
/// to `.data/invariant-paths/<suite>.txt`.
abstract contract PathCoverage is Test {
    /// @dev Every path must be reached in at least a fifth of the runs (issue 13).
    uint256 internal constant FLOOR_PCT = 20;

    function _configuredRuns(uint256 defaultRuns, uint256 ciRuns, uint256 deepRuns) internal view returns (uint256) {
        bytes32 profile = keccak256(bytes(vm.envOr("FOUNDRY_PROFILE", string("default"))));
        if (profile == keccak256("ci")) return ciRuns;
        if (profile == keccak256("deep")) return deepRuns;
        return defaultRuns;
    }

    /// @dev Records the run for the paths named in `pathList` (separated by single spaces), asking the handler how
    /// often each was reached, with the profile's run count and the issue's floor.
    /// @param suite Prefix of the tally's keys and name of its table.
    /// @param pathList Path names, separated by single spaces.
    /// @param reachedIn The handler's counter: how often the run reached a path (keyed by its name).
    function _recordPaths(
        string memory suite,
        string memory pathList,
        function(bytes32) external view returns (uint256) reachedIn
    ) internal {
        string[] memory paths = vm.split(pathList, " ");
        uint256[] memory counts = new uint256[](paths.length);
        for (uint256 i; i < paths.length; ++i) {
            counts[i] = reachedIn(bytes32(bytes(paths[i])));
        }
        _recordRun({
            suite: suite, paths: paths, counts: counts, runs: _configuredRuns(64, 128, 256), floorPct: FLOOR_PCT
        });
    }

    /// @param suite Prefix of the tally's keys.
    /// @param paths Path names.
    /// @param counts How often each path was reached in the run that just ended.
    /// @param runs Runs in the campaign.
    /// @param floorPct Least share of runs, in percent, in which every path must have been reached.
    function _recordRun(
        string memory suite,
        string[] memory paths,
        uint256[] memory counts,
        uint256 runs,
        uint256 floorPct
    ) internal {
        string memory prefix = string.concat("NU_PATHS_", suite, "_");
        uint256 run = _bump(string.concat(prefix, "RUNS"), 1);
        for (uint256 i; i < paths.length; ++i) {
            if (counts[i] != 0) _bump(string.concat(prefix, paths[i]), 1);
            _bump(string.concat(prefix, paths[i], "_CALLS"), counts[i]);
        }
        if (run < runs) return;
        // NU_PATH_FLOOR_PCT=0 prints the counts without asserting (to tune a handler)
        floorPct = vm.envOr("NU_PATH_FLOOR_PCT", floorPct);

        string memory file = string.concat(".data/invariant-paths/", suite, ".txt");
        vm.createDir(".data/invariant-paths", true);
        string memory head = string.concat(
            "[",
            suite,
            "] ",
            vm.toString(run),
            " runs; per path: runs that reached it, calls that reached it in all runs"
        );
        console.log(head);
        vm.writeFile(file, string.concat(head, "\n"));
        bool below;
        for (uint256 i; i < paths.length; ++i) {
            uint256 hit = vm.envOr(string.concat(prefix, paths[i]), uint256(0));
            uint256 calls = vm.envOr(string.concat(prefix, paths[i], "_CALLS"), uint256(0));
            string memory line =
                string.concat("  ", paths[i], ": ", vm.toString(hit), " runs, ", vm.toString(calls), " calls");
            console.log(line);
            vm.writeLine(file, line);
            if (hit * 100 < floorPct * run) below = true;
            vm.setEnv(string.concat(prefix, paths[i]), "0");
            vm.setEnv(string.concat(prefix, paths[i], "_CALLS"), "0");
        }
        vm.setEnv(string.concat(prefix, "RUNS"), "0");
        assertFalse(below, string.concat(suite, ": a path was reached in fewer runs than the floor"));
    }

    function _bump(string memory key, uint256 by) private returns (uint256 value) {
        value = vm.envOr(key, uint256(0)) + by;
        vm.setEnv(key, vm.toString(value));
    }
}
