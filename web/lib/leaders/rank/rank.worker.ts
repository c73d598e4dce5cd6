// Web Worker entry: ranking a large union takes tens to hundreds of milliseconds, off the UI thread.
// Load with `new Worker(new URL('./rank.worker.ts', import.meta.url), { type: 'module' })` (client.ts).
import { createRankHandler, transferables, type RankRequest, type RankResponse } from './protocol';

/** The slice of DedicatedWorkerGlobalScope used here (the app's tsconfig has the DOM lib, not WebWorker). */
interface WorkerScope {
	onmessage: ((event: MessageEvent<RankRequest>) => void) | null;
	postMessage(message: RankResponse, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const handle = createRankHandler();
scope.onmessage = (event) => {
	const res = handle(event.data);
	scope.postMessage(res, transferables(res));
};
