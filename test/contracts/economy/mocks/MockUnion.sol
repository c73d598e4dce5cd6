// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IUnion} from "../../../../contracts/src/interfaces/IUnion.sol";
import {IUnionRegistry} from "../../../../contracts/src/economy/IUnionRegistry.sol";

/// @dev A union with settable members and an arbitrary token, to run the economy contracts against tokens a
/// real union never has (hooks, false returns).
contract MockUnion is IUnion {
    address public steward;
    address public token;
    address public timelock;
    mapping(address account => bool) public isMember;
    /// @dev Members are trusted unless marked otherwise, so tests written before trust keep their meaning.
    mapping(address account => bool) public untrusted;

    constructor(address steward_, address token_, address timelock_) {
        steward = steward_;
        token = token_;
        timelock = timelock_;
    }

    function setMember(address account, bool member) external {
        isMember[account] = member;
    }

    function setUntrusted(address account, bool value) external {
        untrusted[account] = value;
    }

    function isTrusted(address account) external view returns (bool) {
        return isMember[account] && !untrusted[account];
    }
}

/// @dev A factory that vouches for whatever it is told.
contract MockRegistry is IUnionRegistry {
    mapping(address union => bool) public isUnion;

    function add(address union) external {
        isUnion[union] = true;
    }
}
