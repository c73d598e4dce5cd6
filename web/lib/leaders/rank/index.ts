// Support rank: personalised PageRank over the backing graph (formula in pagerank.ts).
export { buildCsr, pageRank, teleportVector, backerCounts, type Csr, type PageRankOptions, type PageRankResult } from './pagerank';
export { BackingGraph, type GraphCsr } from './graph';
export { SupportRank, rankEvents, DEFAULT_SEED_COUNT, type SupportRankOptions, type SupportRanking, type LeaderScore } from './supportRank';
export { JOIN_PATH_FOUNDER, type SocialEvent, type EventPosition } from './events';
export { socialEventsFromLogs } from './fromLogs';
export type { RankRequest, RankResponse } from './protocol';
export { appendCompact, emptyCompact, unpackCompact, isAfter, type CompactEvents } from './compact';
