// Loads config.json once, relative to the document (so it works under /ipfs/<cid>/ too).
import { ConfigError, parseConfig } from './parse';
import type { AppConfig } from './types';

export type { AppConfig, Address, ChainConfig, CeramicConfig, IpfsConfig, ContractsConfig } from './types';
export { ConfigError, parseConfig } from './parse';
export { NETWORK_PRESETS, presetFor, type NetworkPreset } from './presets';

let pending: Promise<AppConfig> | null = null;
let loaded: AppConfig | null = null;

/**
 * URL of config.json beside index.html. document.baseURI (not location) because the hash router
 * keeps the path at the directory holding index.html, and a <base> would be honoured.
 */
export function configUrl(base: string = typeof document === 'undefined' ? 'http://localhost/' : document.baseURI): string {
	return new URL('./config.json', base.split('#')[0]).href;
}

/** Fetches and validates config.json; cached after the first success. */
export function loadConfig(fetchFn: typeof fetch = fetch): Promise<AppConfig> {
	if (loaded) return Promise.resolve(loaded);
	if (!pending) {
		const url = configUrl();
		pending = (async () => {
			let res: Response;
			try {
				res = (await takeEarlyRequest(fetchFn)) ?? (await fetchFn(url, { cache: 'no-cache' }));
			} catch (e) {
				throw new ConfigError('(file)', `could not be fetched from ${url}: ${(e as Error).message}`);
			}
			if (!res.ok) throw new ConfigError('(file)', `could not be fetched from ${url}: HTTP ${res.status}`);
			let json: unknown;
			try {
				json = await res.json();
			} catch {
				throw new ConfigError('(file)', `at ${url} is not valid JSON`);
			}
			loaded = parseConfig(json);
			return loaded;
		})();
		// A failed load can be retried (e.g. after the user fixes the file and presses Retry).
		pending.catch(() => {
			pending = null;
		});
	}
	return pending;
}

/**
 * The request index.html's inline script started for ./config.json (scripts/site/route-preload.ts),
 * the same ./config.json beside the document, so the file arrives with the entry's chunks instead of
 * after them; taken once, and not when a test injects its own fetch. A failed early request is asked again.
 */
const EARLY_CONFIG_GLOBAL = '__nuEarlyConfig';

async function takeEarlyRequest(fetchFn: typeof fetch): Promise<Response | null> {
	const holder = globalThis as { [EARLY_CONFIG_GLOBAL]?: Promise<Response> };
	const early = holder[EARLY_CONFIG_GLOBAL];
	delete holder[EARLY_CONFIG_GLOBAL];
	if (!early || fetchFn !== globalThis.fetch) return null;
	try {
		const res = await early;
		return res.ok ? res : null;
	} catch {
		return null;
	}
}

/** The config, for code that runs only after the layout has loaded it. */
export function getConfig(): AppConfig {
	if (!loaded) throw new Error('config.json has not been loaded yet');
	return loaded;
}

/** Test hook / hot reload: forget the cached config. */
export function resetConfig(value: AppConfig | null = null): void {
	loaded = value;
	pending = null;
}
