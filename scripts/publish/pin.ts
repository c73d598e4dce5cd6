// Pinning through the IPFS Pinning Service API (https://ipfs.github.io/pinning-services-api-spec/):
// POST {endpoint}/pins with a bearer token. Endpoint and token come from the environment of the one
// running `npm run publish` (NU_PINNING_ENDPOINT, NU_PINNING_TOKEN) and are never written anywhere.
export interface PinStatus {
  requestid: string;
  status: 'queued' | 'pinning' | 'pinned' | 'failed';
}

export async function requestPin(endpoint: string, token: string, cid: string, name: string, fetchFn: typeof fetch = fetch): Promise<PinStatus> {
  const res = await fetchFn(`${endpoint.replace(/\/+$/, '')}/pins`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ cid, name }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`pinning service answered ${res.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as Partial<PinStatus>;
  if (typeof body.requestid !== 'string' || typeof body.status !== 'string') throw new Error(`pinning service answered without requestid/status: ${text.slice(0, 300)}`);
  return { requestid: body.requestid, status: body.status };
}
