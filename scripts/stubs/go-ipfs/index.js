module.exports = { path: () => { throw new Error('go-ipfs is not installed: the local Ceramic node uses an in-process js-ipfs'); } };
