/**
 * One journey, two browsers (tests/e2e/cross/journey.ts): every test page recognised, then the findings, popup,
 * side panel, settings, export/import and a form submitted, in Chromium with the Chrome build and in Firefox ESR
 * with the Firefox build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { chromiumDriver } from './cross/chromium';
import { firefoxDriver } from './cross/firefox';
import { everyPageRecognised, journey, type Driver } from './cross/journey';
import { launchFirefox, type FirefoxLaunched } from './firefox/harness';

test.describe('Chromium', () => {
  test('every test page is recognised', async ({ launched }, testInfo) => {
    await everyPageRecognised(chromiumDriver(launched, (n) => testInfo.outputPath(n)));
  });
  test('journey: findings, popup, side panel, settings, export and import, a form submitted, nothing sent', async ({ launched }, testInfo) => {
    await journey(chromiumDriver(launched, (n) => testInfo.outputPath(n)));
  });
});

test.describe('Firefox', () => {
  test.describe.configure({ mode: 'serial' });
  let ff: FirefoxLaunched;
  let scratch: string;
  let driver: Driver;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    ff = await launchFirefox();
    scratch = mkdtempSync(join(tmpdir(), 'compagnon-ff-files-'));
    driver = firefoxDriver(ff, scratch);
  });
  test.afterAll(async () => {
    await ff?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('every test page is recognised', async () => {
    await everyPageRecognised(driver);
  });
  test('journey: findings, popup, side panel, settings, export and import, a form submitted, nothing sent', async () => {
    test.setTimeout(180_000);
    await journey(driver);
  });
  test("the popup's button opens the help panel in Firefox's sidebar (sidebar_action, not Chrome's side_panel); the Ma Convention tab then reads its points for it", async () => {
    const popup = await ff.openExtensionPage('popup.html');
    const isOpen = () => popup.evaluate(() => (globalThis as any).browser.sidebarAction.isOpen({}) as Promise<boolean>);
    expect(await isOpen()).toBe(false);
    // the journey's Ma Convention tab, with no panel open: no points or payments read
    const convention = await driver.tabId('convention2.ameli.fr');
    expect(await driver.tabStakes(convention)).toBeNull();
    await popup.bringToFront();
    await popup.locator('::-p-aria([name="Ouvrir le panneau d’aide"][role="button"])').click();
    await expect.poll(isOpen).toBe(true);
    // the sidebar told the background, which told the tab
    await expect.poll(() => driver.tabStakes(convention), { timeout: 15_000 }).toMatchObject({ points: { acquired: 340, max: 420 } });
  });
  test('the closed proxy does see what would leave the machine (so that "nothing sent" means something)', async () => {
    const page = await ff.browser.newPage();
    await page.goto('http://example.org/sortie', { timeout: 10_000 }).catch(() => {});
    await expect.poll(() => ff.proxied.some((l) => l.includes('example.org')), { timeout: 10_000 }).toBe(true);
  });
});

test.describe('Firefox, access to amelipro not granted', () => {
  test('nothing runs on the portal; the popup says so, and its button gets the access', async () => {
    test.setTimeout(120_000);
    const ff = await launchFirefox({ grantHosts: false, acceptPermissionRequests: true });
    try {
      const aat = await ff.newPage('https://espacepro.ameli.fr/aat/');
      const popup = await ff.openExtensionPage('popup.html');
      const origins = await popup.evaluate(async () => ((await (globalThis as any).browser.permissions.getAll()) as { origins: string[] }).origins);
      expect(origins).toEqual([]);
      await expect
        .poll(() => popup.evaluate(() => document.querySelector('[data-testid="ameli-access"] h2')?.textContent ?? ''))
        .toBe('Accès à amelipro non accordé');
      // the content script never started on the portal page
      expect(await aat.evaluate(() => document.querySelector('compagnon-amelipro') === null)).toBe(true);
      // the user asks for the access (a trusted click), the browser grants it: the page is checked once reloaded
      await popup.bringToFront();
      await popup.locator('::-p-aria([name="Autoriser l’accès à amelipro"][role="button"])').click();
      await expect
        .poll(() => popup.evaluate(() => document.querySelector('[data-testid="ameli-access"] [role="status"]')?.textContent ?? ''))
        .toBe('Accès accordé. Rechargez les pages d’amelipro déjà ouvertes.');
      expect(await popup.evaluate(async () => ((await (globalThis as any).browser.permissions.getAll()) as { origins: string[] }).origins.length)).toBe(6);
      await aat.reload();
      // checked once reloaded: the notice has nothing to say until the paper Cerfa is asked for, then the overlay says it
      await aat.waitForSelector('#aat-imprimer-cerfa-btn');
      await expect
        .poll(
          async () => {
            await aat.click('#aat-imprimer-cerfa-btn');
            return aat.evaluate(() => document.querySelector('compagnon-amelipro')?.getAttribute('data-compagnon-page') ?? null);
          },
          { timeout: 15_000 },
        )
        .toBe('aat');
    } finally {
      await ff.close();
    }
  });
});
