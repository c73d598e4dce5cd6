// The demo union sponsors its trusted members' gas (issue 15): its steward (the founder, before any hand-over)
// sets the rules on the shared paymaster — the default allow-list of taking-part calls and a budget per member
// and period — and funds the union's sponsorship balance. On a union whose steward is the timelock the same
// three calls go through a proposal (governance/actions.ts "Gas sponsorship").
import { parseEther, type Address } from 'viem';
import { unionPaymasterAbi } from '../../../web/lib/chain/abi/generated.ts';
import { DEFAULT_BUDGET_WEI, DEFAULT_PERIOD_SECONDS, defaultSponsored } from '../../../web/lib/sponsor/rules.ts';
import { localChain, send } from '../../lib/localChain.ts';

export interface SponsorshipSeedParams {
  rpcUrl: string;
  paymaster: Address;
  steward: Address;
  union: Address;
  governor: Address;
  crowdfund: Address | null;
  demands: Address | null;
  courses: Address | null;
  /** Wei put in the union's sponsorship balance (default 5 ETH). */
  funding?: bigint;
  budgetPerMember?: bigint;
  periodSeconds?: number;
}

export async function seedSponsorship(p: SponsorshipSeedParams): Promise<void> {
  const lc = localChain(p.rpcUrl);
  await send(lc, p.steward, {
    address: p.paymaster,
    abi: unionPaymasterAbi,
    functionName: 'setRules',
    args: [p.union, p.budgetPerMember ?? DEFAULT_BUDGET_WEI, p.periodSeconds ?? DEFAULT_PERIOD_SECONDS],
  });
  for (const { target, selectors } of defaultSponsored(p)) {
    await send(lc, p.steward, { address: p.paymaster, abi: unionPaymasterAbi, functionName: 'setAllowed', args: [p.union, target, selectors, true] });
  }
  await send(lc, p.steward, {
    address: p.paymaster,
    abi: unionPaymasterAbi,
    functionName: 'depositFor',
    args: [p.union],
    value: p.funding ?? parseEther('5'),
  });
}
