/**
 * The overlay never stands over the page's controls: on every test page, at 1280×800 and 1024×768, with the
 * corner button and with the panel open, the element stack at the centre of each visible button, link or field of
 * the page (document.elementsFromPoint) never holds the overlay's host.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { overlay } from './overlay';
import { expectChecked } from './tabs';
// @ts-expect-error plain ESM helper of the test-page package, no types
import { portalPages } from '../portal/router.mjs';

// the pages of other services (pageType unknown) get no overlay at all: nothing to place there
const PAGES = (portalPages() as { id: string; url: string; pageType: string }[]).filter((p) => p.id !== 'home-vitale-ok' && p.pageType !== 'unknown');
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
];

/** The page's controls (written here, not imported from the extension: the test must not share its blind spots). */
async function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const host = document.querySelector('compagnon-amelipro');
    const covered: string[] = [];
    const controls = document.querySelectorAll(
      'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [role="link"], [role="tab"], [role="checkbox"]',
    );
    for (const el of controls) {
      if (host?.contains(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      if (host && document.elementsFromPoint(x, y).includes(host)) {
        covered.push(`${el.tagName.toLowerCase()} « ${(el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 40)} »`);
      }
    }
    return covered;
  });
}

/**
 * What a user does on the pages where the extension has nothing to say at load (it then puts nothing in the page),
 * so that the overlay appears there too and its place is checked on those layouts.
 */
const HEIC = { name: 'photo.heic', mimeType: 'image/heic', buffer: Buffer.from('x') };
const SOMETHING_TO_SAY: Record<string, (page: Page) => Promise<void>> = {
  aat: (page) => page.locator('#aat-imprimer-cerfa-btn').click(),
  atmp: (page) => page.locator('#dateFinArret').fill('15/01/2027'),
  prescription: (page) => page.locator('#prescription-ligne-2').fill('Tramadol 50 mg : 1 gélule 3 fois par jour pendant 10 jours'),
  reclaps: (page) => page.locator('input[type="file"]').setInputFiles(HEIC),
  'reclaps-variante': (page) => page.locator('input[type="file"]').setInputFiles(HEIC),
  'reclaps-variante-paiements2': (page) => page.locator('input[type="file"]').setInputFiles(HEIC),
};

for (const viewport of VIEWPORTS) {
  test(`at ${viewport.width}×${viewport.height}, neither the corner button nor the open panel covers a control of any test page`, async ({ context }) => {
    test.setTimeout(180_000);
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    let panelsSeen = 0;
    let overlaysSeen = 0;
    for (const entry of PAGES) {
      await page.goto(entry.url);
      await expectChecked(page, entry.pageType);
      await SOMETHING_TO_SAY[entry.id]?.(page);
      await page.waitForTimeout(600);
      // nothing to say: nothing in the page, so nothing covered (never on a page the user just gave something to say)
      if (!(await overlay(page).count())) {
        expect(SOMETHING_TO_SAY[entry.id], `${entry.id}: the overlay shows what the user's action gave it to say`).toBeUndefined();
        continue;
      }
      overlaysSeen++;
      await expect(overlay(page).locator('.ca-pill, .ca-panel').first()).toBeVisible();
      await page.waitForTimeout(400); // the button finds its place when the browser is idle
      expect(await coveredControls(page), `${entry.id}: the corner button`).toEqual([]);
      if (await overlay(page).locator('.ca-pill').count()) await overlay(page).locator('.ca-pill').click();
      if (await overlay(page).locator('.ca-panel').count()) {
        panelsSeen++;
        expect(await coveredControls(page), `${entry.id}: the open panel`).toEqual([]);
        // scrolled to the bottom of the page: the panel moves with what is under it
        await page.mouse.wheel(0, 5000);
        await page.waitForTimeout(800);
        expect(await coveredControls(page), `${entry.id}: the open panel, page scrolled`).toEqual([]);
      }
    }
    // the overlay was there on most pages, and its panel opened on most of those: the checks above were not all
    // made on an empty page or a folded overlay
    expect(overlaysSeen).toBeGreaterThan(PAGES.length / 2);
    expect(panelsSeen).toBeGreaterThan(overlaysSeen / 2);
  });
}

test("on the prescription page, with a tramadol line's findings, the panel covers neither the page's buttons nor the lines", async ({ context }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('https://espacepro.ameli.fr/prescription/');
  await page.locator('#prescription-ligne-2').fill('Tramadol 50 mg : 1 gélule 3 fois par jour pendant 10 jours');
  // quiet while the user types: the button turns red, the user opens the panel
  await expect(page.locator('compagnon-amelipro-note').first()).toBeVisible();
  await expect(overlay(page).locator('.ca-pill-blocking')).toBeVisible();
  await overlay(page).locator('.ca-pill').click();
  await expect(overlay(page).locator('.ca-panel')).toBeVisible();
  expect(await coveredControls(page)).toEqual([]);
  // the page's own button takes a click (Playwright checks nothing else receives it)
  await page.getByRole('button', { name: /Valider l.ordonnance/ }).click({ trial: true });
});
