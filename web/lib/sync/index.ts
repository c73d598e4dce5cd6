// Chunked, cached, reorg-aware log sync for a union contract (no indexer).
export { syncUnionLogs, DEFAULT_CHUNK_SIZE, DEFAULT_REORG_DEPTH, type SyncOptions, type SyncResult, type SyncProgress, type RetryOptions } from './syncLogs';
export { MemorySyncStore, type SyncStore } from './store';
export { IdbSyncStore, SYNC_DB_NAME } from './idbStore';
export { SyncError, isRangeTooLargeError, isTransientError, providerRefusal, describeSyncRetry, describeProviderError, type ProviderRefusal, type SyncRetry } from './errors';
export { compareLogs, scopeKey, type UnionLog, type UnionEventName, type LogPosition, type SyncScope, type SyncCursor, type SyncStream } from './types';
export { walkRanges, withRetry, type RangeOptions, type RangeWalk } from './ranges';
