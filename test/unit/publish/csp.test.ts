// The CSP fix-ups: script-src hashes follow the inline scripts as they are after fix-paths, and the
// network's origins are added to connect-src / img-src without duplicates.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addOrigins, configOrigins, cspOf, rehashInlineScripts } from '../../../scripts/site/csp.ts';
import { fixPaths } from '../../../scripts/site/fix-paths.ts';

const sha = (s: string): string => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const boot = `\n\timport("/_app/immutable/entry/start.js");\n\tnavigator.serviceWorker.register('/service-worker.js');\n`;
const page = `<head><meta http-equiv="content-security-policy" content="default-src 'self'; connect-src 'self'; script-src 'self' ${sha(boot)}"></head><body><script>${boot}</script><script src="./x.js"></script></body>`;

describe('CSP of the built page', () => {
  it('after fix-paths, script-src holds the hash of the rewritten boot script only', () => {
    const { html } = fixPaths(page);
    const fixedBoot = boot.replace('/_app/', './_app/').replace("'/service-worker.js'", "'./service-worker.js'");
    expect(html).toContain(fixedBoot);
    const csp = cspOf(html) ?? '';
    expect(csp).toContain(sha(fixedBoot));
    expect(csp).not.toContain(sha(boot));
  });

  it('rehashing an unchanged page changes nothing', () => {
    expect(rehashInlineScripts(page)).toBe(page.replace(/; /g, '; '));
  });

  it('adds each origin once to connect-src and img-src', () => {
    const html = addOrigins(page, { connect: ['https://rpc.example', 'https://rpc.example', 'http://127.0.0.1:8545'], img: ['https://dweb.link'] });
    expect(cspOf(html)).toContain("connect-src 'self' https://rpc.example http://127.0.0.1:8545;");
  });

  it('finds every http(s) origin in a config, however deep', () => {
    expect(configOrigins({ a: 'http://127.0.0.1:8545/', b: { c: ['https://x.example/path?q=1', 'not a url', 42] }, d: 'kjz…' }).sort()).toEqual(['http://127.0.0.1:8545', 'https://x.example']);
  });

  it('refuses a page without a CSP meta (kit.csp missing)', () => {
    expect(() => addOrigins('<head></head>', { connect: [], img: [] })).toThrow(/kit\.csp/);
  });
});
