// Form drafts kept in localStorage, so a failed publish (Ceramic down, signature rejected) or a
// reload never loses what the member typed. Keyed per account and per form.

export interface DraftStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

function storage(): DraftStore | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null; // storage disabled (privacy mode): drafts just don't persist
	}
}

export function draftKey(form: string, account: string | null): string {
	return `nu:draft:${form}:${account?.toLowerCase() ?? 'anonymous'}`;
}

export function saveDraft<T>(key: string, value: T, store: DraftStore | null = storage()): void {
	try {
		store?.setItem(key, JSON.stringify({ savedAt: Date.now(), value }));
	} catch {
		// Quota exceeded: keeping the form usable matters more than the draft.
	}
}

/** The stored draft, or null when none (or it is unreadable). `check` rejects a wrong shape. */
export function loadDraft<T>(key: string, check: (v: unknown) => v is T, store: DraftStore | null = storage()): T | null {
	const raw = store?.getItem(key);
	if (!raw) return null;
	try {
		const parsed = JSON.parse(raw) as { value?: unknown };
		return check(parsed.value) ? parsed.value : null;
	} catch {
		return null;
	}
}

export function clearDraft(key: string, store: DraftStore | null = storage()): void {
	store?.removeItem(key);
}
