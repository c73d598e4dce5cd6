// `exports.path = …` (not `module.exports = { path: () => … }`) so Node's CJS lexer exposes `path`
// as a named export: @ceramicnetwork/ipfs-daemon does `import { path } from 'go-ipfs'`.
exports.path = function path() {
  throw new Error('go-ipfs is not installed: the local Ceramic node uses an in-process js-ipfs');
};
