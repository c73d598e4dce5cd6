// ipfs-core 0.13 ships types that its package.json "exports" hides from TypeScript; declare the
// little this stack uses.
declare module 'ipfs-core' {
  export interface IPFS {
    id(): Promise<{ id: unknown; agentVersion: string; addresses: unknown[] }>;
    stop(): Promise<void>;
  }
  export function create(options: Record<string, unknown>): Promise<IPFS>;
}
