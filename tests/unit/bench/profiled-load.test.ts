/** The bench's reading of a load's trace: the page's whole main-thread CPU, whatever else the browser ran. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AMELIPRO_MATCHES } from '../../../lib/hosts';
import { emptyExtension, floorExtension, pageMainThreadByEvent, pageMainThreadCpu, type TraceEvent } from '../../../scripts/profiled-load';

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
