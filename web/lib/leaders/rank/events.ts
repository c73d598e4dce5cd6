// The four union events the support rank needs, as plain data (structured-cloneable, so they cross
// postMessage to the rank worker unchanged). Addresses are compared case-insensitively.

/** Where an event sits in the chain; events carrying it are applied at most once, in order. */
export interface EventPosition {
	blockNumber?: number;
	logIndex?: number;
}

/** `path` is the contract's JoinPath: 0 Founder, 1 Open, 2 Invite, 3 Approval. */
export type SocialEvent = EventPosition &
	(
		| { kind: 'joined'; member: string; path: number }
		| { kind: 'left'; member: string }
		| { kind: 'backed'; backer: string; leader: string }
		| { kind: 'unbacked'; backer: string; leader: string }
	);

export const JOIN_PATH_FOUNDER = 0;
