// Progress of one write: idle → (preparing) → signing → pending → confirmed | failed.
// Each form owns an instance; <TxStatus> renders it.
import type { Hash } from 'viem';
import type { TxObserver } from '$lib/chain/write';

export type TxPhase = 'idle' | 'preparing' | 'signing' | 'pending' | 'confirmed' | 'failed';

export class TxProgress {
	#phase = $state<TxPhase>('idle');
	#detail = $state<string | null>(null);
	#hash = $state<Hash | null>(null);
	#error = $state<string | null>(null);
	#sponsored = $state(false);
	#paidByUnion = $state<bigint | null>(null);
	#batch = $state<{ calls: number; atomic: boolean } | null>(null);

	get phase(): TxPhase {
		return this.#phase;
	}
	/** Extra text for the current phase (e.g. "Uploading charter… 40%"). */
	get detail(): string | null {
		return this.#detail;
	}
	get hash(): Hash | null {
		return this.#hash;
	}
	get error(): string | null {
		return this.#error;
	}
	/** The union pays this action's gas (issue 15). */
	get sponsored(): boolean {
		return this.#sponsored;
	}
	/** Wei of gas the union paid, once included. */
	get paidByUnion(): bigint | null {
		return this.#paidByUnion;
	}
	/** The act goes as several calls in one wallet request (EIP-5792), atomically or in order. */
	get batch(): { calls: number; atomic: boolean } | null {
		return this.#batch;
	}
	get busy(): boolean {
		return this.#phase === 'preparing' || this.#phase === 'signing' || this.#phase === 'pending';
	}

	/** Callbacks handed to chain actions. */
	readonly observer: TxObserver = {
		signing: () => {
			this.#phase = 'signing';
			this.#detail = null;
		},
		pending: (hash) => {
			this.#phase = 'pending';
			this.#hash = hash;
		},
		sponsored: () => {
			this.#sponsored = true;
		},
		paidByUnion: (wei) => {
			this.#paidByUnion = wei;
		},
		batched: (calls, atomic) => {
			this.#batch = { calls, atomic };
		}
	};

	preparing(detail: string): void {
		this.#phase = 'preparing';
		this.#detail = detail;
	}

	/**
	 * Runs `fn`, tracking its phases; returns its result, or undefined when it failed (the
	 * failure is shown through `error`, so callers need no try/catch).
	 */
	async run<T>(fn: (observer: TxObserver) => Promise<T>): Promise<T | undefined> {
		this.#phase = 'preparing';
		this.#detail = null;
		this.#hash = null;
		this.#error = null;
		this.#sponsored = false;
		this.#paidByUnion = null;
		this.#batch = null;
		try {
			const result = await fn(this.observer);
			this.#phase = 'confirmed';
			this.#detail = null;
			return result;
		} catch (e) {
			this.#phase = 'failed';
			this.#error = e instanceof Error ? e.message : String(e);
			return undefined;
		}
	}

	reset(): void {
		this.#phase = 'idle';
		this.#detail = null;
		this.#hash = null;
		this.#error = null;
		this.#sponsored = false;
		this.#paidByUnion = null;
		this.#batch = null;
	}
}
