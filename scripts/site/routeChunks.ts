// Build-time chunking by what a cold visit needs: one chunk for the shell every route loads, one for
// what the union page adds to it (issue 14).
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

/** Modules a group never takes: kit's two entries, its node wrappers and the route components keep their own chunk. */
const OWN_CHUNK = /[\\/]web[\\/]routes[\\/]|[\\/]client-optimized[\\/](nodes[\\/]|app\.js$)|[\\/]runtime[\\/]client[\\/]entry\.js$/;

export interface ChunkSets {
	/** The static closure of kit's entries and the root layout and error page: loaded by every route. */
	shell: Set<string>;
	/** What the union page (its layout and page) adds to the shell and to the directory's first load. */
	union: Set<string>;
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
	if (![...imports.keys()].some((id) => id.endsWith(SHELL_ROOTS[0]))) return { shell: new Set(), union: new Set() };
	const shell = closure(imports, SHELL_ROOTS);
	// Less what the directory page shares with the union page: shared modules stay where the
	// directory's first load expects them. And less what the pages outside a union import (create
	// shares the admission rules with it), so they never fetch the union page's chunk.
	const home = closure(imports, HOME_ROOTS);
	const outside = closure(imports, OUTSIDE_ROOTS);
	const union = new Set([...closure(imports, UNION_ROOTS)].filter((id) => !shell.has(id) && !home.has(id) && !outside.has(id) && groupable(id)));
	return { shell: new Set([...shell].filter(groupable)), union };
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
									{ name: 'shell', priority: 0, test: (id: string) => closures().shell.has(id) },
									// Its modules' own imports are in the shell or shared with the directory's read and
									// stay there (the bundler would otherwise pull them in, and the directory's first
									// load would fetch this chunk). No cycle can form: nothing outside the union page's
									// closure imports into it.
									{ name: 'union-page', priority: 0, includeDependenciesRecursively: false, test: (id: string) => closures().union.has(id) }
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
