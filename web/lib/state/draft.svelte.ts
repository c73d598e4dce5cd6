// A form kept as a localStorage draft (per account and per form) until the write it makes is confirmed:
// the draft is restored when the form or the account changes, saved on every input, and cleared (the
// form reset) once the write succeeds. Construct it during component initialisation (it starts an effect).
import { wallet } from '$lib/state/wallet.svelte';
import { TxProgress } from '$lib/state/tx.svelte';
import { clearDraft, draftKey, loadDraft, saveDraft } from '$lib/ceramic/drafts';

export class DraftForm<T> {
	/** What the member is editing; bind the inputs to it. */
	value: T;
	/** Whether `value` came from a stored draft. */
	restored: boolean;
	readonly tx = new TxProgress();
	readonly #name: () => string;
	readonly #blank: () => T;
	#loadedFor: string | null = null;

	/** `name` names the form (read reactively), `isDraft` rejects a stored draft of the wrong shape, `blank` is an empty form. */
	constructor(name: () => string, isDraft: (v: unknown) => v is T, blank: () => T) {
		this.#name = name;
		this.#blank = blank;
		this.value = $state(blank());
		this.restored = $state(false);
		$effect(() => {
			const key = this.key;
			if (this.#loadedFor === key) return;
			this.#loadedFor = key;
			const draft = loadDraft(key, isDraft);
			this.restored = draft !== null;
			this.value = draft ?? blank();
		});
	}

	get key(): string {
		return draftKey(this.#name(), wallet.address);
	}

	/** Saves the draft (for a connected account); an `oninput` handler. */
	readonly persist = (): void => {
		if (wallet.address) saveDraft(this.key, $state.snapshot(this.value));
	};

	/**
	 * Saves the draft, then runs `write` on a snapshot of the form under `tx`; on success clears the draft and
	 * resets the form. Returns whether the write succeeded (a failure shows through `tx`).
	 */
	async publish(write: (value: T, step: (text: string) => void) => Promise<unknown>): Promise<boolean> {
		this.persist();
		const snapshot = $state.snapshot(this.value) as T;
		const done = await this.tx.run(async () => {
			await write(snapshot, (text) => this.tx.preparing(text));
			return true;
		});
		if (!done) return false;
		clearDraft(this.key);
		this.restored = false;
		this.value = this.#blank();
		return true;
	}
}
