// Sentences for the union's own contracts (Union, UnionFactory, UnionToken, UnionVestingWallet), by
// exact error name. The type lists every such error of the generated ABI: a missing or misspelt
// name does not compile, and test/unit/web/errors.test.ts checks the whole table against the ABI.
import type { ErrorSentences, ErrorsNamed } from '$lib/chain/errorSentences';

export const unionErrors: ErrorSentences<ErrorsNamed<'Union_' | 'UnionFactory_' | 'UnionToken_' | 'UnionVestingWallet_'>> = {
	Union_AlreadyBacking: 'You already back this member',
	Union_AlreadyGoverned: 'This union is already run by its governance',
	Union_AlreadyMember: 'You are already a member',
	Union_InvalidInviteSignature: 'This invite’s signature is not valid (or its inviter is no longer a member)',
	Union_InviteExpired: 'This invite has expired',
	Union_InviteNotForCaller: 'This invite was made for a different account',
	Union_InviteUsed: 'This invite was already used',
	Union_InvitesNotAccepted: 'This union does not accept invites',
	Union_NoPendingRequest: 'There is no pending request to answer',
	Union_NotBacking: 'You do not back this member',
	Union_NotMember: 'Only members can do this',
	Union_NotSteward: 'Only the union’s steward can do this',
	Union_RequestPending: 'You already asked to join; the steward has not answered yet',
	Union_SelfBacking: 'You cannot back yourself',
	Union_WrongAdmissionRule: 'This union does not accept members this way',
	UnionFactory_CliffAfterEnd: 'The vesting cliff must not be longer than the vesting period',
	UnionFactory_TooManyAllocations: 'At most 16 founder allocations are allowed',
	UnionFactory_ZeroAllocation: 'Every allocation needs an amount above zero',
	UnionFactory_ZeroBeneficiary: 'Every allocation needs a beneficiary address',
	UnionFactory_ZeroImplementation: 'This union factory was deployed without one of its implementations; it cannot create unions',
	UnionToken_NotInitialMinter: 'Only the union factory can make the first mint of a union’s token',
	UnionToken_NotMinter: 'Only the union can mint its token',
	UnionToken_NotUnion: 'Only the union can do this to its token',
	UnionVestingWallet_UseCliffInitializer: 'This vesting wallet must be set up with its cliff (the factory does this)'
};
