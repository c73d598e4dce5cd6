// Sentences for Demands (collective demands and their commitments), by exact error name; typed from
// the generated ABI so a missing or misspelt name does not compile.
import type { ErrorSentences, ErrorsNamed } from '$lib/chain/errorSentences';

export const demandsErrors: ErrorSentences<ErrorsNamed<'Demands_'>> = {
	Demands_AlreadyActive: 'This demand already reached its threshold; commitments are locked',
	Demands_AlreadyCommitted: 'You are already committed to this demand',
	Demands_BadDeadline: 'The deadline must be in the future and at most a year away',
	Demands_EmptyText: 'The demand needs a text',
	Demands_Expired: 'This demand is past its deadline',
	Demands_InvalidSignature: 'The commitment signature does not match this demand',
	Demands_NotCommitted: 'You have no commitment to withdraw',
	Demands_NotMember: 'Only members can do this',
	Demands_UnknownDemand: 'This demand does not exist',
	Demands_UnknownUnion: 'The demands contract does not know this union',
	Demands_ZeroThreshold: 'The threshold must be at least one member'
};
