// Sentences for Crowdfund (campaigns, pledges, matching rounds), by exact error name; typed from the
// generated ABI so a missing or misspelt name does not compile.
import type { ErrorSentences, ErrorsNamed } from '$lib/chain/errorSentences';

export const fundErrors: ErrorSentences<ErrorsNamed<'Crowdfund_'>> = {
	Crowdfund_AlreadyClaimed: 'The funds of this campaign were already paid out',
	Crowdfund_AlreadyFinalized: 'This campaign’s match was already worked out for its round',
	Crowdfund_BadDeadline: 'The deadline must be in the future and within a year',
	Crowdfund_BadRoundWindow: 'A matching round must start before it ends',
	Crowdfund_CampaignEnded: 'This campaign’s deadline has passed: pledges can no longer change',
	Crowdfund_CampaignNotEnded: 'This campaign is still running: wait for its deadline',
	Crowdfund_DeadlineOutsideRound: 'The deadline must fall inside the matching round',
	Crowdfund_FinalizationClosed: 'The round’s finalisation week is over: matches can no longer be worked out',
	Crowdfund_FinalizationOpen: 'Matches can be paid once the round’s finalisation week is over',
	Crowdfund_GoalMet: 'This campaign reached its goal, so pledges are not refunded',
	Crowdfund_GoalNotMet: 'This campaign did not reach its goal',
	Crowdfund_GoalTooLarge: 'The goal is larger than a campaign can hold (79 billion tokens)',
	Crowdfund_InsufficientPledge: 'You cannot take back more than you pledged',
	Crowdfund_MatchAlreadyClaimed: 'This campaign’s match was already paid out',
	Crowdfund_NotFinalized: 'This campaign’s match has not been worked out yet, so there is nothing to pay',
	Crowdfund_NotInRound: 'This campaign is in no matching round',
	Crowdfund_NotMember: 'Only members can do this',
	Crowdfund_NotSteward: 'Only the union’s steward can do this',
	Crowdfund_NothingToRefund: 'You have no pledge to take back here',
	Crowdfund_NothingToSweep: 'Nothing of this round’s pool is left to return to the treasury',
	Crowdfund_RoundEnded: 'This matching round has ended',
	Crowdfund_RoundNotEnded: 'This matching round has not ended yet',
	Crowdfund_RoundOfOtherUnion: 'This matching round belongs to another union',
	Crowdfund_UnknownCampaign: 'There is no such campaign',
	Crowdfund_UnknownRound: 'There is no such matching round',
	Crowdfund_UnknownUnion: 'The crowdfunding contract does not know this union',
	Crowdfund_ZeroAmount: 'Enter an amount above zero',
	Crowdfund_ZeroRecipient: 'The campaign needs a recipient address'
};
