/**
 * One page load as both `npm run bench content` and `npm run profile:content` measure it: from navigation until
 * the page and the features settle, under Chromium's CPU profiler (100 µs sampling, to see which code ran) and a
 * trace of the renderer's tasks (to know how much CPU each task really got).
 *
 * The extension's main-thread time is:
 * - the profile's samples in the extension's own code (frames whose script is chrome-extension://…), each weighted
 *   by the CPU share of the main-thread task it fell in (the task's thread time over its wall time): on a busy
 *   machine the thread is descheduled in the middle of a task, and a wall-clock sample would count that wait;
 * - plus the main-thread compilation of the extension's scripts (the trace's v8.compile / v8.compileModule), which
 *   runs before any of their frames exists and so has no sample.
 * A module parsed on a background thread (v8.parseOnBackground) is not main-thread time: reported apart.
 */
import type { BrowserContext, Page } from '@playwright/test';

type Profile = {
  nodes: { id: number; callFrame: { url: string; lineNumber: number; columnNumber: number; functionName: string } }[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
};
export type ProfileNode = Profile['nodes'][number];
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string } };
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

/** Loads `url` in `page` under the profiler and the tracer. */
export async function profiledLoad(page: Page, url: string, settleMs = 1500): Promise<LoadRecord> {
  const cdp = await page.context().newCDPSession(page);
  // The trace stays in the browser until the end (a stream read afterwards): streaming it to this process during the
  // load would take CPU from the page being measured.
  const traced = new Promise<string | undefined>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream)));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReturnAsStream' });
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.waitForTimeout(settleMs); // app render + features settle (debounced re-checks included)
  const { profile } = await cdp.send('Profiler.stop');
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

/** The CPU share (thread time / wall time) of the main thread's top-level tasks, for a time in the trace's clock. */
function cpuShare(trace: TraceEvent[]): (ts: number) => number {
  const thread = mainThread(trace);
  if (!thread) return () => 1;
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
 * Calls `visit` with each sample taken in the extension's code and its CPU time (µs: its wall time weighted by
 * the CPU share of its task, see the header); returns their total (µs).
 */
export function extensionSamples(record: Pick<LoadRecord, 'profile' | 'trace'>, visit: (node: ProfileNode, us: number) => void = () => {}): number {
  const { profile } = record;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const share = cpuShare(record.trace);
  let total = 0;
  let t = profile.startTime;
  (profile.samples ?? []).forEach((id, i) => {
    const wall = profile.timeDeltas?.[i] ?? 0;
    t += wall;
    const node = nodes.get(id);
    if (!node || !isExtensionUrl(node.callFrame.url)) return;
    const us = wall * share(t);
    total += us;
    visit(node, us);
  });
  return total;
}

/** The extension's main-thread time for one load (ms), and its scripts' background-thread parsing apart. */
export function extensionTime(record: LoadRecord): { js: number; compile: number; mainThread: number; backgroundParse: number } {
  const thread = mainThread(record.trace);
  let compile = 0;
  let backgroundParse = 0;
  for (const e of record.trace) {
    if (e.ph !== 'X' || !isExtensionUrl(e.args?.data?.url)) continue;
    const cpu = e.tdur ?? e.dur ?? 0;
    if (e.name === 'v8.parseOnBackground') backgroundParse += cpu;
    else if ((e.name === 'v8.compile' || e.name === 'v8.compileModule') && thread && e.pid === thread.pid && e.tid === thread.tid) compile += cpu;
  }
  const js = extensionSamples(record);
  return { js: js / 1000, compile: compile / 1000, mainThread: (js + compile) / 1000, backgroundParse: backgroundParse / 1000 };
}
