/**
 * Time to first render of the popup, side panel and options in Chromium with the built extension: the
 * `compagnon:rendered` mark each page sets right after its first Preact render, first-contentful-paint, and the
 * time until the popup's checklist (which waits for the settings from the background) is on screen.
 * Medians of RUNS fresh page loads each. The budget is a ratio: first contentful paint over that of a plain extension
 * page (its HTML text only) loaded alternately in the same run, so that it means the same on a slower or busier
 * machine; the absolute times are printed beside it. Builds the extension if missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CHROME_BUILD, launchWithExtension } from '../../tests/e2e/harness';
import { limit } from './budget';
import type { Figure } from './types';
import { median } from '../stats';
import { plainPageExtension } from '../profiled-load';
import { rmSync } from 'node:fs';

const RUNS = 9;
const RATIO_LIMIT = limit('surfaceFirstPaintRatio');

/** First contentful paint of an extension page, waited for a few frames (it may be reported a frame later). */
async function firstPaint(page: Page): Promise<number> {
  return page.evaluate(async () => {
    for (let k = 0; k < 20 && !performance.getEntriesByName('first-contentful-paint').length; k++) await new Promise((r) => setTimeout(r, 25));
    return performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
  });
}

export async function bench(): Promise<Figure[]> {
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const launched = await launchWithExtension();
  // the reference: an extension page with nothing but its text, in a browser of its own, loaded alternately
  const plainDir = plainPageExtension();
  const plain = await launchWithExtension({ extensionDir: plainDir });
  const figures: Figure[] = [];
  const plainPaint = async (): Promise<number> => {
    const page = await plain.context.newPage();
    await page.goto(`chrome-extension://${plain.extensionId}/page.html`);
    const t = await firstPaint(page);
    await page.close();
    return t;
  };
  try {
    await plainPaint();
    const pages: { file: string; name: string; ready?: string }[] = [
      { file: 'popup.html', name: 'popup', ready: '[data-checklist-id] li[data-item-id]' },
      { file: 'sidepanel.html', name: 'side panel', ready: '[data-help-id]' },
      { file: 'options.html', name: 'options', ready: '[data-testid="profile-form"]' },
    ];
    // warm-up: the service worker and the HTTP cache of the extension files
    const warm = await launched.context.newPage();
    await warm.goto(`chrome-extension://${launched.extensionId}/popup.html`);
    await warm.close();
    for (const p of pages) {
      const rendered: number[] = [];
      const fcp: number[] = [];
      const ready: number[] = [];
      const ratios: number[] = [];
      const reference: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const ref = await plainPaint();
        reference.push(ref);
        const page = await launched.context.newPage();
        await page.goto(`chrome-extension://${launched.extensionId}/${p.file}`);
        // attached, not visible: away from amelipro the popup's end-of-day list (its storage-backed list) is folded
        if (p.ready) await page.waitForSelector(p.ready, { state: 'attached' });
        const paint = await firstPaint(page);
        const t = await page.evaluate(() => ({ mark: performance.getEntriesByName('compagnon:rendered')[0]?.startTime ?? NaN, now: performance.now() }));
        rendered.push(t.mark);
        if (!Number.isNaN(paint)) {
          fcp.push(paint);
          if (ref > 0) ratios.push(paint / ref);
        }
        ready.push(t.now);
        await page.close();
      }
      if (ratios.length) {
        figures.push({
          area: 'surfaces',
          name: `${p.name}: first contentful paint / a plain extension page's, same run (median of ${RUNS} pairs)`,
          value: +median(ratios).toFixed(2),
          unit: '×',
          limit: RATIO_LIMIT,
        });
      }
      // the absolute figures, beside the ratio: they depend on the machine's speed
      figures.push({ area: 'surfaces', name: `${p.name}: first render (median of ${RUNS})`, value: +median(rendered).toFixed(1), unit: 'ms' });
      if (fcp.length) figures.push({ area: 'surfaces', name: `${p.name}: first contentful paint (median)`, value: +median(fcp).toFixed(1), unit: 'ms' });
      figures.push({
        area: 'surfaces',
        name: `${p.name}: the plain extension page's first contentful paint (median)`,
        value: +median(reference).toFixed(1),
        unit: 'ms',
      });
      figures.push({ area: 'surfaces', name: `${p.name}: content ready incl. storage (median)`, value: +median(ready).toFixed(1), unit: 'ms' });
    }
  } finally {
    await launched.close();
    await plain.close();
    rmSync(plainDir, { recursive: true, force: true });
  }
  return figures;
}
