// An async value with loading / error / data, for lists and details fetched by lib modules.
// A newer load() supersedes an older one, so a slow answer for a previous route never wins.

export class Resource<T> {
	#data = $state.raw<T | undefined>(undefined);
	#error = $state<string | null>(null);
	#loading = $state(false);
	#seq = 0;

	get data(): T | undefined {
		return this.#data;
	}
	get error(): string | null {
		return this.#error;
	}
	get loading(): boolean {
		return this.#loading;
	}

	async load(fn: () => Promise<T>, opts: { keepData?: boolean } = {}): Promise<void> {
		const seq = ++this.#seq;
		this.#loading = true;
		this.#error = null;
		if (!opts.keepData) this.#data = undefined;
		try {
			const value = await fn();
			if (seq === this.#seq) this.#data = value;
		} catch (e) {
			if (seq === this.#seq) this.#error = e instanceof Error ? e.message : String(e);
		} finally {
			if (seq === this.#seq) this.#loading = false;
		}
	}
}
