// The lookup of contract-error sentences by exact name, apart from the decoding in errors.ts so the
// root layout can register the tables (web/lib/contractErrors.ts) without loading viem's decoder or
// the errors ABI: only types come from the ABI here. Each feature owns the table of its contracts'
// errors, so this adapter imports no feature.
import type { contractErrorsAbi } from './abi/generated';

/** Every custom error name the app's contracts can raise, from the generated errors ABI. */
export type ContractErrorName = (typeof contractErrorsAbi)[number]['name'];
/** The errors whose names start with one of the prefixes (a contract's, e.g. `Escrow_`). */
export type ErrorsNamed<P extends string> = Extract<ContractErrorName, `${P}${string}`>;
/**
 * Errors of audited library code (OpenZeppelin ERC-20, ECDSA, …): no contract prefix. Governor and
 * Timelock errors are the governance feature's.
 */
export type LibraryErrorName = Exclude<ContractErrorName, `${string}_${string}` | `Governor${string}` | `Timelock${string}`>;
/** A sentence for each error of a set, by exact name; a missing or misspelt name does not compile. */
export type ErrorSentences<N extends ContractErrorName> = { readonly [K in N]: string };

const sentences = new Map<string, string>();

/** Adds sentences to the lookup (later registrations win for the same name). */
export function registerErrorSentences(table: Readonly<Partial<Record<ContractErrorName, string>>>): void {
	for (const [name, sentence] of Object.entries(table)) if (sentence !== undefined) sentences.set(name, sentence);
}

/** "Union_InviteAlreadyUsed" → "invite already used". */
function humanise(errorName: string): string {
	const bare = errorName.includes('_') ? errorName.slice(errorName.indexOf('_') + 1) : errorName;
	return bare
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.toLowerCase();
}

/** Sentence for a decoded contract error name (exact name; words from the name when there is none). */
export function contractErrorSentence(errorName: string): string {
	return sentences.get(errorName) ?? `The contract refused: ${humanise(errorName)}`;
}
