// Build-time chunking by what a cold visit needs: one chunk for the shell every route loads, and the
// union page's own modules in three more — what it alone adds, what it shares with the directory's
// read, what it shares with the pages outside a union (issue 14).
//
// Why: left to itself the bundler cuts one chunk per distinct set of importing entries, and with
// ~30 routes and a dozen lazy features that is many small files — the union page needed 39 of them,
// half under 1 KB. The local gateway answers each request in ~100 ms over HTTP/1.1, and a browser
// opens 6 connections per host, so 39 files queue for ~600 ms however small they are. Files that
// always arrive together gain nothing from being apart.
//
// How: the plugin notes every module's static imports as the bundler parses them, and the groups'
// `test` (called at chunking time, when the graph is complete) asks which static closure a module is
// in. Lazy imports stay lazy (a dynamic import starts a new closure that is not followed), route
// components keep their own node chunk, so the directory's first load holds exactly the modules it
// held before (kit runtime, root layout, "/" page), in fewer files.
import type { Plugin } from 'vite';

/** Which closures a cold visit reads, by the roots' path endings (ids are absolute paths). */
const SHELL_ROOTS = [
	'/@sveltejs/kit/src/runtime/client/entry.js',
	'/.svelte-kit/generated/client-optimized/app.js',
	'/web/routes/+layout.svelte',
	'/web/routes/+error.svelte'
];
/** The directory page and the read it imports lazily before it lists unions (its first load). */
const HOME_ROOTS = ['/web/routes/+page.svelte', '/web/lib/union/listUnions.ts'];
/** The pages outside a union (create, a member's page, "me"): what they import stays out of the union page's chunk. */
const OUTSIDE_ROOTS = /[\\/]web[\\/]routes[\\/](?!u[\\/])[^+][^\\/]*[\\/].*\+(page|layout)\.svelte$/;
const UNION_ROOTS = ['/web/routes/u/[union=address]/+layout.svelte', '/web/routes/u/[union=address]/+page.svelte'];

/**
 * Modules a group never takes: kit's two entries, its node wrappers and the route components keep their own
 * chunk, and so do the generated ABIs. Every ABI is in the directory's closure through the barrel
 * (chain/abi/index.ts re-exports them all), but the bundler keeps only the ones a chunk's importers use: in
 * a group, all of them that any route uses would be kept, and the directory would fetch them.
 */
const OWN_CHUNK = /[\\/]web[\\/]routes[\\/]|[\\/]web[\\/]lib[\\/]chain[\\/]abi[\\/]|[\\/]client-optimized[\\/](nodes[\\/]|app\.js$)|[\\/]runtime[\\/]client[\\/]entry\.js$/;

export interface ChunkSets {
	/** The static closure of kit's entries and the root layout and error page: loaded by every route. */
	shell: Set<string>;
	/** What the union page (its layout and page) adds to the shell, the directory's first load and the pages outside a union. */
	union: Set<string>;
	/**
	 * What the union page shares with the directory's first load (the JSON-RPC reader, the ABIs, the sync's
	 * errors): one chunk both fetch, instead of one per set of importers — the directory fetches exactly
	 * these modules either way, since they are all in its closure.
	 */
	reads: Set<string>;
	/** What the union page shares with the pages outside a union and not with the directory (resources, the tx status). */
	common: Set<string>;
}

/** Static-import closure of the modules whose id `roots` names. */
function closure(imports: ReadonlyMap<string, readonly string[]>, roots: readonly string[] | RegExp): Set<string> {
	const ids = [...imports.keys()].filter((id) => (roots instanceof RegExp ? roots.test(id) : roots.some((r) => id.endsWith(r))));
	const seen = new Set<string>(ids);
	const stack = [...ids];
	while (stack.length > 0) {
		for (const next of imports.get(stack.pop()!) ?? []) {
			if (seen.has(next)) continue;
			seen.add(next);
			stack.push(next);
		}
	}
	return seen;
}

/**
 * The two groups' modules, from every module's static imports (lazy ones are not followed). Without
 * kit's client entry (the server build) both are empty.
 */
export function chunkSets(imports: ReadonlyMap<string, readonly string[]>): ChunkSets {
	const none = (): ChunkSets => ({ shell: new Set(), union: new Set(), reads: new Set(), common: new Set() });
	if (![...imports.keys()].some((id) => id.endsWith(SHELL_ROOTS[0]))) return none();
	const shell = closure(imports, SHELL_ROOTS);
	// Partitioned by who else needs each module, so no page fetches a chunk holding code it does not use
	// but the union page: the directory's first load gets `reads` (all in its closure) and the pages outside
	// a union get `common` (create shares the admission rules with it) and never the union page's own chunk.
	const home = closure(imports, HOME_ROOTS);
	const outside = closure(imports, OUTSIDE_ROOTS);
	const sets = none();
	for (const id of closure(imports, UNION_ROOTS)) {
		if (shell.has(id) || !groupable(id)) continue;
		if (home.has(id)) sets.reads.add(id);
		else if (outside.has(id)) sets.common.add(id);
		else sets.union.add(id);
	}
	for (const id of shell) if (groupable(id)) sets.shell.add(id);
	return sets;
}

const groupable = (id: string): boolean => !id.startsWith('\0') && !OWN_CHUNK.test(id);

/** The plugin: adds the two groups to the client build's `codeSplitting` (the server build keeps its own). */
export function routeChunks(): Plugin {
	const imports = new Map<string, readonly string[]>();
	let sets: ChunkSets | null = null;
	// Computed once, on the first test: by then every module has been parsed.
	const closures = (): ChunkSets => (sets ??= chunkSets(imports));
	return {
		name: 'network-union:route-chunks',
		apply: 'build',
		configEnvironment(name) {
			if (name !== 'client') return;
			return {
				build: {
					rolldownOptions: {
						// Entries may export more than they declare, which the union-page group needs in order to
						// leave its modules' imports where they are (no lazy entry changes shape for it).
						preserveEntrySignatures: 'allow-extension',
						output: {
							codeSplitting: {
								groups: [
									// With the bundler's own helpers (module preload, runtime: ids starting with \0), which
									// every chunk's imports use; above viem's group, which would otherwise take them.
									{ name: 'shell', priority: 2, test: (id: string) => id.startsWith('\0') || closures().shell.has(id) },
									// Each group's modules' own imports are in the shell or in a group listed after it,
									// and stay there (the bundler would otherwise pull them in, and the directory's first
									// load would fetch the union page's chunk). No cycle can form: a module in `reads`
									// imports only what the directory's closure holds (shell or reads), one in `common`
									// nothing of the union page's own, and nothing outside the union page's closure
									// imports into it.
									{ name: 'union-page', priority: 0, includeDependenciesRecursively: false, test: (id: string) => closures().union.has(id) },
									{ name: 'union-common', priority: 0, includeDependenciesRecursively: false, test: (id: string) => closures().common.has(id) },
									{ name: 'reads', priority: 0, includeDependenciesRecursively: false, test: (id: string) => closures().reads.has(id) }
								]
							}
						}
					}
				}
			};
		},
		buildStart() {
			imports.clear();
			sets = null;
		},
		moduleParsed(info) {
			imports.set(info.id, info.importedIds);
		}
	};
}
