// Registers the service worker (web/service-worker.ts) once the first page has what it came for.
// Kit's own registration runs at the window's `load` event, which on a cold visit comes before the
// route's chunks and reads: the worker's install then asked the gateway for every file of the build
// (~320 requests) while the page still waited on its own, and the page's requests queued behind them
// for up to a second on the browser's six connections per host. Registered when the network has been
// quiet for a moment, the install takes nothing from the first page, and a returning member still gets
// the whole shell offline.

/** How long no resource may finish before the page counts as settled. */
export const QUIET_MS = 1_500;
/** Register after this long at the latest (a page that polls never goes quiet). */
export const LATEST_MS = 10_000;

export interface RegisterOptions {
	quietMs?: number;
	latestMs?: number;
}

/** Registers `./service-worker.js` beside index.html (its scope is that folder: /ipfs/<cid>/ or /). */
export function registerServiceWorkerWhenQuiet(options: RegisterOptions = {}): void {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	const url = new URL('./service-worker.js', document.baseURI.split('#')[0]).href;
	void whenQuiet(options.quietMs ?? QUIET_MS, options.latestMs ?? LATEST_MS).then(() =>
		navigator.serviceWorker.register(url).catch(() => undefined)
	);
}

/** Resolves once no resource has finished loading for `quietMs` (after `load`), or after `latestMs`. */
export function whenQuiet(quietMs: number, latestMs: number): Promise<void> {
	return new Promise((resolve) => {
		const begun = performance.now();
		let last = performance.now();
		let observer: PerformanceObserver | null = null;
		try {
			observer = new PerformanceObserver(() => (last = performance.now()));
			observer.observe({ type: 'resource' });
		} catch {
			observer = null;
		}
		const tick = (): void => {
			const now = performance.now();
			if (document.readyState === 'complete' && (now - last >= quietMs || now - begun >= latestMs)) {
				observer?.disconnect();
				resolve();
				return;
			}
			setTimeout(tick, Math.max(50, Math.min(quietMs - (now - last), latestMs - (now - begun))));
		};
		tick();
	});
}
