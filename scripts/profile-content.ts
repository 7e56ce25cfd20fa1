/**
 * `npm run profile:content [page id or URL ...]`: where the content script spends its JS time on test pages.
 * Builds the shipped (minified) bundle with a source map, loads each page RUNS times in Chromium with a CPU
 * profile, and again without it for the compilation (as `npm run bench content` does: scripts/profiled-load.ts),
 * and prints the time per source file and per function, mapped back through the source map (TOP=n: lines per
 * list, 15 by default). Rebuilds the normal bundle at the end. For looking, not for limits: the bench has those.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { launchWithExtension, ROOT } from '../tests/e2e/harness';
import { extensionSamples, measureLoad } from './profiled-load';
// @ts-expect-error plain ESM helper of the test-page package, no types
import { ensurePortalBuilt } from '../tests/portal/router.mjs';

const RUNS = 8;
const pages = JSON.parse(readFileSync(join(ROOT, 'tests/portal/pages.json'), 'utf8')) as { id: string; url: string }[];
const asked = process.argv.slice(2);
const urls = asked.length ? asked.map((a) => pages.find((p) => p.id === a)?.url ?? a) : pages.map((p) => p.url);

ensurePortalBuilt();
execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, WXT_SOURCEMAP: '1', WXT_MINIFY: '1' } });
// the classic loader the manifest declares, the module it imports (most of the code), the prescription-line reader
// and the module with the reader inside
const maps = new Map(
  ['amelipro.js', 'amelipro-main.js', 'amelipro-prescription.js', 'amelipro-main-reader.js'].map((f) => [
    f,
    new SourceMapConsumer(JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/content-scripts', `${f}.map`), 'utf8'))),
  ]),
);
const launched = await launchWithExtension();
try {
  for (const url of urls) {
    const byFile = new Map<string, number>();
    const byFn = new Map<string, number>();
    let total = 0;
    let compile = 0;
    for (let run = 0; run < RUNS; run++) {
      const measured = await measureLoad(launched.context, url);
      compile += measured.compile * 1000;
      total += extensionSamples(measured.profiled, (n, dt, own) => {
        const bundle = own.callFrame.url.split('/').pop()!;
        const map = maps.get(bundle);
        const pos = map?.originalPositionFor({ line: own.callFrame.lineNumber + 1, column: own.callFrame.columnNumber }) ?? {
          source: null,
          line: null,
          name: null,
        };
        const file = (pos.source ?? `(top level of ${bundle || 'no script'})`).replace(/^(\.\.\/)+/, '');
        byFile.set(file, (byFile.get(file) ?? 0) + dt);
        // a browser function the extension called (querySelectorAll, evaluate…) is shown beside its caller
        const native = n === own ? '' : `  → ${n.callFrame.functionName || '(native)'}`;
        const fn = `${file}:${pos.line ?? '?'} ${pos.name ?? own.callFrame.functionName}${native}`;
        byFn.set(fn, (byFn.get(fn) ?? 0) + dt);
      });
    }
    const ms = (us: number) => (us / RUNS / 1000).toFixed(2).padStart(6);
    console.log(`\n${url}\n  content-script main-thread time, mean of ${RUNS} loads: ${ms(total + compile)} ms (JS ${ms(total)}, compile ${ms(compile)})`);
    console.log('  by source file:');
    for (const [k, v] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, +(process.env.TOP ?? 15))) console.log(`  ${ms(v)}  ${k}`);
    console.log('  by function:');
    for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, +(process.env.TOP ?? 15))) console.log(`  ${ms(v)}  ${k}`);
  }
} finally {
  await launched.close();
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
}
