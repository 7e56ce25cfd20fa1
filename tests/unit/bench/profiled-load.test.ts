/** The bench's reading of a load's trace: the page's whole main-thread CPU, whatever else the browser ran. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AMELIPRO_MATCHES } from '../../../lib/hosts';
import {
  emptyExtension,
  extensionTraceTasks,
  extensionTraceTime,
  floorExtension,
  pageMainThreadByEvent,
  pageMainThreadCpu,
  type TraceEvent,
} from '../../../scripts/profiled-load';

const meta = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name } });
const task = (pid: number, tid: number, name: string, ts: number, dur: number, tdur: number): TraceEvent => ({ name, ph: 'X', pid, tid, ts, dur, tdur });

describe('pageMainThreadCpu', () => {
  it("sums the thread time of the busiest renderer main thread's top-level tasks, nested events once", () => {
    const trace = [
      meta(1, 10, 'CrRendererMain'), // the page
      meta(2, 20, 'CrRendererMain'), // another renderer (the extension's service worker process), nearly idle
      meta(1, 11, 'Compositor'),
      task(1, 10, 'RunTask', 1000, 5000, 4000),
      task(1, 10, 'Layout', 2000, 1000, 900), // nested in the task above: already in its 4 ms
      task(1, 10, 'RunTask', 7000, 3000, 2500),
      task(1, 10, 'RunMicrotasks', 7500, 500, 500),
      task(2, 20, 'RunTask', 1000, 800, 700),
      task(1, 11, 'RunTask', 1000, 90_000, 90_000), // compositor thread: not main-thread time
      { name: 'instant', ph: 'I', pid: 1, tid: 10, ts: 5000 },
    ];
    expect(pageMainThreadCpu(trace)).toBeCloseTo(6.5, 6);
    const by = pageMainThreadByEvent(trace);
    expect(by.get('Layout')).toBeCloseTo(0.9, 6);
    expect(by.get('RunTask')).toBeCloseTo(6.5, 6);
    expect(by.has('instant')).toBe(false);
  });

  it('is 0 for a trace without a renderer main thread', () => {
    expect(pageMainThreadCpu([meta(1, 11, 'Compositor'), task(1, 11, 'RunTask', 0, 10, 10)])).toBe(0);
  });
});

describe('extensionTraceTime', () => {
  const EXT = 'chrome-extension://abc/content-scripts/amelipro.js';
  const MODULE = 'chrome-extension://abc/content-scripts/amelipro-main.js';
  const PAGE = 'https://espacepro.ameli.fr/assets/app.js';
  const js = (name: string, ts: number, dur: number, args: TraceEvent['args']): TraceEvent => ({ ...task(1, 10, name, ts, dur, dur), args });
  const checkpoint = (ts: number, dur: number) => task(1, 10, 'BlinkScheduler_PerformMicrotaskCheckpoint', ts, dur, dur);
  // the extension's script, injected in its own task: compiled and run (3 ms of thread time for 4 of wall time)
  const injection = [
    task(1, 10, 'RunTask', 1000, 4000, 3000),
    js('EvaluateScript', 1100, 3500, { data: { url: EXT } }),
    js('v8.compile', 1200, 500, { data: { url: EXT } }),
  ];

  const ownTasks = [
    ...injection,
    checkpoint(5000, 200),
    // its module evaluated (no address: its isolated world says whose it is), then 2 ms of continuations
    task(1, 10, 'RunTask', 10_000, 1500, 1500),
    js('v8.evaluateModule', 10_100, 1300, { worldId: 5, worldName: 'Compagnon amelipro' }),
    checkpoint(11_500, 2000),
    task(1, 10, 'RunMicrotasks', 11_510, 1980, 1980),
    // a message's reply arrives and resolves a promise: only continuations in its checkpoint, no code of either
    task(1, 10, 'RunTask', 20_000, 100, 100),
    checkpoint(20_100, 900),
  ];

  it("counts a task in which only the extension's code ran whole, with the promise continuations of its checkpoint", () => {
    expect(extensionTraceTime(ownTasks)).toBeCloseTo(3 + 0.2 + 1.5 + 2, 6);
  });

  it('lists the units it adds up, each named by what started it (the figure TASKS=1 npm run measure:content prints)', () => {
    const tasks = extensionTraceTasks(ownTasks)!;
    expect(tasks.map((t) => [t.kind, t.shared])).toEqual([
      ['EvaluateScript', false],
      ['v8.evaluateModule', false],
    ]);
    expect(tasks[0]!.ms).toBeCloseTo(3.2, 6);
    expect(tasks[1]!.ms).toBeCloseTo(3.5, 6);
    expect(extensionTraceTasks([task(1, 10, 'RunTask', 0, 10, 10)])).toBeNull();
  });

  it("counts only the extension's own events in a task the page's code shared, or in a rendering frame", () => {
    const trace = [
      ...injection,
      // the page's module evaluated, then in the same checkpoint the extension's observer called back
      task(1, 10, 'RunTask', 10_000, 8000, 8000),
      js('v8.evaluateModule', 10_100, 7000, { worldId: 0 }),
      checkpoint(18_000, 3000),
      js('FunctionCall', 18_500, 1000, { data: { url: MODULE } }),
      js('FunctionCall', 18_600, 300, { data: { url: MODULE } }), // nested in the one above: counted once
      js('FunctionCall', 20_000, 500, { data: { url: PAGE } }),
      // a rendering frame in which its animation-frame callback ran: the page's style, layout and paint left out
      task(1, 10, 'RunTask', 30_000, 5000, 5000),
      task(1, 10, 'Layout', 30_100, 3000, 3000),
      js('FunctionCall', 33_200, 400, { data: { url: MODULE } }),
      task(1, 10, 'Paint', 33_700, 1000, 1000),
      // Playwright's own isolated world is neither's
      task(1, 10, 'RunTask', 40_000, 2000, 2000),
      js('v8.evaluateModule', 40_100, 1500, { worldId: 7, worldName: '__playwright_utility_world__' }),
      // a task where only the page's code ran counts nothing (and is not listed)
      task(1, 10, 'RunTask', 50_000, 1000, 1000),
      js('v8.evaluateModule', 50_100, 800, { worldId: 0 }),
    ];
    expect(extensionTraceTime(trace)).toBeCloseTo(3 + 1 + 0.4, 6);
    expect(extensionTraceTasks(trace)!.map((t) => t.shared)).toEqual([false, true, true]);
  });

  it('is NaN when the extension never ran on the page', () => {
    expect(extensionTraceTime([task(1, 10, 'RunTask', 0, 10, 10)])).toBeNaN();
  });
});

describe('the baseline and floor extensions', () => {
  it('the empty one has no content script; the floor one injects, on the same pages, a script that only reads chrome.runtime.id', () => {
    const empty = emptyExtension();
    const floor = floorExtension();
    try {
      expect(JSON.parse(readFileSync(join(empty, 'manifest.json'), 'utf8')).content_scripts).toBeUndefined();
      const manifest = JSON.parse(readFileSync(join(floor, 'manifest.json'), 'utf8'));
      expect(manifest.content_scripts).toEqual([{ matches: AMELIPRO_MATCHES, js: ['content.js'], run_at: 'document_idle' }]);
      expect(manifest.permissions).toBeUndefined();
      expect(readFileSync(join(floor, 'content.js'), 'utf8').trim()).toBe('void chrome.runtime.id;');
    } finally {
      rmSync(empty, { recursive: true, force: true });
      rmSync(floor, { recursive: true, force: true });
    }
  });
});
