import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixPaths, fixPathsInDir } from '../../../scripts/site/fix-paths';

const built = `<!doctype html><html><head>
<link href="/_app/immutable/entry/start.abc.js" rel="modulepreload">
<link href="/_app/immutable/assets/0.css" rel="stylesheet">
</head><body><script>
	import("/_app/immutable/entry/start.abc.js"), import('/_app/immutable/entry/app.def.js')
</script><a href="https://example.org/_app/keep">external</a></body></html>`;

describe('fixPaths', () => {
	it('makes every absolute /_app/ reference relative', () => {
		const { html, replaced } = fixPaths(built);
		expect(replaced).toBe(4);
		expect(html).not.toMatch(/["'(]\/_app\//);
		expect(html).toContain('href="./_app/immutable/entry/start.abc.js"');
		expect(html).toContain(`import('./_app/immutable/entry/app.def.js')`);
	});

	it('leaves URLs on other hosts and already relative paths alone', () => {
		const { html } = fixPaths(built);
		expect(html).toContain('https://example.org/_app/keep');
		expect(fixPaths('<a href="./_app/x.js">').replaced).toBe(0);
	});

	it('is idempotent', () => {
		const once = fixPaths(built).html;
		expect(fixPaths(once)).toEqual({ html: once, replaced: 0 });
	});

	it('rewrites the html files of a build directory in place', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'fix-paths-'));
		await writeFile(join(dir, 'index.html'), built);
		await writeFile(join(dir, 'notes.txt'), '"/_app/" untouched');
		const results = await fixPathsInDir(dir);
		expect(results).toEqual([{ file: 'index.html', replaced: 4 }]);
		expect(await readFile(join(dir, 'index.html'), 'utf8')).toContain('"./_app/immutable/assets/0.css"');
		expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('"/_app/" untouched');
	});
});
