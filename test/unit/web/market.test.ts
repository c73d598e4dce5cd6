import { describe, expect, it } from 'vitest';
import { parseConfig } from '$lib/config';
import { checkJob, checkService, normaliseService, serviceProblem } from '$lib/market/validate';
import { filterJobs, filterServices, popularTags } from '$lib/market/filter';
import { dealActions, milestoneActions, roleOf, type DealFacts, type MilestoneFacts } from '$lib/market/deal';
import type { JobContent, Listing, ServiceContent } from '$lib/market/types';

const UNION = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as const;
const ALICE = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8' as const;
const BOB = '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc' as const;

const service: ServiceContent = { union: UNION, title: 'Rota design', description: 'A fair ward rota', price: '4.5', deliveryDays: 3, tags: ['rota', 'planning'], status: 'open' };
const job: JobContent = { union: UNION, role: 'Glossary editor', pay: '300', howToApply: 'Send two entries', status: 'open' };

describe('listing validation', () => {
	it('accepts a valid service and job', () => {
		expect(checkService(service)).toEqual({ ok: true, content: service });
		expect(checkJob(job).ok).toBe(true);
	});
	it('skips malformed documents with the reason', () => {
		const bad = checkService({ ...service, price: 'lots', extra: 1 });
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.problem).toMatch(/price has the wrong format.*extra is not allowed/);
		expect(checkService({ ...service, deliveryDays: 0 }).ok).toBe(false);
		expect(checkJob({ ...job, status: 'maybe' }).ok).toBe(false);
		expect(checkJob({ role: 'x', pay: '1', status: 'open' }).ok).toBe(false); // no union
	});
	it('normalises form input to schema-valid content and names problems', () => {
		const n = normaliseService({ ...service, title: '  Rota  ', description: '   ', tags: [' a ', ''] });
		expect(n).toEqual({ union: UNION, title: 'Rota', price: '4.5', deliveryDays: 3, tags: ['a'], status: 'open' });
		expect(serviceProblem(n)).toBeNull();
		expect(serviceProblem({ ...n, title: '' })).toMatch(/title must be at least 1 characters/);
	});
});

describe('listing filter', () => {
	const listings: Listing<ServiceContent>[] = [
		{ id: 's1', author: ALICE, content: service },
		{ id: 's2', author: BOB, content: { ...service, title: 'Plumbing', description: '', tags: ['pipes'] } },
		{ id: 's3', author: BOB, content: { ...service, title: 'Old rota', status: 'closed' } }
	];
	const base = { text: '', tag: null, showClosed: false, mineOnly: null };
	it('searches every word across title, description and tags, hiding closed ones', () => {
		expect(filterServices(listings, { ...base, text: 'ward ROTA' }).map((l) => l.id)).toEqual(['s1']);
		expect(filterServices(listings, { ...base, text: 'rota', showClosed: true }).map((l) => l.id)).toEqual(['s1', 's3']);
		expect(filterServices(listings, { ...base, tag: 'pipes' }).map((l) => l.id)).toEqual(['s2']);
		expect(filterServices(listings, { ...base, mineOnly: ALICE }).map((l) => l.id)).toEqual(['s1']);
		expect(filterJobs([{ id: 'j', author: ALICE, content: job }], { ...base, text: 'entries' })).toHaveLength(1);
	});
	it('lists the tags of open services, most used first', () => {
		expect(popularTags(listings)).toEqual(['pipes', 'planning', 'rota']);
	});
});

describe('deal actions', () => {
	const deal: DealFacts = { status: 'Proposed', client: ALICE, provider: BOB, acceptBy: 1000, reviewPeriod: 100, cancelProposedBy: 0, cancelExpiresAt: 0 };
	const pending: MilestoneFacts = { status: 'Pending', due: 2000, deliveredAt: 0 };
	it('knows who is who', () => {
		expect(roleOf(deal, ALICE.toUpperCase().replace('0X', '0x'))).toBe('client');
		expect(roleOf(deal, BOB)).toBe('provider');
		expect(roleOf(deal, null)).toBe('other');
	});
	it('offers accept/decline to the provider, reclaim to the client only after the deadline', () => {
		expect(dealActions(deal, 'provider', 999)).toEqual(['accept', 'decline']);
		expect(dealActions(deal, 'provider', 1001)).toEqual(['decline']);
		expect(dealActions(deal, 'client', 1000)).toEqual([]);
		expect(dealActions(deal, 'client', 1001)).toEqual(['reclaimUnaccepted']);
	});
	it('walks the mutual cancel', () => {
		const active = { ...deal, status: 'Active' as const };
		expect(dealActions(active, 'client', 0)).toEqual(['proposeCancel']);
		const proposed = { ...active, cancelProposedBy: 1, cancelExpiresAt: 500 };
		expect(dealActions(proposed, 'client', 0)).toEqual(['withdrawCancelProposal']);
		expect(dealActions(proposed, 'provider', 500)).toEqual(['confirmCancel']);
		// an expired proposal can no longer be confirmed: either party may propose anew
		expect(dealActions(proposed, 'provider', 501)).toEqual(['proposeCancel']);
		expect(dealActions(active, 'other', 0)).toEqual([]);
	});
	it('offers milestone actions by status and chain time', () => {
		const active = { ...deal, status: 'Active' as const };
		expect(milestoneActions(active, pending, 'provider', 1500)).toEqual(['markDelivered']);
		expect(milestoneActions(active, pending, 'client', 1500)).toEqual(['release']);
		expect(milestoneActions(active, pending, 'client', 2001)).toEqual(['release', 'refundOverdue', 'openDispute']);
		const delivered: MilestoneFacts = { status: 'Delivered', due: 2000, deliveredAt: 1500 };
		expect(milestoneActions(active, delivered, 'client', 1599)).toEqual(['release', 'openDispute']);
		expect(milestoneActions(active, delivered, 'client', 1600)).toEqual(['release']);
		expect(milestoneActions(active, delivered, 'provider', 1599)).toEqual(['openDispute']);
		expect(milestoneActions(active, delivered, 'provider', 1600)).toEqual(['claim', 'openDispute']);
		expect(milestoneActions(active, { ...delivered, status: 'Released' }, 'client', 0)).toEqual([]);
		expect(milestoneActions(deal, pending, 'provider', 0)).toEqual([]);
	});
});

describe('config: market model ids', () => {
	const good = {
		chain: { id: 31337, name: 'Local', rpcUrl: 'http://127.0.0.1:8545', blockExplorer: null },
		contracts: { unionFactory: UNION, deployBlock: 0 },
		ceramic: { url: 'http://127.0.0.1:7007', models: { profile: 'kp', post: 'kpo', reply: 'kr' } },
		ipfs: { gateway: 'http://127.0.0.1:8080', uploadUrl: 'http://127.0.0.1:5001/api/v0/add' }
	};
	it('are optional and kept when present', () => {
		expect(parseConfig(good).ceramic.models).toEqual({ profile: 'kp', post: 'kpo', reply: 'kr' });
		const withModels = { ...good, ceramic: { ...good.ceramic, models: { ...good.ceramic.models, service: 'ks', job: 'kj' } } };
		expect(parseConfig(withModels).ceramic.models).toEqual({ profile: 'kp', post: 'kpo', reply: 'kr', service: 'ks', job: 'kj' });
		const bad = { ...good, ceramic: { ...good.ceramic, models: { ...good.ceramic.models, service: 42 } } };
		expect(() => parseConfig(bad)).toThrow(/ceramic.models.service must be a non-empty string/);
	});
});
