// Post-build: lets index.html fetch the opened route's chunks in the same wave as kit's entry.
// With the hash router the gateway serves one index.html for every route, so kit can modulepreload
// only its runtime and the root layout; the route's own nodes and their imports are asked for when
// the entry has run (`kit.start` → the router's import of each node). On a cold load that is a second
// staircase step: the union page waited ~250 ms on this machine before its 30 files were even
// requested. A small inline script in <head> reads location.hash, finds the route the way kit's
// dictionary names it, and adds <link rel="modulepreload"> (and style preloads) for the files the
// route needs beyond what index.html already preloads. The router's own imports then hit those.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { closure, readManifest, type Manifest } from './manifest.ts';

/** kit's client dictionary: route id → [page node, layout nodes] (root layout 0 and error 1 implied). */
export type RouteDictionary = Record<string, { page: number; layouts: number[] }>;

const IMMUTABLE = '_app/immutable/';

/** Parses the `dictionary` kit writes into .svelte-kit/generated/client-optimized/app.js. */
export function parseDictionary(appJs: string): RouteDictionary {
  const body = /export const dictionary = \{([\s\S]*?)\};/.exec(appJs)?.[1];
  if (body === undefined) throw new Error('route-preload: no dictionary in kit\'s generated app.js');
  const out: RouteDictionary = {};
  for (const m of body.matchAll(/"([^"]+)":\s*\[\s*(~?\d+)\s*(?:,\s*\[([\d,\s]*)\])?/g)) {
    const layouts = (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean).map(Number);
    // kit marks a node with a server load as `~n`; a static, hash-routed build has none.
    if (m[2].startsWith('~')) throw new Error(`route-preload: route ${m[1]} has a server load`);
    out[m[1]] = { page: Number(m[2]), layouts };
  }
  return out;
}

/** A route id as a pattern over the hash path: `[x]` and `[x=matcher]` are one segment. */
export function routePattern(id: string): string {
  const segments = id.split('/').filter(Boolean).map((s) => {
    if (/^\[\[.*\]\]$/.test(s) || /^\[\.\.\./.test(s)) throw new Error(`route-preload: optional or rest parameters (${id}) are not handled`);
    return /^\[[^\]]+\]$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return `^/${segments.join('/')}/?$`;
}

export interface RoutePreloads {
  /** Files under _app/immutable/, shared by the routes' index lists. */
  files: string[];
  /** [pattern, indices into files], most specific routes first. */
  routes: Array<[string, number[]]>;
}

/** For every route, the JS and CSS its nodes need that index.html does not already preload. */
export function routePreloads(manifest: Manifest, dictionary: RouteDictionary): RoutePreloads {
  const nodeKey = (n: number): string => {
    const key = Object.keys(manifest).find((k) => k.endsWith(`/nodes/${n}.js`) && manifest[k].isEntry);
    if (!key) throw new Error(`route-preload: node ${n} is not in the client manifest`);
    return key;
  };
  // What index.html preloads already: kit's entry (start, app) and the root layout, with their imports.
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry && /(entry\.js|[\\/]app\.js)$/.test(key));
  const preloaded = closure(manifest, [...entries, nodeKey(0)]);
  const preloadedFiles = new Set([...preloaded].flatMap((k) => [manifest[k].file, ...(manifest[k].css ?? [])]));

  const files: string[] = [];
  const index = new Map<string, number>();
  const at = (file: string): number => {
    const name = file.startsWith(IMMUTABLE) ? file.slice(IMMUTABLE.length) : file;
    let i = index.get(name);
    if (i === undefined) {
      i = files.push(name) - 1;
      index.set(name, i);
    }
    return i;
  };
  const params = (id: string): number => (id.match(/\[/g) ?? []).length;
  const ids = Object.keys(dictionary).sort((a, b) => params(a) - params(b) || b.split('/').length - a.split('/').length || a.localeCompare(b));
  const routes: Array<[string, number[]]> = ids.map((id) => {
    const { page, layouts } = dictionary[id];
    const keys = closure(manifest, [1, ...layouts, page].map(nodeKey));
    const wanted = [...keys].flatMap((k) => [manifest[k].file, ...(manifest[k].css ?? [])]).filter((f) => !preloadedFiles.has(f));
    return [routePattern(id), [...new Set(wanted)].map(at)];
  });
  return { files, routes };
}

/**
 * Where the inline script leaves its request for config.json (web/lib/config takes it over): every
 * page waits on that file before its first read, and asked for here it travels with the entry's chunks.
 */
export const EARLY_CONFIG_GLOBAL = '__nuEarlyConfig';

/** The inline script: ask for config.json, match location.hash, add preload links for that route's files. */
export function preloadScript(p: RoutePreloads): string {
  return (
    `{try{globalThis.${EARLY_CONFIG_GLOBAL}=fetch('./config.json',{cache:'no-cache',priority:'high'})}catch{}` +
    `const f=${JSON.stringify(p.files)},r=${JSON.stringify(p.routes)},h=(location.hash.slice(1).split('?')[0]||'/');` +
    `for(const[x,i]of r)if(new RegExp(x).test(h)){for(const n of i){const l=document.createElement('link'),c=f[n].endsWith('.css');` +
    `l.rel=c?'preload':'modulepreload';if(c)l.as='style';l.href='./${IMMUTABLE}'+f[n];document.head.appendChild(l)}break}}`
  );
}

/**
 * Adds the script after kit's modulepreloads (so the entry is asked for first) and before the first
 * stylesheet: an inline script after a stylesheet waits until that stylesheet has loaded.
 */
export function withRoutePreloads(html: string, p: RoutePreloads): string {
  const script = `<script>${preloadScript(p)}</script>\n\t\t`;
  const stylesheet = /<link\b[^>]*\brel="stylesheet"[^>]*>/.exec(html);
  if (stylesheet) return html.slice(0, stylesheet.index) + script + html.slice(stylesheet.index);
  if (!html.includes('</head>')) throw new Error('route-preload: index.html has no </head>');
  return html.replace('</head>', `${script}</head>`);
}

/** Reads what a finished `vite build` left for kit's client. */
export async function readBuildRoutes(root: string): Promise<RoutePreloads> {
  const manifest = await readManifest(join(root, '.svelte-kit/output/client'));
  const dictionary = parseDictionary(await readFile(join(root, '.svelte-kit/generated/client-optimized/app.js'), 'utf8'));
  return routePreloads(manifest, dictionary);
}
