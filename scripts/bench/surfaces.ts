/**
 * Time to first render of the popup, side panel and options in Chromium with the built extension: the
 * `compagnon:rendered` mark each page sets right after its first Preact render, first-contentful-paint, and the
 * time until the popup's checklist (which waits for the settings from the background) is on screen.
 * Medians of RUNS fresh page loads each; budget 100 ms for the first render. Builds the extension if missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD, launchWithExtension } from '../../tests/e2e/harness';
import { limit } from './budget';
import type { Figure } from './types';
import { median } from '../stats';

const RUNS = 9;
const LIMIT_MS = limit('surfaceFirstRenderMs');

export async function bench(): Promise<Figure[]> {
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const launched = await launchWithExtension();
  const figures: Figure[] = [];
  try {
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
      for (let i = 0; i < RUNS; i++) {
        const page = await launched.context.newPage();
        await page.goto(`chrome-extension://${launched.extensionId}/${p.file}`);
        if (p.ready) await page.waitForSelector(p.ready);
        const t = await page.evaluate(async () => {
          const mark = performance.getEntriesByName('compagnon:rendered')[0]?.startTime ?? NaN;
          // FCP may be reported a frame later
          for (let k = 0; k < 20 && !performance.getEntriesByName('first-contentful-paint').length; k++) await new Promise((r) => setTimeout(r, 25));
          const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
          return { mark, paint, now: performance.now() };
        });
        rendered.push(t.mark);
        if (!Number.isNaN(t.paint)) fcp.push(t.paint);
        ready.push(t.now);
        await page.close();
      }
      figures.push({ area: 'surfaces', name: `${p.name}: first render (median of ${RUNS})`, value: +median(rendered).toFixed(1), unit: 'ms', limit: LIMIT_MS });
      if (fcp.length) figures.push({ area: 'surfaces', name: `${p.name}: first contentful paint (median)`, value: +median(fcp).toFixed(1), unit: 'ms', limit: LIMIT_MS });
      figures.push({ area: 'surfaces', name: `${p.name}: content ready incl. storage (median)`, value: +median(ready).toFixed(1), unit: 'ms' });
    }
  } finally {
    await launched.close();
  }
  return figures;
}
