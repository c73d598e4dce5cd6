// The connected wallet: account, chain, EIP-1193 provider. web3-onboard is loaded only when the
// member clicks Connect (or when they connected before and come back).
import type { Address, EIP1193Provider } from 'viem';
import type { OnboardAPI } from '$lib/wallet/onboard';
import { getConfig } from '$lib/config';
import { presetFor } from '$lib/config/presets';
import type { Signer } from '$lib/chain/write';

const REMEMBER_KEY = 'nu:wallet:last';

type Status = 'disconnected' | 'connecting' | 'connected';

interface WalletSnapshot {
	label: string;
	provider: unknown;
	accounts: Array<{ address: string }>;
	chains: Array<{ id: string }>;
}

function rpcCode(e: unknown): number | undefined {
	if (typeof e !== 'object' || e === null) return undefined;
	const code = (e as { code?: unknown }).code;
	if (typeof code === 'number') return code;
	// MetaMask mobile nests the original error.
	const inner = (e as { data?: { originalError?: { code?: unknown } } }).data?.originalError?.code;
	return typeof inner === 'number' ? inner : undefined;
}

class Wallet {
	#status = $state<Status>('disconnected');
	#address = $state<Address | null>(null);
	#chainId = $state<number | null>(null);
	#label = $state<string | null>(null);
	#provider = $state.raw<EIP1193Provider | null>(null);
	#error = $state<string | null>(null);
	#switching = $state(false);
	#onboard: OnboardAPI | null = null;

	get status(): Status {
		return this.#status;
	}
	get address(): Address | null {
		return this.#address;
	}
	get chainId(): number | null {
		return this.#chainId;
	}
	get label(): string | null {
		return this.#label;
	}
	get provider(): EIP1193Provider | null {
		return this.#provider;
	}
	get error(): string | null {
		return this.#error;
	}
	get switching(): boolean {
		return this.#switching;
	}
	get connected(): boolean {
		return this.#status === 'connected' && this.#address !== null;
	}
	/** Connected, but to a chain other than config.json's. */
	get wrongChain(): boolean {
		return this.connected && this.#chainId !== getConfig().chain.id;
	}

	/** The signer chain actions need; throws a readable error when not ready. */
	signer(): Signer {
		if (!this.#provider || !this.#address) throw new Error('Connect your wallet first');
		if (this.wrongChain) throw new Error(`Switch your wallet to ${getConfig().chain.name} first`);
		return { provider: this.#provider, account: this.#address };
	}

	async #init(): Promise<OnboardAPI> {
		if (this.#onboard) return this.#onboard;
		const { createOnboard } = await import('$lib/wallet/onboard');
		const onboard = createOnboard(getConfig());
		onboard.state.select('wallets').subscribe((wallets) => this.#apply(wallets[0] as WalletSnapshot | undefined));
		this.#onboard = onboard;
		return onboard;
	}

	#apply(w: WalletSnapshot | undefined): void {
		const account = w?.accounts[0]?.address;
		if (!w || !account) {
			this.#status = this.#status === 'connecting' ? 'connecting' : 'disconnected';
			this.#address = null;
			this.#chainId = null;
			this.#provider = null;
			this.#label = null;
			return;
		}
		this.#status = 'connected';
		this.#address = account as Address;
		this.#chainId = w.chains[0] ? Number.parseInt(w.chains[0].id, 16) : null;
		this.#provider = w.provider as EIP1193Provider;
		this.#label = w.label;
		try {
			localStorage.setItem(REMEMBER_KEY, w.label);
		} catch {
			/* storage disabled: no auto-reconnect */
		}
	}

	/** Opens the wallet picker (EIP-6963 wallets and window.ethereum). */
	async connect(): Promise<void> {
		this.#error = null;
		this.#status = 'connecting';
		try {
			const onboard = await this.#init();
			const wallets = await onboard.connectWallet();
			if (wallets.length === 0) this.#status = 'disconnected';
		} catch (e) {
			this.#status = 'disconnected';
			this.#error = rpcCode(e) === 4001 ? 'You rejected the connection in your wallet' : `Could not connect: ${(e as Error).message}`;
		}
		if (this.#address) this.#status = 'connected';
	}

	/** Reconnects silently when this browser connected before (web3-onboard remembers the wallet). */
	async restore(): Promise<void> {
		let last: string | null = null;
		try {
			last = localStorage.getItem(REMEMBER_KEY);
		} catch {
			return;
		}
		if (!last || this.#onboard) return;
		try {
			await this.#init();
		} catch {
			/* ignore: the Connect button still works */
		}
	}

	async disconnect(): Promise<void> {
		const label = this.#label;
		try {
			localStorage.removeItem(REMEMBER_KEY);
		} catch {
			/* ignore */
		}
		if (this.#onboard && label) await this.#onboard.disconnectWallet({ label });
		this.#apply(undefined);
		this.#status = 'disconnected';
	}

	/** Asks the wallet to switch to the configured chain, adding it first if the wallet lacks it. */
	async switchChain(): Promise<void> {
		const provider = this.#provider;
		if (!provider) return;
		const { chain } = getConfig();
		const chainId = `0x${chain.id.toString(16)}` as const;
		this.#error = null;
		this.#switching = true;
		try {
			try {
				await provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId }] });
			} catch (e) {
				// 4902 = unknown chain; some wallets use -32603 with a message instead.
				if (rpcCode(e) !== 4902 && !/unrecognized|unknown chain|not added/i.test((e as Error).message ?? '')) throw e;
				const preset = presetFor(chain);
				await provider.request({
					method: 'wallet_addEthereumChain',
					params: [
						{
							chainId,
							chainName: preset.name,
							nativeCurrency: preset.nativeCurrency,
							rpcUrls: [chain.rpcUrl],
							blockExplorerUrls: preset.blockExplorer ? [preset.blockExplorer] : undefined
						}
					]
				});
			}
			// Some wallets do not emit chainChanged promptly; read it back.
			const now = await provider.request({ method: 'eth_chainId' });
			this.#chainId = Number.parseInt(String(now), 16);
		} catch (e) {
			this.#error = rpcCode(e) === 4001 ? 'You rejected the network switch in your wallet' : `Could not switch network: ${(e as Error).message}`;
		} finally {
			this.#switching = false;
		}
	}
}

export const wallet = new Wallet();
