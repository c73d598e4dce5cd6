// A minimal EIP-1193 provider for Node that forwards every request to a JSON-RPC endpoint.
// Against anvil this is a working wallet: anvil signs `personal_sign` and sends transactions for
// its unlocked accounts, so scripts and tests can act as members without private keys in code.
export interface Eip1193Provider {
  request(args: { method: string; params?: unknown[] | Record<string, unknown> }): Promise<unknown>;
}

export function jsonRpcProvider(rpcUrl: string, account?: string): Eip1193Provider {
  let id = 0;
  return {
    async request({ method, params }) {
      // Wallet-only methods that a plain node does not answer: act as if `account` is connected.
      if ((method === 'eth_requestAccounts' || method === 'eth_accounts') && account !== undefined) return [account];
      const res = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params: params ?? [] }),
      });
      const body = (await res.json()) as { result?: unknown; error?: { code: number; message: string } };
      if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code });
      return body.result;
    },
  };
}
