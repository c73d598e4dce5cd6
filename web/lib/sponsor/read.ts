// What a union's gas sponsorship looks like (issue 15): its rules and balance on the paymaster, and what it
// paid, per member and per action, summed from the paymaster's `Sponsored` events.
import type { Address, Hex } from 'viem';
import { getConfig } from '$lib/config';
import { unionPaymasterAbi } from '$lib/chain/abi/generated';
import { read } from '$lib/chain/read';
import { sponsorableName } from './rules';

export interface SponsorshipSummary {
	paymaster: Address;
	/** Wei left in the union's sponsorship balance. */
	balance: bigint;
	budgetPerMember: bigint;
	periodSeconds: number;
	/** Wei paid in all, and how many actions. */
	totalPaid: bigint;
	actions: number;
	perMember: { member: Address; paid: bigint; actions: number }[];
	perAction: { action: string; paid: bigint; actions: number }[];
}

export function actionName(selector: Hex): string {
	return sponsorableName(selector) ?? selector;
}

/** null where config.json names no paymaster. */
export async function sponsorshipOf(union: Address): Promise<SponsorshipSummary | null> {
	const s = getConfig().sponsorship;
	if (!s) return null;
	return read(async ({ client, events }) => {
		const [balance, rules, logs] = await Promise.all([
			client.readContract({ address: s.paymaster, abi: unionPaymasterAbi, functionName: 'balanceOf', args: [union] }),
			client.readContract({ address: s.paymaster, abi: unionPaymasterAbi, functionName: 'rulesOf', args: [union] }),
			events((range) => client.getContractEvents({ address: s.paymaster, abi: unionPaymasterAbi, eventName: 'Sponsored', args: { union }, ...range }))
		]);
		const members = new Map<Address, { paid: bigint; actions: number }>();
		const actions = new Map<string, { paid: bigint; actions: number }>();
		let totalPaid = 0n;
		for (const log of logs) {
			const { member, selector, charged } = log.args;
			if (!member || !selector || charged === undefined) continue;
			totalPaid += charged;
			const m = members.get(member) ?? { paid: 0n, actions: 0 };
			members.set(member, { paid: m.paid + charged, actions: m.actions + 1 });
			const name = actionName(selector);
			const a = actions.get(name) ?? { paid: 0n, actions: 0 };
			actions.set(name, { paid: a.paid + charged, actions: a.actions + 1 });
		}
		const byPaid = <T extends { paid: bigint }>(x: T, y: T): number => (x.paid === y.paid ? 0 : x.paid > y.paid ? -1 : 1);
		return {
			paymaster: s.paymaster,
			balance,
			budgetPerMember: rules.budgetPerMember,
			periodSeconds: rules.period,
			totalPaid,
			actions: logs.length,
			perMember: [...members].map(([member, v]) => ({ member, ...v })).sort(byPaid),
			perAction: [...actions].map(([action, v]) => ({ action, ...v })).sort(byPaid)
		};
	});
}
