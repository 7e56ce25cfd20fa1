/**
 * `npm run measure:added [page id ...]`: the page's whole main-thread CPU time the extension adds at load, as
 * `npm run bench content` measures it (scripts/profiled-load.ts: the same page with the extension minus without it,
 * in a browser with an empty extension, loads paired and alternated), with every pair shown, and where the
 * difference goes by trace event (median with − median without, per event name; nested events appear under each of
 * their names, so the lines do not add up): script evaluation, microtasks (the content script's promise chain),
 * style, layout, paint, messages, garbage collection. For looking, not for limits: the bench has those.
 * RUNS=n pairs per page (11 by default); EXT_DIR: the build to measure (.output/chrome-mv3 by default);
 * BASELINE_DIR: the build to compare with, instead of an empty extension (then the figure is the difference of two
 * builds); TOP=n event lines (20 by default).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension, ROOT } from '../tests/e2e/harness';
// @ts-expect-error plain ESM helper of the test-page package, no types
import { ensurePortalBuilt } from '../tests/portal/router.mjs';
import { baselineLoad, emptyExtension, pageMainThreadByEvent, warmUp } from './profiled-load';
import { median, quartiles } from './stats';

const pages = JSON.parse(readFileSync(join(ROOT, 'tests/portal/pages.json'), 'utf8')) as { id: string; url: string }[];
const RUNS = Number(process.env.RUNS ?? 11);
const TOP = Number(process.env.TOP ?? 20);
const asked = process.argv.slice(2);
const chosen = asked.length ? asked.map((id) => pages.find((p) => p.id === id) ?? { id, url: id }) : pages;

ensurePortalBuilt();
const emptyDir = process.env.BASELINE_DIR ? null : emptyExtension();
const measured = await launchWithExtension({ extensionDir: resolve(process.env.EXT_DIR ?? join(ROOT, '.output/chrome-mv3')) });
const baseline = await launchWithExtension({ extensionDir: resolve(process.env.BASELINE_DIR ?? emptyDir!) });
try {
  for (const p of chosen) {
    await warmUp(measured.context, p.url);
    await warmUp(baseline.context, p.url);
    const diffs: number[] = [];
    const events = [new Map<string, number[]>(), new Map<string, number[]>()];
    for (let i = 0; i < RUNS; i++) {
      const pair = [await baselineLoad(measured.context, p.url), await baselineLoad(baseline.context, p.url)];
      diffs.push(pair[0]!.pageMainThread - pair[1]!.pageMainThread);
      pair.forEach((load, k) => {
        for (const [name, ms] of pageMainThreadByEvent(load.plain.trace)) (events[k]!.get(name) ?? events[k]!.set(name, []).get(name)!).push(ms);
      });
    }
    const [q1, q3] = quartiles(diffs);
    console.log(`\n${p.id}: page main-thread time added, median ${median(diffs).toFixed(1)} ms (quartiles ${q1.toFixed(1)} … ${q3.toFixed(1)})`);
    console.log(`  pairs: ${diffs.map((d) => d.toFixed(1)).join(' ')}`);
    const names = new Set([...events[0]!.keys(), ...events[1]!.keys()]);
    // an event missing from a load counts 0 there
    const med = (k: number, name: string) => median([...(events[k]!.get(name) ?? []), ...Array(RUNS - (events[k]!.get(name)?.length ?? 0)).fill(0)]);
    const rows = [...names].map((n) => ({ n, a: med(0, n), b: med(1, n) })).sort((x, y) => Math.abs(y.a - y.b) - Math.abs(x.a - x.b));
    console.log('  by trace event (median with − without; nested events under each name):');
    for (const r of rows.slice(0, TOP)) console.log(`  ${(r.a - r.b).toFixed(2).padStart(7)}  ${r.n}  (${r.a.toFixed(2)} vs ${r.b.toFixed(2)})`);
  }
} finally {
  await measured.close();
  await baseline.close();
  if (emptyDir) rmSync(emptyDir, { recursive: true, force: true });
}
