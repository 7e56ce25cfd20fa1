import { test, expect } from './fixtures';
import { OUTSIDE_PAGES } from './harness';

test('the content script runs on amelipro pages and marks the detected page type', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://espacepro.ameli.fr/page-accueil-ihm/');
  const host = page.locator('compagnon-amelipro');
  await expect(host).toHaveAttribute('data-compagnon-page', 'home');
  // the portal's own widget is still there and usable
  await expect(page.locator('#patientLogin-form-nir')).toBeVisible();
});

test('the content script does not run outside the amelipro hosts', async ({ context }) => {
  for (const url of Object.keys(OUTSIDE_PAGES)) {
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.locator('h1')).toBeVisible();
    // give a content script every chance to appear
    await page.waitForTimeout(700);
    await expect(page.locator('compagnon-amelipro')).toHaveCount(0);
    await page.close();
  }
});

test('popup, side panel and options open and render in French', async ({ openExtensionPage }) => {
  for (const [file, heading] of [
    ['popup.html', 'Compagnon amelipro'],
    ['sidepanel.html', 'Compagnon amelipro'],
    ['options.html', 'Compagnon amelipro'],
  ] as const) {
    const page = await openExtensionPage(file);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await expect(page.locator('h1')).toContainText(heading);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    expect(errors).toEqual([]);
    await page.close();
  }
});

test('the background answers and the badge follows the findings of a tab', async ({ serviceWorker }) => {
  const pong = await serviceWorker.evaluate(async () => {
    const r = await (globalThis as any).chrome.runtime.getManifest();
    return { name: r.name, permissions: r.permissions };
  });
  expect(pong.permissions).toEqual(['storage', 'sidePanel']);
});
