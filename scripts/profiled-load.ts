/**
 * How `npm run bench content`, `npm run measure:content` and `npm run profile:content` measure the content
 * script's main-thread time on a page, each load in a fresh tab, from navigation until the page and the features
 * settle.
 *
 * - The judged figure (`extensionTraceTime`, `tracedLoad`): read from a load traced WITHOUT the profiler. The
 *   page's main thread runs tasks, each followed by a microtask checkpoint; the trace says whose code each task ran
 *   (a script's address, or the isolated world a module ran in). A task in which only the extension's code ran
 *   counts whole, with its checkpoint's promise continuations; in a task the page's code or rendering shared, only
 *   the extension's own events count. Thread time, so a busy machine's descheduling is not counted. Compared with
 *   the profiled figure on the same loads (05/12/2026), it moved about half as much from load to load, and it does
 *   not carry the profiler's overhead.
 * - The profiled figure (`measureLoad`'s `js` and `compile`), to see which code ran (`profile:content`): a load
 *   under Chromium's CPU profiler (100 µs sampling) and its trace; the profile's samples in the extension's own
 *   code (frames whose script is chrome-extension://…) and in what it called (the browser's DOM functions, regular
 *   expressions, XPath: samples with an extension frame on their stack), each weighted by the CPU share of the
 *   main-thread task it fell in (the task's thread time over its wall time); plus the main-thread compilation of
 *   the extension's scripts (v8.compile / v8.compileModule) from a second load traced without the profiler: a
 *   running CPU profiler logs every function V8 compiles, which multiplies the compilation's time (1.7 ms with the
 *   profiler, 0.4 ms without, for the same module). Its sampling and its overhead make it move by up to 40% for
 *   the same page from one run to the next (docs/performance.md): it was the judged figure until 05/12/2026.
 * A module parsed on a background thread (v8.parseOnBackground) is not main-thread time: reported apart.
 *
 * What neither sees: the work the browser does because of the extension outside its code — style, layout and paint
 * of what it adds to the page (a single "✓" in the overlay's button cost 1.5 ms of layout for a font lookup), the
 * messages' native side, mutation records its observer makes the page's own code build, garbage collection.
 * `pageMainThread` covers it: the page's whole main-thread CPU in the load without the profiler, to compare with
 * the same page in a browser without the extension (`baselineLoad`; scripts/bench/content.ts,
 * scripts/measure-added.ts). That difference is the complete figure, but the page's own 150–250 ms vary by
 * several ms from load to load: only a median over many paired loads says something.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { AMELIPRO_MATCHES } from '../lib/hosts';

type Profile = {
  nodes: { id: number; callFrame: { url: string; lineNumber: number; columnNumber: number; functionName: string }; children?: number[] }[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
};
export type ProfileNode = Profile['nodes'][number];
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string }; name?: string; worldId?: number; worldName?: string };
}
export interface LoadRecord {
  profile: Profile;
  trace: TraceEvent[];
  /** Chromium's TaskDuration for the load (wall clock, whole page), ms. */
  task: number;
}

const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute'];
const isExtensionUrl = (url: string | undefined) => !!url && url.startsWith('chrome-extension://');

/** Warms the service worker and the HTTP cache (not the content script, which runs anew on every page). */
export async function warmUp(context: BrowserContext, url: string): Promise<void> {
  const warm = await context.newPage();
  await warm.goto(url);
  await warm.waitForTimeout(500);
  await warm.close();
}

/** Loads `url` in `page` under the tracer and, unless `profile` is false, the CPU profiler (no samples then). */
export async function profiledLoad(
  page: Page,
  url: string,
  { settleMs = 1500, profile: profiled = true }: { settleMs?: number; profile?: boolean } = {},
): Promise<LoadRecord> {
  const cdp = await page.context().newCDPSession(page);
  // The trace stays in the browser until the end (a stream read afterwards): streaming it to this process during the
  // load would take CPU from the page being measured.
  const traced = new Promise<string | undefined>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream)));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReturnAsStream' });
  await cdp.send('Performance.enable');
  if (profiled) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.goto(url);
  await page.waitForTimeout(settleMs); // app render + features settle (debounced re-checks included)
  const profile = profiled ? (await cdp.send('Profiler.stop')).profile : { nodes: [], startTime: 0, samples: [], timeDeltas: [] };
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.send('Tracing.end');
  const stream = await traced;
  let text = '';
  for (let eof = !stream; !eof; ) {
    const chunk = await cdp.send('IO.read', { handle: stream!, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    eof = chunk.eof;
  }
  if (stream) await cdp.send('IO.close', { handle: stream });
  await cdp.detach();
  const parsed = text ? (JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] }) : [];
  const trace = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  return { profile: profile as Profile, trace, task: (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000 };
}

/** The page's main thread: where the extension's classic script was compiled. */
function mainThread(trace: TraceEvent[]): { pid: number; tid: number } | null {
  const e = trace.find((x) => x.name === 'v8.compile' && isExtensionUrl(x.args?.data?.url));
  return e ? { pid: e.pid, tid: e.tid } : null;
}

/** The renderer main thread that worked the most in a load's trace: the loaded page's (other renderers idle). */
function busiestRendererMain(trace: TraceEvent[]): { pid: number; tid: number } | null {
  const mains = new Set<string>();
  for (const e of trace) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  const cpu = new Map<string, number>();
  for (const e of trace) {
    const k = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && mains.has(k)) cpu.set(k, (cpu.get(k) ?? 0) + (e.tdur ?? 0));
  }
  let best: string | null = null;
  for (const [k, v] of cpu) if (best === null || v > cpu.get(best)!) best = k;
  if (best === null) return null;
  const [pid, tid] = best.split(':').map(Number);
  return { pid: pid!, tid: tid! };
}

/** The top-level tasks of one thread (tasks nested in another left out), in time order. */
function topLevelTasks(trace: TraceEvent[], thread: { pid: number; tid: number }): TraceEvent[] {
  const tasks = trace
    .filter((e) => e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && (e.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const top: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of tasks) {
    if (e.ts < end) continue; // nested in the current top-level task
    top.push(e);
    end = e.ts + e.dur!;
  }
  return top;
}

/**
 * The page's whole main-thread CPU time in a load (ms): the thread time of the renderer main thread's top-level
 * tasks, from navigation until the load settled. With the extension minus without it: everything it adds.
 */
export function pageMainThreadCpu(trace: TraceEvent[]): number {
  const thread = busiestRendererMain(trace);
  if (!thread) return 0;
  let us = 0;
  for (const t of topLevelTasks(trace, thread)) us += t.tdur ?? 0;
  return us / 1000;
}

/** The thread time per trace event name on the page's main thread (nested events counted in each name), ms. */
export function pageMainThreadByEvent(trace: TraceEvent[]): Map<string, number> {
  const thread = busiestRendererMain(trace);
  const by = new Map<string, number>();
  if (!thread) return by;
  for (const e of trace) if (e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid) by.set(e.name, (by.get(e.name) ?? 0) + (e.tdur ?? 0) / 1000);
  return by;
}

/** The CPU share (thread time / wall time) of the main thread's top-level tasks, for a time in the trace's clock. */
function cpuShare(trace: TraceEvent[]): (ts: number) => number {
  const thread = mainThread(trace);
  if (!thread) return () => 1;
  const top = topLevelTasks(trace, thread);
  let i = 0;
  let last = -Infinity;
  return (ts) => {
    if (ts < last) i = 0; // samples come in order; restart if not
    last = ts;
    while (i < top.length && top[i]!.ts + top[i]!.dur! < ts) i++;
    const t = top[i];
    return t && t.ts <= ts && t.tdur !== undefined ? Math.min(1, t.tdur / t.dur!) : 1;
  };
}

/**
 * Calls `visit` with each sample taken in the extension's code or in what it called (the browser's DOM functions,
 * a regular expression, an XPath query…: a sample whose stack holds an extension frame), its CPU time (µs: its wall
 * time weighted by the CPU share of its task, see the header) and the innermost extension frame of its stack (the
 * sample's own frame when it is in the extension's code); returns their total (µs).
 */
export function extensionSamples(
  record: Pick<LoadRecord, 'profile' | 'trace'>,
  visit: (node: ProfileNode, us: number, ownFrame: ProfileNode) => void = () => {},
): number {
  const { profile } = record;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
  // the innermost extension frame of each node's stack (null: none), computed once per node
  const ownFrames = new Map<number, ProfileNode | null>();
  const ownFrameOf = (id: number): ProfileNode | null => {
    const known = ownFrames.get(id);
    if (known !== undefined) return known;
    const stack: number[] = [];
    let found: ProfileNode | null = null;
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const cached = ownFrames.get(at);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      stack.push(at);
      const n = nodes.get(at);
      if (n && isExtensionUrl(n.callFrame.url)) {
        found = n;
        break;
      }
    }
    for (const at of stack) ownFrames.set(at, found);
    return found;
  };
  const share = cpuShare(record.trace);
  let total = 0;
  let t = profile.startTime;
  (profile.samples ?? []).forEach((id, i) => {
    const wall = profile.timeDeltas?.[i] ?? 0;
    t += wall;
    const node = nodes.get(id);
    const own = node ? ownFrameOf(id) : null;
    if (!node || !own) return;
    const us = wall * share(t);
    total += us;
    visit(node, us, own);
  });
  return total;
}

/** JavaScript entry points in a trace: the events that say whose code ran (their script's address, or their world). */
const JS_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'v8.run']);
const isPlaywrightWorld = (name: string | undefined) => !!name && name.startsWith('__playwright');
/** A rendering frame's steps: a unit holding them is the page's frame, shared, whoever's callback ran in it. */
const RENDERING_EVENTS = new Set(['PrePaint', 'Paint', 'Layerize']);

/** Whose code a JS event ran: the extension's (its address, or its isolated world), the page's, or unknown. */
function ownerOf(e: TraceEvent): 'extension' | 'page' | null {
  if (!JS_EVENTS.has(e.name)) return null;
  const url = e.args?.data?.url;
  if (url) return isExtensionUrl(url) ? 'extension' : 'page';
  const world = e.args?.worldId;
  if (world === undefined) return null;
  if (world === 0) return 'page';
  return isPlaywrightWorld(e.args?.worldName) ? null : 'extension';
}

/**
 * The extension's main-thread time in a load, read from the trace alone (no profiler), ms. The page's main thread
 * runs tasks, each followed by a microtask checkpoint (promise continuations, observers' callbacks); a task and
 * its checkpoints make a unit:
 * - a unit in which only the extension's code ran (its script's evaluation or compilation, its module, its
 *   callbacks: timers, messages, idle callbacks, observers) counts whole, with the browser work it did there and
 *   the promise continuations of its checkpoint, which the trace does not attribute but which only its code can
 *   have queued;
 * - a unit in which the page's code ran too, or a rendering frame (style, layout and paint of the whole page, in
 *   which the extension's observers or animation-frame callbacks may run), counts only the extension's own events
 *   in it (outermost ones): the layout and paint of what it adds are left out, as in the profiled figure;
 * - a unit with no code of either (parsing, style, layout, paint, network) does not count.
 * What it misses: promise continuations of the extension that run in a checkpoint shared with the page's code.
 */
export function extensionTraceTime(trace: TraceEvent[]): number {
  const tasks = extensionTraceTasks(trace);
  return tasks ? tasks.reduce((sum, t) => sum + t.ms, 0) : Number.NaN;
}

/** What starts a counted unit, as `extensionTraceTasks` names it: the first of these events in the unit. */
const TASK_KINDS = new Set([
  'EvaluateScript',
  'v8.compileModule',
  'v8.evaluateModule',
  'TimerFire',
  'FireIdleCallback',
  'FireAnimationFrame',
  'EventDispatch',
  'RunMicrotasks',
]);

/** One unit `extensionTraceTime` counts: what started it, and what it counts (ms). */
export interface TracedTask {
  /** E.g. `EvaluateScript` (the loader's injection), `v8.evaluateModule`, `RunMicrotasks`, `TimerFire`, `FireIdleCallback`. */
  kind: string;
  /** Shared with the page's code or rendering: only the extension's own events count. */
  shared: boolean;
  ms: number;
}

/**
 * The units `extensionTraceTime` adds up, in order (null when the trace has no main thread for the extension):
 * `npm run measure:content` prints them (TASKS=1) to show in which task a change of code moved the time.
 */
export function extensionTraceTasks(trace: TraceEvent[]): TracedTask[] | null {
  const thread = mainThread(trace);
  if (!thread) return null;
  const events = trace
    .filter((e) => e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && (e.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks: TracedTask[] = [];
  let unit: { cpu: number; extension: number; shared: boolean; marked: boolean; kind: string } | null = null;
  const close = () => {
    if (!unit?.marked) return;
    const us = unit.shared ? unit.extension : unit.cpu;
    // the page's own tasks (shared, with none of the extension's events) count nothing: not listed
    if (us > 0) tasks.push({ kind: unit.kind || 'other', shared: unit.shared, ms: us / 1000 });
  };
  let topEnd = -Infinity;
  let ownEnd = -Infinity; // end of the outermost extension event being counted
  for (const e of events) {
    const end = e.ts + e.dur!;
    if (e.ts >= topEnd) {
      // a top-level event: a checkpoint joins the unit of the task before it, anything else starts a unit
      if (e.name !== 'BlinkScheduler_PerformMicrotaskCheckpoint' || !unit) {
        close();
        unit = { cpu: 0, extension: 0, shared: false, marked: false, kind: '' };
      }
      unit.cpu += e.tdur ?? 0;
      topEnd = end;
    }
    if (!unit) continue;
    if (!unit.kind && TASK_KINDS.has(e.name)) unit.kind = e.name;
    if (RENDERING_EVENTS.has(e.name)) unit.shared = true;
    const owner = ownerOf(e);
    if (!owner) continue;
    unit.marked = true;
    if (owner === 'page') unit.shared = true;
    else if (e.ts >= ownEnd) {
      unit.extension += e.tdur ?? 0;
      ownEnd = end;
    }
  }
  close();
  return tasks;
}

/** The main-thread compilation of the extension's scripts in a load's trace, and their background parsing apart (µs). */
export function extensionCompilation(trace: TraceEvent[]): { compile: number; backgroundParse: number } {
  const thread = mainThread(trace);
  let compile = 0;
  let backgroundParse = 0;
  for (const e of trace) {
    if (e.ph !== 'X' || !isExtensionUrl(e.args?.data?.url)) continue;
    const cpu = e.tdur ?? e.dur ?? 0;
    if (e.name === 'v8.parseOnBackground') backgroundParse += cpu;
    else if ((e.name === 'v8.compile' || e.name === 'v8.compileModule') && thread && e.pid === thread.pid && e.tid === thread.tid) compile += cpu;
  }
  return { compile, backgroundParse };
}

/**
 * The thread time (ms) of the main-thread task that injected the extension's classic content script: the
 * browser creates the script's isolated world and the extension API's bindings there, then compiles and runs the
 * script. For the floor extension (`floorExtension`), whose script only reads `chrome.runtime.id`, that task is
 * the whole of what its script costs the page, read from one load's trace like the compilation in
 * `extensionCompilation`, instead of the difference of two page loads whose own time varies by several ms.
 */
export function injectionTaskMs(trace: TraceEvent[]): number {
  const compiled = trace.find((e) => e.name === 'v8.compile' && isExtensionUrl(e.args?.data?.url));
  if (!compiled) return NaN;
  const task = topLevelTasks(trace, compiled).find((t) => t.ts <= compiled.ts && compiled.ts < t.ts + t.dur!);
  return task?.tdur !== undefined ? task.tdur / 1000 : NaN;
}

export interface ExtensionTime {
  /** The extension's main-thread time read from the load without the profiler (extensionTraceTime), ms: the judged figure. */
  traced: number;
  /** The extension's JavaScript on the main thread (profiled load), ms. */
  js: number;
  /** Main-thread compilation of its scripts (load without the profiler), ms. */
  compile: number;
  /** Background-thread parsing of its module (not main-thread time), ms. */
  backgroundParse: number;
  /** Chromium's TaskDuration of the profiled load (whole page, wall clock), ms. */
  task: number;
  /** The page's whole main-thread CPU in the load without the profiler (pageMainThreadCpu), ms. */
  pageMainThread: number;
}

/** The extension's main-thread time for one pair of loads (see the header): `profiled` gives the JS, `plain` the compilation. */
export function extensionTime(profiled: LoadRecord, plain: LoadRecord): ExtensionTime {
  const js = extensionSamples(profiled) / 1000;
  const { compile, backgroundParse } = extensionCompilation(plain.trace);
  return {
    traced: extensionTraceTime(plain.trace),
    js,
    compile: compile / 1000,
    backgroundParse: backgroundParse / 1000,
    task: profiled.task,
    pageMainThread: pageMainThreadCpu(plain.trace),
  };
}

/** One load of `url` in a fresh tab of `context`. */
async function loadIn(context: BrowserContext, url: string, profile: boolean): Promise<LoadRecord> {
  const page = await context.newPage();
  try {
    return await profiledLoad(page, url, { profile });
  } finally {
    await page.close();
  }
}

/** Measures the extension's main-thread time on `url`: a profiled load and a plain one, each in a fresh tab. */
export async function measureLoad(context: BrowserContext, url: string): Promise<ExtensionTime & { profiled: LoadRecord; plain: LoadRecord }> {
  const profiled = await loadIn(context, url, true);
  const plain = await loadIn(context, url, false);
  return { ...extensionTime(profiled, plain), profiled, plain };
}

/** One load of `url` without the profiler: the extension's main-thread time read from its trace, and the page's. */
export async function tracedLoad(
  context: BrowserContext,
  url: string,
): Promise<{ own: number; backgroundParse: number; pageMainThread: number; plain: LoadRecord }> {
  const plain = await loadIn(context, url, false);
  return {
    own: extensionTraceTime(plain.trace),
    backgroundParse: extensionCompilation(plain.trace).backgroundParse / 1000,
    pageMainThread: pageMainThreadCpu(plain.trace),
    plain,
  };
}

/** A load without the profiler in a browser without the extension (`emptyExtension`): the page's own main-thread CPU. */
export async function baselineLoad(context: BrowserContext, url: string): Promise<{ pageMainThread: number; plain: LoadRecord }> {
  const plain = await loadIn(context, url, false);
  return { pageMainThread: pageMainThreadCpu(plain.trace), plain };
}

/**
 * A directory holding an extension that does nothing (a manifest and an empty service worker, which the test
 * harness waits for): the baseline browser runs with the same flags as the measured one, and with an extension
 * loaded, so that only what this extension does differs.
 */
export function emptyExtension(): string {
  return tempExtension('baseline', {});
}

/**
 * A directory holding the least a content script that talks to its extension can be: injected on the same pages as
 * this one, at the same moment, it only reads `chrome.runtime.id` (which makes the browser create the extension API's
 * bindings in the page's isolated world, as any script that sends a message must). Its injection task
 * (`injectionTaskMs`) is the floor: the browser's price for any such content script, which no change to this
 * extension's code can lower.
 */
export function floorExtension(): string {
  return tempExtension(
    'floor',
    { 'content.js': 'void chrome.runtime.id;\n' },
    {
      content_scripts: [{ matches: AMELIPRO_MATCHES, js: ['content.js'], run_at: 'document_idle' }],
    },
  );
}

/**
 * An extension whose one page shows a heading and a line of text from its HTML, with no script or stylesheet: the
 * least an extension page can cost to paint. The surfaces bench judges the popup, side panel and options by their
 * first paint relative to this page's, loaded alternately in the same run.
 */
export function plainPageExtension(): string {
  return tempExtension('plain-page', {
    'page.html': '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Page</title><body><h1>Compagnon amelipro</h1><p>Page vide.</p></body></html>',
  });
}

/** A temporary unpacked extension: an empty service worker (the test harness waits for one), `files`, the manifest. */
function tempExtension(name: string, files: Record<string, string>, manifest: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `compagnon-${name}-ext-`));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name, version: '1.0', background: { service_worker: 'background.js' }, ...manifest }),
  );
  writeFileSync(join(dir, 'background.js'), '');
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}
