// The built index.html carries SvelteKit's CSP <meta> (kit.csp, hash mode). Two things SvelteKit
// cannot do for a site whose endpoints live in a runtime config.json:
// - after fix-paths rewrites URLs inside the inline boot script, its sha256 must be recomputed;
// - connect-src / img-src must name the network's RPC, Ceramic and IPFS origins, which are known
//   only when a build is staged with a config.json (local stack, `npm run publish`).
import { createHash } from 'node:crypto';

const META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;
/** Inline scripts only: no src attribute. */
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

export function cspOf(html: string): string | null {
  return META.exec(html)?.[2] ?? null;
}

function mapDirectives(policy: string, fn: (name: string, values: string[]) => string[]): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map((d) => {
      const [name, ...values] = d.split(/\s+/);
      return [name, ...fn(name, values)].join(' ');
    })
    .join('; ');
}

function withPolicy(html: string, fn: (policy: string) => string): string {
  if (!META.test(html)) throw new Error('index.html has no content-security-policy <meta>: is kit.csp set in svelte.config.js?');
  return html.replace(META, (_m, a: string, policy: string, c: string) => `${a}${fn(policy)}${c}`);
}

/** script-src gets exactly the hashes of the inline scripts the page now has. */
export function rehashInlineScripts(html: string): string {
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  return withPolicy(html, (policy) =>
    mapDirectives(policy, (name, values) => (name === 'script-src' ? [...values.filter((v) => !v.startsWith("'sha256-")), ...hashes] : values)),
  );
}

/** Adds origins to connect-src and img-src (deduplicated, order kept). */
export function addOrigins(html: string, origins: { connect: string[]; img: string[] }): string {
  const add = (values: string[], extra: string[]): string[] => [...new Set([...values, ...extra])];
  return withPolicy(html, (policy) =>
    mapDirectives(policy, (name, values) => (name === 'connect-src' ? add(values, origins.connect) : name === 'img-src' ? add(values, origins.img) : values)),
  );
}

/**
 * Every origin a config.json names: any string in it that is an http(s) or ws(s) URL. Walking the
 * whole object (not a fixed list of fields) means an endpoint a later feature adds is allowed too.
 */
export function configOrigins(config: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      try {
        const u = new URL(v);
        if (['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) out.add(u.origin);
      } catch {
        // not a URL
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  walk(config);
  return [...out];
}

/** The policy for a staged build: the network's origins for data, the IPFS gateway for images. */
export function cspForConfig(html: string, config: { ipfs: { gateway: string } }): string {
  return addOrigins(html, { connect: configOrigins(config), img: [new URL(config.ipfs.gateway).origin] });
}
