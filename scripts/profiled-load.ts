/**
 * One page load under Chromium's CPU profiler, as both `npm run bench content` and `npm run profile:content`
 * measure it: 100 µs sampling, from navigation until the page and the features settle; and the samples that
 * were in the extension's own code (frames whose script is chrome-extension://…).
 */
import type { Page } from '@playwright/test';

type Profile = { nodes: { id: number; callFrame: { url: string; lineNumber: number; columnNumber: number; functionName: string } }[]; samples?: number[]; timeDeltas?: number[] };
export type ProfileNode = Profile['nodes'][number];

/** Loads `url` in `page` under the profiler; `task` is Chromium's TaskDuration for the load, in ms. */
export async function profiledLoad(page: Page, url: string, settleMs = 1500): Promise<{ profile: Profile; task: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.waitForTimeout(settleMs); // app render + features settle (debounced re-checks included)
  const { profile } = await cdp.send('Profiler.stop');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return { profile, task: (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000 };
}

/** Calls `visit` with each sample taken in the extension's code and its duration (µs); returns their total (µs). */
export function extensionSamples(profile: Profile, visit: (node: ProfileNode, us: number) => void = () => {}): number {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const node = nodes.get(id);
    if (!node || !node.callFrame.url.startsWith('chrome-extension://')) return;
    const us = profile.timeDeltas?.[i] ?? 0;
    total += us;
    visit(node, us);
  });
  return total;
}
