import { describe, expect, it } from 'vitest';
import { clearDraft, draftKey, loadDraft, saveDraft, type DraftStore } from '$lib/ceramic/drafts';
import { formatTokenAmount, parseTokenAmount } from '$lib/chain/amounts';

function memoryStore(): DraftStore & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const isNamed = (v: unknown): v is { name: string } => typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string';

describe('drafts', () => {
	it('survive a save/load round trip per account', () => {
		const store = memoryStore();
		const key = draftKey('profile', '0xABC');
		saveDraft(key, { name: 'Ada' }, store);
		expect(loadDraft(draftKey('profile', '0xabc'), isNamed, store)).toEqual({ name: 'Ada' });
		expect(loadDraft(draftKey('profile', '0xdef'), isNamed, store)).toBeNull();
	});

	it('ignore corrupt or wrongly shaped drafts', () => {
		const store = memoryStore();
		store.setItem('k1', '{not json');
		store.setItem('k2', JSON.stringify({ value: { nom: 'x' } }));
		expect(loadDraft('k1', isNamed, store)).toBeNull();
		expect(loadDraft('k2', isNamed, store)).toBeNull();
	});

	it('are removed after a successful publish', () => {
		const store = memoryStore();
		saveDraft('k', { name: 'Ada' }, store);
		clearDraft('k', store);
		expect(loadDraft('k', isNamed, store)).toBeNull();
	});
});

describe('token amounts', () => {
	it('parse whole and fractional amounts at 18 decimals', () => {
		expect(parseTokenAmount('100')).toBe(100n * 10n ** 18n);
		expect(parseTokenAmount('0.5')).toBe(5n * 10n ** 17n);
		expect(parseTokenAmount('1,000,000')).toBe(10n ** 24n);
	});
	it('refuse malformed input', () => {
		expect(parseTokenAmount('-1')).toBeNull();
		expect(parseTokenAmount('1e5')).toBeNull();
		expect(parseTokenAmount('0.' + '1'.repeat(19))).toBeNull();
	});
	it('format back without trailing zeros', () => {
		expect(formatTokenAmount(5n * 10n ** 17n)).toBe('0.5');
		expect(formatTokenAmount(100n * 10n ** 18n)).toBe('100');
	});
});
