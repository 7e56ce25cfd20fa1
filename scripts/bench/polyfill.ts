/**
 * What webextension-polyfill costs on amelipro's pages: the Chrome build with it (as shipped) against the same build
 * without it (WXT_NO_POLYFILL=1, measuring only: the extension's listeners need it in Chromium versions without
 * promise-returning listeners). Printed side by side: the content script's size, its own main-thread work at load
 * (the figure `contentOwnWorkOverReference` judges, scripts/bench/content.ts) and everything the page's main thread does more,
 * with minus without, from loads of both builds alternated (median of the pairs' differences and its quartiles).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONTENT_FILES_ON_DEMAND } from '../../entrypoints/amelipro.content/module-path';
import { launchWithExtension, ROOT, type Launched } from '../../tests/e2e/harness';
// @ts-expect-error plain ESM helper of the test-page package, no types
import { ensurePortalBuilt, portalPages } from '../../tests/portal/router.mjs';
import { tracedLoad, warmUp } from '../profiled-load';
import { median, quartiles } from '../stats';
import type { Figure } from './types';

const RUNS = 9;
const PAGES = ['login', 'aat'];
const SHIPPED = join(ROOT, '.output/chrome-mv3');
const WITHOUT = join(ROOT, '.output/bench-no-polyfill/chrome-mv3');

/** The loader and the module, what every amelipro page loads (as scripts/bench/build.ts counts the content script). */
function contentGzipKB(dir: string): number {
  const scripts = readdirSync(join(dir, 'content-scripts'))
    .map((f) => `content-scripts/${f}`)
    .filter((f) => !CONTENT_FILES_ON_DEMAND.includes(f));
  const bytes = scripts.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f))).length, 0);
  return +(bytes / 1024).toFixed(1);
}

const round = (x: number) => +x.toFixed(2);

export async function bench(): Promise<Figure[]> {
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, WXT_NO_POLYFILL: '1' } });
  rmSync(WITHOUT, { recursive: true, force: true });
  cpSync(SHIPPED, WITHOUT, { recursive: true });
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });

  const withKB = contentGzipKB(SHIPPED);
  const withoutKB = contentGzipKB(WITHOUT);
  const figures: Figure[] = [
    { area: 'polyfill', name: 'content script without webextension-polyfill (gzip)', value: withoutKB, unit: 'KB' },
    { area: 'polyfill', name: 'content script, webextension-polyfill added (gzip)', value: round(withKB - withoutKB), unit: 'KB' },
  ];

  ensurePortalBuilt();
  const pages = portalPages() as { id: string; url: string }[];
  const browsers: Launched[] = [];
  try {
    for (const dir of [WITHOUT, SHIPPED]) browsers.push(await launchWithExtension({ extensionDir: dir }));
    for (const id of PAGES) {
      const url = pages.find((p) => p.id === id)!.url;
      for (const b of browsers) await warmUp(b.context, url);
      type Load = Awaited<ReturnType<typeof tracedLoad>>;
      const loads: Load[][] = [[], []];
      for (let i = 0; i < RUNS; i++) {
        // alternate which build goes first
        for (const b of i % 2 ? [1, 0] : [0, 1]) loads[b]!.push(await tracedLoad(browsers[b]!.context, url));
      }
      const [without, shipped] = loads as [Load[], Load[]];
      const own = shipped.map((m, i) => m.own - without[i]!.own);
      const page = shipped.map((m, i) => m.pageMainThread - without[i]!.pageMainThread);
      figures.push(
        {
          area: 'polyfill',
          name: `${id}: content script's own work, without the polyfill`,
          value: round(median(without.map((m) => m.own))),
          unit: 'ms',
        },
        { area: 'polyfill', name: `${id}: content script's own work, with it (shipped)`, value: round(median(shipped.map((m) => m.own))), unit: 'ms' },
        {
          area: 'polyfill',
          name: `${id}: the polyfill's share of the script's own work`,
          value: round(median(own)),
          unit: 'ms',
          quartiles: quartiles(own).map(round) as [number, number],
        },
        {
          area: 'polyfill',
          name: `${id}: the polyfill's share of everything added to the page`,
          value: round(median(page)),
          unit: 'ms',
          quartiles: quartiles(page).map(round) as [number, number],
        },
      );
    }
  } finally {
    for (const b of browsers) await b.close();
    rmSync(join(ROOT, '.output/bench-no-polyfill'), { recursive: true, force: true });
  }
  return figures;
}
