// Sentences for the errors of audited library code every contract may raise (OpenZeppelin's ERC-20,
// Permit, Votes, ECDSA, SafeCast, …: names without a contract prefix), by exact name. Typed from the
// generated ABI: a new library error without a sentence does not compile. Feature contracts' errors
// live with their feature (union/errors.ts, market/errors.ts, …).
import type { ErrorSentences, LibraryErrorName } from './errorSentences';

export const libraryErrors: ErrorSentences<LibraryErrorName> = {
	AccessControlBadConfirmation: 'Only the account itself can give up its role',
	AccessControlUnauthorizedAccount: 'Your account does not hold the role this needs',
	CheckpointUnorderedInsertion: 'The vote record cannot be written out of order',
	CloneArgumentsTooLong: 'The union’s names and charter are too long to create it; shorten them',
	ECDSAInvalidSignature: 'The signature is not valid',
	ECDSAInvalidSignatureLength: 'The signature has the wrong length',
	ECDSAInvalidSignatureS: 'The signature is not valid',
	ERC20ExceededSafeSupply: 'This would mint more tokens than votes can count',
	ERC20InsufficientAllowance: 'The escrow is not allowed to take these tokens yet (approve first)',
	ERC20InsufficientBalance: 'You do not have enough tokens for this',
	ERC20InvalidApprover: 'The approving account is not valid',
	ERC20InvalidReceiver: 'Tokens cannot be sent to this address',
	ERC20InvalidSender: 'Tokens cannot be sent from this address',
	ERC20InvalidSpender: 'This address cannot be allowed to spend tokens',
	ERC2612ExpiredSignature: 'The token permit expired before it was used; try again',
	ERC2612InvalidSigner: 'The token permit was not signed by the account that holds the tokens',
	ERC5805FutureLookup: 'Votes can only be counted for a moment that has passed',
	ERC6372InconsistentClock: 'The token’s clock does not match the governor’s',
	ExecuteError: 'A call in the batch failed',
	FailedCall: 'A call inside the transaction failed',
	FailedDeployment: 'A contract could not be deployed',
	InsufficientBalance: 'The contract does not hold enough to pay this',
	InvalidAccountNonce: 'The signature was already used or is out of order',
	InvalidCliffDuration: 'The vesting cliff must not be longer than the vesting period',
	InvalidInitialization: 'This contract was already set up',
	InvalidShortString: 'A name is too long',
	NotInitializing: 'This can only happen while the contract is being set up',
	OwnableInvalidOwner: 'That address cannot own this contract',
	OwnableUnauthorizedAccount: 'Only the owner of this contract can do this',
	ReentrancyGuardReentrantCall: 'The contract refused a call back into itself',
	SafeCastOverflowedUintDowncast: 'A number is too large for the contract',
	SafeERC20FailedOperation: 'A token transfer failed',
	StringTooLong: 'A name is too long',
	VotesExpiredSignature: 'The delegation signature expired before it was used'
};
