// Sentences for the union's governance (OpenZeppelin Governor and TimelockController, and the
// union's clones of them), by exact error name; typed from the generated ABI so a missing or
// misspelt name does not compile.
import type { ErrorSentences, ErrorsNamed } from '$lib/chain/errorSentences';

export const governanceErrors: ErrorSentences<ErrorsNamed<'Governor' | 'Timelock' | 'UnionTimelock_' | 'UnionGovernor_'>> = {
	GovernorAlreadyCastVote: 'You already voted on this proposal',
	GovernorAlreadyQueuedProposal: 'This proposal is already queued',
	GovernorDisabledDeposit: 'The governor does not accept deposits',
	GovernorInsufficientProposerVotes: 'You do not have enough votes to make a proposal',
	GovernorInvalidProposalLength: 'A proposal needs as many values and calldatas as targets, and at least one action',
	GovernorInvalidQuorumFraction: 'The quorum must be a share between 0 and 100 percent',
	GovernorInvalidSignature: 'The vote’s signature is not valid',
	GovernorInvalidVoteParams: 'This vote carries parameters the governor does not take',
	GovernorInvalidVoteType: 'A vote is for, against or abstain',
	GovernorInvalidVotingPeriod: 'The voting period must be longer than zero',
	GovernorNonexistentProposal: 'There is no such proposal',
	GovernorOnlyExecutor: 'Only the union’s timelock can do this (through a proposal)',
	GovernorProposalQueueingFailed: 'The timelock did not accept this proposal into its queue',
	GovernorProposalQueueingNotRequired: 'This proposal does not need queueing',
	GovernorRestrictedProposer: 'Only the proposer can do this',
	GovernorUnableToCancel: 'This proposal can no longer be cancelled',
	GovernorUnexpectedProposalState: 'The proposal is not in the right state for this (voting may not be open yet, or it already moved on)',
	TimelockInsufficientDelay: 'The timelock delay is shorter than the minimum',
	TimelockInvalidOperationLength: 'The timelock needs as many values and calldatas as targets',
	TimelockUnauthorizedCaller: 'Only the union’s governance can do this',
	TimelockUnexecutedPredecessor: 'The timelock delay has not passed yet',
	TimelockUnexpectedOperationState: 'The timelock delay has not passed yet',
	UnionTimelock_BadTokenList: 'List each treasury token once, in increasing address order, and not the union’s own token',
	UnionTimelock_NotMember: 'Only members can exit with a share of the treasury',
	UnionTimelock_NotQueued: 'Exits are open only while a passed proposal waits in the timelock',
	UnionTimelock_VotedFor: 'You voted for this proposal, so you cannot exit on it',
	UnionTimelock_ZeroExit: 'Choose an amount above zero to exit with',
	UnionTimelock_UseGovernorInitializer: 'This timelock must be set up with its governor (the factory does this)',
	UnionGovernor_NotTreasury: 'Only the union’s own treasury records an exit: use Exit and take my share on the proposal’s page',
	UnionGovernor_ZeroQuorum: 'The quorum cannot be zero: any proposal with one vote would pass',
};
