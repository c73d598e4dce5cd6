// Replacing a Ceramic document's content. A write is a commit on the tip the client last read; when
// the node has moved the stream on since (another client's commit, or an anchor commit landing between
// the read and the write — minutes after a write on a production anchor service; the local stack's node
// anchors nothing, scripts/stack/ceramic/daemon.ts), the node refuses it as built "on stale state" and its own message says to sync. So: sync, rebuild the
// content from what the document holds now, and write again.
// No $lib imports: the stack's seed scripts use it too.

/** The part of a ModelInstanceDocument a replace needs (a plain object in tests). */
export interface Replaceable<T> {
	readonly content: T;
	replace(content: T): Promise<void>;
	sync(): Promise<void>;
}

/** Writes `next(current content)`, syncing and rebuilding it after a stale-state refusal (`attempts` writes at most). */
export async function replaceSynced<T>(doc: Replaceable<T>, next: (current: T) => T, attempts = 3): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			await doc.replace(next(doc.content));
			return;
		} catch (e) {
			if (attempt >= attempts || !isStaleWrite(e)) throw e;
			await doc.sync();
		}
	}
}

/** Whether the node refused a commit because the stream had moved on (js-ceramic's state-manipulator). */
export function isStaleWrite(e: unknown): boolean {
	return e instanceof Error && e.message.includes('builds on stale state');
}
