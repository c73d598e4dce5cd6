// Demo market for the seeded union: the founder appoints three arbiters (so disputes can draw a panel
// that excludes both parties in a deal between any two other members), and members publish a few
// services and a job on Ceramic. Called once from seedDemo, which is itself idempotent.
import type { Address } from 'viem';
import { unionArbitersAbi } from '../../../web/lib/chain/abi/generated.ts';
import { localChain, send } from '../../lib/localChain.ts';
import { jsonRpcProvider } from '../ceramic/eip1193.ts';
import { writeListings } from '../ceramic/writeListing.ts';

export interface MarketSeedParams {
  rpcUrl: string;
  ceramicUrl: string;
  serviceModel: string;
  jobModel: string;
  arbiters: Address | null;
  union: Address;
  founder: Address;
  /** Other members, in seed order: [Ben, Chen, Dara]. */
  members: [Address, Address, Address];
}

export async function seedMarket(p: MarketSeedParams): Promise<void> {
  const lc = localChain(p.rpcUrl);
  const [ben, chen, dara] = p.members;
  if (p.arbiters) {
    for (const arbiter of [p.founder, ben, dara]) {
      await send(lc, p.founder, { address: p.arbiters, abi: unionArbitersAbi, functionName: 'appoint', args: [p.union, arbiter] });
    }
  }
  const union = p.union;
  await writeListings({ ceramicUrl: p.ceramicUrl, provider: jsonRpcProvider(p.rpcUrl, ben), address: ben }, [
    {
      model: p.serviceModel,
      content: { union, title: 'Legal translation, French → English', description: 'Contracts, court papers and certificates, up to 3,000 words.', price: '120', deliveryDays: 5, tags: ['legal', 'french'], status: 'open' },
    },
    {
      model: p.serviceModel,
      content: { union, title: 'Igbo proofreading', description: 'A second pair of eyes on any Igbo text.', price: '40', deliveryDays: 2, tags: ['igbo', 'proofreading'], status: 'open' },
    },
  ]);
  await writeListings({ ceramicUrl: p.ceramicUrl, provider: jsonRpcProvider(p.rpcUrl, chen), address: chen }, [
    {
      model: p.serviceModel,
      content: { union, title: 'Subtitles for a short film', description: 'Timed SRT subtitles in Mandarin or English, up to 20 minutes.', price: '200', deliveryDays: 7, tags: ['subtitles', 'mandarin'], status: 'open' },
    },
  ]);
  await writeListings({ ceramicUrl: p.ceramicUrl, provider: jsonRpcProvider(p.rpcUrl, p.founder), address: p.founder }, [
    {
      model: p.jobModel,
      content: { union, role: 'Glossary editor', description: 'Maintain the union’s shared legal glossary for a month.', pay: '300', howToApply: 'Send Ada a short note with two glossary entries you would improve.', status: 'open' },
    },
  ]);
}
