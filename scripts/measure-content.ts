/**
 * `npm run measure:content [page id ...]`: the content script's main-thread time at load on some test pages, as
 * `npm run bench content` measures it (scripts/profiled-load.ts `extensionTraceTime`), with every load shown, not
 * only the median, and the profiled figure beside it (its JavaScript and compilation).
 * Uses the current build (.output/chrome-mv3) unless EXT_DIR names another; RUNS=n sets the loads per page (7 by
 * default).
 *
 * Comparing builds: the figures move with the machine's load by a millisecond or more from one minute to the next,
 * so two builds measured one after the other cannot be told apart. With several builds in EXT_DIR (separated by
 * ':'), one browser per build stays open and the loads alternate between them (A, B, A, B…), so both see the same
 * moments of the machine; the difference of each pair of loads is summarised too:
 *   EXT_DIR=/tmp/before/chrome-mv3:.output/chrome-mv3 RUNS=15 npm run measure:content aat prescription
 * A browser with the floor extension (scripts/profiled-load.ts `floorExtension`) loads each page once per round
 * too: its injection task is printed, and each build's median as a multiple of it (the bench prints it beside the
 * figure it judges, the work over the reference code's heaviest page).
 * The paired difference between two builds moves from one run to the next too (the 28/11 code against that of
 * 07/12/2026 on the sick-leave page: −0.1 ms on 06/12/2026, +2.9 ms a few hours later): compare in more than one run. Unlike the
 * bench, each measured load here follows a profiled load of the same build; `npm run bench content` compares this
 * build with the code of 28/11 in the bench's own conditions (BENCH_REFERENCE=dir: with another build).
 * TASKS=1 also prints, per build, the median of each task the judged figure adds up (`extensionTraceTasks`: the
 * loader's injection, the module's compilation and evaluation, the first check's microtasks, timers, idle
 * callbacks…), to see where a change of code moved the time: a saving in one task is often paid in the next.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension, ROOT, type Launched } from '../tests/e2e/harness';
// @ts-expect-error plain ESM helper of the test-page package, no types
import { ensurePortalBuilt } from '../tests/portal/router.mjs';
import { baselineLoad, extensionTraceTasks, floorExtension, injectionTaskMs, measureLoad, warmUp, type TracedTask } from './profiled-load';
import { median, quartiles } from './stats';

const pages = JSON.parse(readFileSync(join(ROOT, 'tests/portal/pages.json'), 'utf8')) as { id: string; url: string }[];
const RUNS = Number(process.env.RUNS ?? 7);
const asked = process.argv.slice(2);
const chosen = asked.length ? asked.map((id) => pages.find((p) => p.id === id) ?? { id, url: id }) : pages;
const dirs = process.env.EXT_DIR
  ? process.env.EXT_DIR.split(':')
      .filter(Boolean)
      .map((d) => resolve(d))
  : [undefined];
const f1 = (x: number) => x.toFixed(1);

/** Each task's median over the loads, named by its kind and rank among the load's tasks of that kind (a missing one: 0). */
function taskMedians(loads: TracedTask[][]): string {
  const byKey = new Map<string, number[]>();
  for (const [i, tasks] of loads.entries()) {
    const seen = new Map<string, number>();
    for (const t of tasks) {
      const name = `${t.kind}${t.shared ? ' (shared)' : ''}`;
      const rank = (seen.get(name) ?? 0) + 1;
      seen.set(name, rank);
      const key = rank > 1 ? `${name} ${rank}` : name;
      if (!byKey.has(key)) byKey.set(key, new Array<number>(loads.length).fill(0));
      byKey.get(key)![i] = t.ms;
    }
  }
  return [...byKey].map(([key, ms]) => `${key} ${median(ms).toFixed(2)}`).join(' | ');
}

ensurePortalBuilt();
const browsers: Launched[] = [];
const floorDir = floorExtension();
const floor = await launchWithExtension({ extensionDir: floorDir });
const floorMs: number[] = [];
try {
  await warmUp(floor.context, pages[0]!.url);
  for (const dir of dirs) {
    const launched = await launchWithExtension(dir ? { extensionDir: dir } : {});
    browsers.push(launched);
    await warmUp(launched.context, pages[0]!.url);
  }
  for (const p of chosen) {
    const loads: Awaited<ReturnType<typeof measureLoad>>[][] = browsers.map(() => []);
    for (let i = 0; i < RUNS; i++) {
      // alternate which build goes first, so that neither always follows the other
      const order = browsers.map((_, b) => b);
      if (i % 2) order.reverse();
      for (const b of order) loads[b]!.push(await measureLoad(browsers[b]!.context, p.url));
      const floorLoad = injectionTaskMs((await baselineLoad(floor.context, p.url)).plain.trace);
      if (!Number.isNaN(floorLoad)) floorMs.push(floorLoad);
    }
    browsers.forEach((_, b) => {
      const ms = loads[b]!.map((m) => m.traced);
      const label = dirs.length > 1 ? `${p.id} [${String.fromCharCode(65 + b)}]` : p.id;
      console.log(
        `${label.padEnd(28)} median ${f1(median(ms))} ms (${f1(median(ms) / median(floorMs))} floors; profiled: JS ${f1(median(loads[b]!.map((m) => m.js)))}, compile ${f1(median(loads[b]!.map((m) => m.compile)))})   loads: ${ms.map(f1).join(' ')}`,
      );
      if (process.env.TASKS === '1') console.log(`${''.padEnd(28)} tasks: ${taskMedians(loads[b]!.map((m) => extensionTraceTasks(m.plain.trace) ?? []))}`);
    });
    for (let b = 1; b < browsers.length; b++) {
      const diffs = loads[b]!.map((m, i) => m.traced - loads[0]![i]!.traced);
      const [q1, q3] = quartiles(diffs);
      console.log(
        `${`${p.id} ${String.fromCharCode(65 + b)} − A`.padEnd(28)} median ${f1(median(diffs))} ms (quartiles ${f1(q1)} … ${f1(q3)}; ${diffs.filter((d) => d < 0).length} of ${diffs.length} pairs lower)`,
      );
    }
  }
  const [fq1, fq3] = quartiles(floorMs);
  console.log(
    `floor (injection task of a script that only reads chrome.runtime.id): median ${median(floorMs).toFixed(2)} ms (quartiles ${fq1.toFixed(2)} … ${fq3.toFixed(2)})`,
  );
  if (dirs.length > 1) for (const [b, d] of dirs.entries()) console.log(`${String.fromCharCode(65 + b)}: ${d}`);
} finally {
  for (const launched of browsers) await launched.close();
  await floor.close();
  rmSync(floorDir, { recursive: true, force: true });
}
