// web3-onboard, created on first Connect click (dynamic import: its connect path is ~300 KB gzip).
// The injected module discovers wallets through EIP-6963 announcements as well as window.ethereum.
import Onboard, { type OnboardAPI } from '@web3-onboard/core';
import injectedModule from '@web3-onboard/injected-wallets';
import type { AppConfig } from '$lib/config';
import { presetFor } from '$lib/config/presets';

const ICON =
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#2d6a4f"/><circle cx="10" cy="13" r="3" fill="#fff"/><circle cx="22" cy="13" r="3" fill="#fff"/><circle cx="16" cy="22" r="3" fill="#fff"/></svg>';

export function createOnboard(config: AppConfig): OnboardAPI {
	const preset = presetFor(config.chain);
	return Onboard({
		wallets: [injectedModule()],
		chains: [
			{
				id: `0x${config.chain.id.toString(16)}`,
				token: preset.nativeCurrency.symbol,
				label: preset.name,
				rpcUrl: config.chain.rpcUrl,
				...(preset.blockExplorer ? { blockExplorerUrl: preset.blockExplorer } : {})
			}
		],
		appMetadata: {
			name: 'Network Union',
			icon: ICON,
			description: 'Found a union, join it, own your profile.'
		},
		// Our header shows account and chain; the floating account center would duplicate it.
		accountCenter: { desktop: { enabled: false }, mobile: { enabled: false } },
		connect: { autoConnectLastWallet: true, showSidebar: false },
		notify: { enabled: false },
		// Otherwise it downloads a web font from the internet (fails offline, leaks the visit).
		disableFontDownload: true,
		theme: 'system'
	});
}

export type { OnboardAPI };
