// Which modules the build groups into the shell chunk and the union page's chunk (scripts/site/routeChunks.ts):
// a small module graph shaped like the app's, with the rules that keep the directory's first load as it was.
import { describe, expect, it } from 'vitest';
import { chunkSets } from '../../../scripts/site/routeChunks';

const R = '/app/web/routes';
const L = '/app/web/lib';
const KIT = '/app/node_modules/@sveltejs/kit/src/runtime/client/entry.js';
const APP = '/app/.svelte-kit/generated/client-optimized/app.js';

/** Static imports only; lazy ones (the directory's read, the wallet) are absent, as the bundler reports them. */
const graph = new Map<string, string[]>([
	[KIT, ['/app/node_modules/svelte/internal.js']],
	[APP, ['/app/.svelte-kit/generated/client-optimized/matchers.js']],
	['/app/.svelte-kit/generated/client-optimized/matchers.js', [`${L}/union/isAddress.ts`]],
	[`${R}/+layout.svelte`, [`${L}/state/wallet.svelte.ts`, '/app/node_modules/svelte/internal.js']],
	[`${R}/+error.svelte`, []],
	[`${R}/+page.svelte`, [`${L}/ui/links.ts`]],
	// The directory's lazy read, a root of its own: what it imports stays out of the union page's chunk.
	[`${L}/union/listUnions.ts`, [`${L}/rpc/jsonRpc.ts`]],
	[`${R}/u/[union=address]/+layout.svelte`, [`${L}/ui/union/UnionNav.svelte`]],
	[`${R}/u/[union=address]/+page.svelte`, [`${L}/union/members.ts`, `${L}/ui/links.ts`, `${L}/union/types.ts`, `${L}/state/wallet.svelte.ts`]],
	[`${L}/union/members.ts`, [`${L}/rpc/jsonRpc.ts`, `${L}/sync/syncLogs.ts`]],
	[`${R}/create/+page.svelte`, [`${L}/union/types.ts`]],
	['/app/node_modules/svelte/internal.js', []],
	[`${L}/state/wallet.svelte.ts`, []],
	[`${L}/ui/links.ts`, []],
	[`${L}/rpc/jsonRpc.ts`, []],
	[`${L}/sync/syncLogs.ts`, []],
	[`${L}/union/types.ts`, []],
	[`${L}/union/isAddress.ts`, []],
	[`${L}/ui/union/UnionNav.svelte`, []],
	['\0vite/preload-helper.js', []]
]);

describe('chunkSets', () => {
	it('puts the static closure of kit, the root layout and the error page in the shell, but not the route components or kit entries', () => {
		const { shell } = chunkSets(graph);
		expect([...shell].sort()).toEqual(['/app/.svelte-kit/generated/client-optimized/matchers.js', '/app/node_modules/svelte/internal.js', `${L}/state/wallet.svelte.ts`, `${L}/union/isAddress.ts`].sort());
	});

	it('gives the union page what it alone adds: not the shell, not what the directory or its read use, not what pages outside a union import', () => {
		const { union } = chunkSets(graph);
		expect([...union].sort()).toEqual([`${L}/sync/syncLogs.ts`, `${L}/ui/union/UnionNav.svelte`, `${L}/union/members.ts`].sort());
	});

	it('puts what the union page shares with the directory in one reads chunk, and what it shares only with the pages outside a union in another', () => {
		const { reads, common } = chunkSets(graph);
		// links.ts is not the shell's: the root layout does not import it, the directory page does.
		expect([...reads].sort()).toEqual([`${L}/rpc/jsonRpc.ts`, `${L}/ui/links.ts`].sort());
		expect([...common]).toEqual([`${L}/union/types.ts`]);
	});

	it('leaves the generated ABIs to the bundler: the barrel puts every ABI in the directory’s closure, but it keeps only those it uses', () => {
		const abi = `${L}/chain/abi/by-contract/unionAbi.ts`;
		const withAbi = new Map(graph);
		withAbi.set(`${L}/union/members.ts`, [...graph.get(`${L}/union/members.ts`)!, abi]);
		withAbi.set(`${L}/union/listUnions.ts`, [...graph.get(`${L}/union/listUnions.ts`)!, abi]);
		withAbi.set(abi, []);
		const sets = chunkSets(withAbi);
		for (const set of [sets.shell, sets.union, sets.reads, sets.common]) expect(set.has(abi)).toBe(false);
	});

	it('groups nothing in a build without kit’s client entry (the server build)', () => {
		const server = new Map([...graph].filter(([id]) => id !== KIT));
		const sets = chunkSets(server);
		expect(sets.shell.size).toBe(0);
		expect(sets.union.size).toBe(0);
		expect(sets.reads.size + sets.common.size).toBe(0);
	});
});
