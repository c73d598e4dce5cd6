// What the pages call to write posts and replies as the connected wallet: sign in to Ceramic
// (a did-session, one SIWE signature per week) and then write. `step` reports progress in words;
// every failure comes back as one sentence (CeramicError), e.g. "Cannot reach Ceramic at …".
import type { Signer } from '$lib/chain/write';
import type { Address } from './check';
import { CeramicError, describeCeramicError } from '../ceramic/client';
import { signedInCeramic } from '../ceramic/writer';
import { deletePost, editPost, publishPost, type PostInput } from './posts';
import { deleteReply, editReply, publishReply } from './replies';
import type { CeramicClient } from '@ceramicnetwork/http-client';

export type Step = (text: string) => void;

async function asMember<T>(signer: Signer, step: Step, doing: string, fn: (ceramic: CeramicClient) => Promise<T>): Promise<T> {
	try {
		step('Signing in to Ceramic (your wallet may ask for a signature)…');
		const ceramic = await signedInCeramic(signer.provider, signer.account);
		step(doing);
		return await fn(ceramic);
	} catch (e) {
		throw e instanceof CeramicError ? e : new CeramicError(describeCeramicError(e), { cause: e });
	}
}

export function publishPostAs(signer: Signer, union: Address, input: PostInput, step: Step): Promise<string> {
	return asMember(signer, step, 'Publishing to Ceramic…', (c) => publishPost(c, union, input));
}

export function editPostAs(signer: Signer, id: string, input: PostInput, step: Step): Promise<void> {
	return asMember(signer, step, 'Saving your changes…', (c) => editPost(c, id, input));
}

export function deletePostAs(signer: Signer, id: string, step: Step): Promise<void> {
	return asMember(signer, step, 'Deleting…', (c) => deletePost(c, id));
}

export function publishReplyAs(signer: Signer, post: { id: string; union: Address }, body: string, step: Step): Promise<string> {
	return asMember(signer, step, 'Publishing your reply…', (c) => publishReply(c, post, body));
}

export function editReplyAs(signer: Signer, id: string, body: string, step: Step): Promise<void> {
	return asMember(signer, step, 'Saving your reply…', (c) => editReply(c, id, body));
}

export function deleteReplyAs(signer: Signer, id: string, step: Step): Promise<void> {
	return asMember(signer, step, 'Deleting your reply…', (c) => deleteReply(c, id));
}
