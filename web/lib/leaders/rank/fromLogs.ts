// Synced union logs → the rank's plain events (keeping positions, so replays are applied once).
import type { UnionLog } from '../../sync/types';
import type { SocialEvent } from './events';

export function socialEventsFromLogs(logs: readonly UnionLog[]): SocialEvent[] {
	return logs.map((log): SocialEvent => {
		const at = { blockNumber: log.blockNumber, logIndex: log.logIndex };
		switch (log.eventName) {
			case 'MemberJoined':
				return { ...at, kind: 'joined', member: log.args.member, path: log.args.path };
			case 'MemberLeft':
				return { ...at, kind: 'left', member: log.args.member };
			case 'Backed':
				return { ...at, kind: 'backed', backer: log.args.backer, leader: log.args.leader };
			case 'Unbacked':
				return { ...at, kind: 'unbacked', backer: log.args.backer, leader: log.args.leader };
		}
	});
}
