// A paginated list (a union feed, a backed feed, one member's posts): the pages loaded so far, the
// cursor for older ones, and loading / error state. A page that came back empty (all tombstones) is
// followed straight away, so "Load more" never shows nothing while more exists. Knows no feature:
// social/feed.ts names the posts' one.
export interface Page<T> {
	items: T[];
	next: string | null;
}

export type PageLoader<T> = (cursor: string | null) => Promise<Page<T>>;

const MAX_EMPTY_PAGES = 5;

export class Feed<T extends { id: string }> {
	#items = $state.raw<T[]>([]);
	#next = $state<string | null>(null);
	#done = $state(false);
	#loading = $state(false);
	#error = $state<string | null>(null);
	#loader: PageLoader<T> | null = null;
	#attempt: string | null = null;
	#seq = 0;

	get items(): T[] {
		return this.#items;
	}
	get loading(): boolean {
		return this.#loading;
	}
	get error(): string | null {
		return this.#error;
	}
	/** True once the first page has arrived. */
	get loaded(): boolean {
		return this.#done || this.#items.length > 0 || this.#next !== null;
	}
	get hasMore(): boolean {
		return this.#next !== null;
	}

	/** Starts over with a new source (tab change, new union, after publishing). */
	async reset(loader: PageLoader<T>): Promise<void> {
		this.#loader = loader;
		this.#items = [];
		this.#next = null;
		this.#done = false;
		await this.#load(null);
	}

	async more(): Promise<void> {
		if (this.#next && !this.#loading) await this.#load(this.#next);
	}

	/** Repeats the page that failed. */
	async retry(): Promise<void> {
		if (!this.#loading) await this.#load(this.#attempt);
	}

	async #load(cursor: string | null): Promise<void> {
		const loader = this.#loader;
		if (!loader) return;
		this.#attempt = cursor;
		const seq = ++this.#seq;
		this.#loading = true;
		this.#error = null;
		try {
			let page = await loader(cursor);
			let fresh = page.items;
			for (let i = 0; fresh.length === 0 && page.next && i < MAX_EMPTY_PAGES; i++) {
				page = await loader(page.next);
				fresh = page.items;
			}
			if (seq !== this.#seq) return;
			const seen = new Set(this.#items.map((p) => p.id));
			this.#items = [...this.#items, ...fresh.filter((p) => !seen.has(p.id))];
			this.#next = page.next;
			this.#done = true;
		} catch (e) {
			if (seq === this.#seq) this.#error = e instanceof Error ? e.message : String(e);
		} finally {
			if (seq === this.#seq) this.#loading = false;
		}
	}
}
