import { test, expect } from './fixtures';
import { OUTSIDE_PAGES } from './harness';
import { expectChecked, tabIdOf } from './tabs';

test('on a recognised page with nothing to say, the page is checked and nothing is put in it; the toolbar window says so', async ({
  context,
  serviceWorker,
  extensionId,
}) => {
  // the AT/MP certificate as it opens: no leave ticked, nothing to say
  const page = await context.newPage();
  await page.goto('https://espacepro.ameli.fr/atmp/');
  await expectChecked(page, 'atmp');
  // quiet: no overlay, not even a corner button, while there is nothing to say (the carte Vitale's status, known
  // 2 s after the start where it is followed, would have had time to come)
  await page.waitForTimeout(2500);
  await expect(page.locator('compagnon-amelipro')).toHaveCount(0);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${await tabIdOf(serviceWorker, '/atmp/')}`);
  await expect(popup.getByTestId('tab-summary')).toContainText(/aucune remarque/i);
  // the portal's own form is still there and usable
  await page.locator('#dateFinArret').fill('15/01/2027');
  await expect(page.locator('#dateFinArret')).toHaveValue('15/01/2027');
});

test('on an amelipro page it does not recognise, no corner button; the toolbar window says the page is not recognised', async ({
  context,
  serviceWorker,
  extensionId,
}) => {
  // an address of the portal that none of the checks knows (the test portal answers it with its "page introuvable")
  const url = 'https://espacepro.ameli.fr/mes-informations-personnelles/';
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('h1')).toHaveText('Page introuvable');
  const tabId = async () =>
    serviceWorker.evaluate(async (u) => {
      const [tab] = ((await (globalThis as any).chrome.tabs.query({})) as { id: number; url: string }[]).filter((t) => t.url === u);
      return tab?.id;
    }, url);
  await page.waitForTimeout(1500); // the content script has run and sent the page's state
  // nothing in the page: a "✓" there would vouch for a page nobody checked
  await expect(page.locator('compagnon-amelipro')).toHaveCount(0);
  // the toolbar window knows the page (the state came from the content script: without it, "analyse en cours")
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${await tabId()}`);
  await expect(popup.getByTestId('tab-summary')).toContainText('Page non reconnue');
});

test('started on a page it does not recognise, the content script starts its checks when the app moves to a page it knows', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://espacepro.ameli.fr/mes-informations-personnelles/');
  await expect(page.locator('h1')).toHaveText('Page introuvable');
  await page.waitForTimeout(800);
  await expect(page.locator('compagnon-amelipro')).toHaveCount(0);
  // an in-page navigation (as a single-page app does) to the sick-leave address
  await page.evaluate(() => history.pushState({}, '', '/aat/'));
  const host = page.locator('compagnon-amelipro');
  await expect(host).toHaveAttribute('data-compagnon-page', 'aat');
  // the sick-leave check ran: on this page without its form, it says it could not check rather than nothing
  await expect(host.locator('.ca-count')).toBeVisible();
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

test('the toolbar badge counts the warnings of the current tab', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('https://espacepro.ameli.fr/aat/');
  await expectChecked(page, 'aat');
  const badge = () =>
    serviceWorker.evaluate(async () => {
      const chromeApi = (globalThis as any).chrome;
      const [tab] = (await chromeApi.tabs.query({})).filter((t: any) => String(t.url).includes('/aat/'));
      return chromeApi.action.getBadgeText({ tabId: tab.id }) as Promise<string>;
    });
  await expect.poll(badge).toBe('');
  await page.locator('#date_debut_arret').fill('02/11/2026');
  await page.locator('#date_fin_arret').fill('15/12/2026');
  await expect.poll(badge).toBe('1');
});

test('the manifest asks only for the allowed permissions and hosts', async ({ serviceWorker }) => {
  const manifest = await serviceWorker.evaluate(() => (globalThis as any).chrome.runtime.getManifest());
  expect(manifest.permissions).toEqual(['storage', 'sidePanel']);
  expect([...manifest.host_permissions].sort()).toEqual(
    [
      'https://authcps-espacepro.ameli.fr/*',
      'https://authps-espacepro.ameli.fr/*',
      'https://convention2.ameli.fr/*',
      'https://conventionpharmaciens.ameli.fr/*',
      'https://espacepro.ameli.fr/*',
      'https://paiements2.ameli.fr/*',
    ].sort(),
  );
  expect(manifest.name).toBe('Compagnon amelipro'); // localised from _locales/fr
  expect(JSON.stringify(manifest)).not.toMatch(/management|<all_urls>|unsafe-eval/);
});
