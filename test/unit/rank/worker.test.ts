// @vitest-environment node
// The worker protocol (the handler rank.worker.ts wires to self.onmessage) and the main-thread client,
// connected in-process through a stand-in port with the Worker's postMessage/onmessage shape.
import { describe, expect, it } from 'vitest';
import { RankClient, type RankPort } from '../../../web/lib/leaders/rank/client';
import { createRankHandler, transferables, type RankRequest, type RankResponse } from '../../../web/lib/leaders/rank/protocol';
import { appendCompact, emptyCompact } from '../../../web/lib/leaders/rank/compact';
import { scoresFor } from '../../../web/lib/leaders/scores';
import { tableLeaders, tableRows } from '../../../web/lib/leaders/rank/table';
import { SupportRank } from '../../../web/lib/leaders/rank/supportRank';
import { prng } from './helpers';
import { addr, back, join, leave } from './helpers';

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

	it('after a load, answers the rank with the scores laid out for the snapshot (what the page computed), transferable', async () => {
		const compact = appendCompact(emptyCompact(), [join(0, 0), join(1), join(2), join(3), back(1, 0), back(2, 0), back(3, 1), back(0, 2), leave(3)]);
		const handle = createRankHandler();
		handle({ id: 1, type: 'load', compact, options: { seeds: [addr(0)] } });
		const res = handle({ id: 2, type: 'rank' });
		if (res.type !== 'ranked' || !res.scores) throw new Error(`expected ranked scores, got ${JSON.stringify(res)}`);
		expect([...res.scores]).toEqual([...scoresFor(compact, res.ranking)]);
		// The member who left scores 0; the others are positive and sum to 1.
		expect(res.scores[compact.addresses.indexOf(addr(3))]).toBe(0);
		expect(res.scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
		expect(transferables(res)).toEqual([res.scores.buffer]);
		// A reset (events, no snapshot) has no address table to lay scores out for.
		handle({ id: 3, type: 'reset', events: [join(0, 0)] });
		const plain = handle({ id: 4, type: 'rank' });
		expect(plain.type === 'ranked' && plain.scores).toBe(undefined);
		expect(transferables(plain)).toEqual([]);
	});

	it('the typed table reply decodes to the same ordered leaders as the object ranking, over the snapshot addresses', async () => {
		// Ties (equal scores) included: ties break by address in both.
		const rand = prng(7);
		const events = [join(0, 0)];
		for (let i = 1; i < 300; i++) events.push(join(i));
		for (let e = 0; e < 1500; e++) events.push(back(Math.floor(rand() * 300), Math.floor(rand() * 300)));
		for (let i = 290; i < 300; i++) events.push(leave(i));
		const compact = appendCompact(emptyCompact(), events);
		const expected = new SupportRank({ seeds: [addr(0), addr(1)] });
		expected.applyCompact(compact);
		const want = expected.rank().leaders;

		const client = new RankClient(inProcessPort());
		await client.load(compact, { seeds: [addr(0), addr(1)] });
		const { table, ranking, scores } = await client.rankTable(compact.addresses);
		expect(ranking.leaders).toEqual([]);
		expect(ranking.members).toBe(290);
		expect(tableLeaders(table)).toEqual(want);
		const rows = tableRows(table);
		expect(rows.length).toBe(want.length);
		expect([rows.address(0), rows.address(rows.length - 1)]).toEqual([want[0].address, want[want.length - 1].address]);
		expect(rows.at(5)).toEqual(want[5]);
		expect([...(scores ?? [])]).toEqual([...scoresFor(compact, { ...ranking, leaders: want })]);
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
