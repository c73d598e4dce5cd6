/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// The app shell offline: a returning member sees the site even when the gateway is slow or down.
// Everything under an /ipfs/<cid>/ path (or a CID's subdomain) is immutable — config.json included,
// it is part of the CID — so cache-first is always correct here: a new build is a new CID, a new
// scope, a new cache. The worker's scope is the folder it is served from (`base`), which is
// /ipfs/<cid>/ on a path gateway and / on a subdomain or ENS name.
import { base, build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `shell-${version}`;
/** The shell: built JS/CSS, static files, index.html and the config it reads at start. */
const SHELL = [`${base}/`, `${base}/config.json`, ...build, ...files];
/** Shell files fetched at once while installing. */
const INSTALL_CONCURRENCY = 3;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			// A few files at a time: the page that registered the worker (or the next one a member
			// opens) still gets most of the browser's six connections to the gateway.
			const queue = [...SHELL];
			const worker = async (): Promise<void> => {
				// One missing optional file must not stop the shell from being installed.
				for (let url = queue.shift(); url !== undefined; url = queue.shift()) await cache.add(url).catch(() => undefined);
			};
			await Promise.all(Array.from({ length: INSTALL_CONCURRENCY }, worker));
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key.startsWith('shell-') && key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	// Only this site's own files; RPC, Ceramic and other gateways' content are live data.
	if (url.origin !== sw.location.origin || !url.pathname.startsWith(`${base}/`)) return;
	event.respondWith(cacheFirst(request, url));
});

async function cacheFirst(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	// Hash routes never reach the server, so a navigation is always the shell's index.
	const key = request.mode === 'navigate' ? `${base}/` : url.pathname;
	const hit = await cache.match(key);
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok) await cache.put(key, response.clone());
	return response;
}
