// @vitest-environment node
// The worker protocol (the handler rank.worker.ts wires to self.onmessage) and the main-thread client,
// connected in-process through a stand-in port with the Worker's postMessage/onmessage shape.
import { describe, expect, it } from 'vitest';
import { RankClient, type RankPort } from '../../../web/lib/leaders/rank/client';
import { createRankHandler, type RankRequest, type RankResponse } from '../../../web/lib/leaders/rank/protocol';
import { addr, back, join } from './helpers';

function inProcessPort(): RankPort & { terminated: boolean } {
	const handle = createRankHandler();
	const port = {
		terminated: false,
		onmessage: null as RankPort['onmessage'],
		postMessage(message: RankRequest) {
			// Structured clone, as postMessage would do, and an async hop.
			const req = structuredClone(message);
			setTimeout(() => port.onmessage?.({ data: structuredClone(handle(req)) } as MessageEvent<RankResponse>), 0);
		},
		terminate() {
			port.terminated = true;
		}
	};
	return port;
}

describe('rank worker protocol', () => {
	it('applies events incrementally and answers rank requests with the ranking', async () => {
		const client = new RankClient(inProcessPort());
		expect(await client.reset([join(0, 0), join(1), join(2)], { seeds: [addr(0)] })).toEqual({ changed: 3, members: 3, edges: 0 });
		expect(await client.apply([back(0, 1), back(1, 2)])).toEqual({ changed: 2, members: 3, edges: 2 });
		const { ranking, ms } = await client.rank(2);
		expect(ranking.leaders.map((l) => l.address)).toEqual([addr(0), addr(1)]);
		expect(ranking.members).toBe(3);
		expect(ms).toBeGreaterThanOrEqual(0);
		client.terminate();
	});

	it('answers errors with the request id', () => {
		const handle = createRankHandler();
		handle({ id: 1, type: 'reset', options: { damping: 2 } });
		expect(handle({ id: 7, type: 'rank' })).toMatchObject({ id: 7, type: 'error', message: expect.stringContaining('damping') });
	});

	it('rejects pending requests when terminated', async () => {
		const port = inProcessPort();
		const client = new RankClient(port);
		const pending = client.rank();
		client.terminate();
		await expect(pending).rejects.toThrow('terminated');
		expect(port.terminated).toBe(true);
	});
});
