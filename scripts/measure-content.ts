/**
 * `npm run measure:content [page id ...]`: the content script's main-thread time at load on some test pages, as
 * `npm run bench content` measures it (scripts/profiled-load.ts), with every load shown, not only the median.
 * For comparing two builds on the same machine at the same time (the figures move with the machine's load, so
 * only an interleaved comparison tells a change of the code from noise):
 *   EXT_DIR=/path/to/other/.output/chrome-mv3 npm run measure:content prescription
 * RUNS=n sets the loads per page (7 by default). Uses the current build (.output/chrome-mv3) unless EXT_DIR is set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, ROOT } from '../tests/e2e/harness';
// @ts-expect-error plain ESM helper of the test-page package, no types
import { ensurePortalBuilt } from '../tests/portal/router.mjs';
import { measureLoad, warmUp } from './profiled-load';

const pages = JSON.parse(readFileSync(join(ROOT, 'tests/portal/pages.json'), 'utf8')) as { id: string; url: string }[];
const RUNS = Number(process.env.RUNS ?? 7);
const asked = process.argv.slice(2);
const chosen = asked.length ? asked.map((id) => pages.find((p) => p.id === id) ?? { id, url: id }) : pages;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

ensurePortalBuilt();
const launched = await launchWithExtension(process.env.EXT_DIR ? { extensionDir: process.env.EXT_DIR } : {});
try {
  await warmUp(launched.context, pages[0]!.url);
  for (const p of chosen) {
    const ms: number[] = [];
    const js: number[] = [];
    const compile: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const m = await measureLoad(launched.context, p.url);
      ms.push(m.mainThread);
      js.push(m.js);
      compile.push(m.compile);
    }
    console.log(
      `${p.id.padEnd(24)} median ${median(ms).toFixed(1)} ms (JS ${median(js).toFixed(1)}, compile ${median(compile).toFixed(1)})   loads: ${ms.map((x) => x.toFixed(1)).join(' ')}`,
    );
  }
} finally {
  await launched.close();
}
