// Node 20 lacks Promise.withResolvers (added in Node 22); Helia 7, libp2p 3 and parts of the
// Ceramic stack call it. Loaded with `node --import ./scripts/stack/polyfill.mjs`; a no-op on
// runtimes that already have it.
if (typeof Promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers() {
      let resolve;
      let reject;
      const promise = new this((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}
