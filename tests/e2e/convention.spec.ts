import { test, expect } from './fixtures';
import { readStore } from './db';
import { openOverlay, overlay } from './overlay';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { openPortalTab, expectChecked, popupFindings } from './tabs';
import { expectAccessible } from './a11y';
import { setReferenceDate } from './settings';

test.describe('Ma Convention', () => {
  test('doctor: indicator tiles are saved as snapshots in IndexedDB and read back, without duplicates', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('https://convention2.ameli.fr/ma-convention/');
    await expectChecked(page, 'convention-medecin');
    await expect.poll(async () => (await readStore(serviceWorker, 'snapshots')).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    const snapshots = await readStore(serviceWorker, 'snapshots');
    const usage = snapshots.find((s) => s.indicatorId === 'donum.socle.usage-teleservices');
    expect(usage).toMatchObject({ value: 72, target: 60, asOf: '2026-10-31', pageType: 'convention-medecin' });
    const apcv = snapshots.find((s) => s.indicatorId === 'donum.option.apcv-mss');
    expect(apcv).toMatchObject({ value: 1, target: 2 });
    // nothing but aggregates: no free text from the page
    expect(JSON.stringify(snapshots)).not.toMatch(/TESTARD|Tilleuls/);

    // Reloading the page does not duplicate the snapshots of the same date.
    await page.reload();
    await page.waitForTimeout(1500);
    expect((await readStore(serviceWorker, 'snapshots')).length).toBe(snapshots.length);
  });

  test('pharmacist: tiles read from the pharmacists page; the side panel lists the last payments, and no points (the page shows none)', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    const url = 'https://conventionpharmaciens.ameli.fr/ma-convention/';
    const { tabId } = await openPortalTab(context, serviceWorker, url, 'convention-pharmacien');
    await expect
      .poll(async () => (await readStore(serviceWorker, 'snapshots')).map((s) => s.indicatorId).sort(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['pharmacien.bups.entretiens-opioides', 'pharmacien.numerique.dmp']));
    const stakes = (await openExtensionPage(`sidepanel.html?tabId=${tabId}`)).getByTestId('stakes');
    await expect(stakes.locator('[data-testid="payments"] li').first()).toContainText(/Bon usage des produits de santé · le 17\/10\/2026 · 412,80\s€/);
    await expect(stakes.locator('[data-testid^="points"]')).toHaveCount(0);
  });
});

test('the side panel on Ma Convention shows the points acquired and the last payments (not stored), and a first reading against its target', async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  const { tabId } = await openPortalTab(context, serviceWorker, 'https://convention2.ameli.fr/ma-convention/', 'convention-medecin');
  const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  const stakes = panel.getByTestId('stakes');
  await expect(stakes.getByTestId('points')).toHaveText(/^Points acquis\s*:\s*340 sur 420$/);
  const first = stakes.locator('[data-testid="payments"] li').first();
  await expect(first).toContainText('Forfait patientèle médecin traitant (FPMT) (2026)');
  await expect(first).toContainText('le 15/09/2026');
  await expect(first).toContainText(/1\s842,60\s€/);
  await expect(stakes.locator('[data-testid="payments"] li')).toHaveCount(3);
  // the first visit: each indicator's only reading is drawn against its target, with its unit
  const usage = panel.locator('[data-indicator-id="donum.socle.usage-teleservices"]');
  await expect(usage.locator('[data-readings="1"] [data-label="value"]')).toHaveText(/^72\s%$/);
  await expect(usage.locator('[data-readings="1"] [data-label="target"]')).toHaveText(/^Objectif 60\s%$/);
  // the points, payments and first-reading bars keep the side panel at 0 serious axe finding
  await expectAccessible(panel);
  // the amounts went to the side panel with the tab state, never to IndexedDB
  expect(JSON.stringify(await readStore(serviceWorker, 'snapshots'))).not.toMatch(/1842|5873|4912|FPMT/);
});

/** What the background keeps of a tab's state: its page, when it arrived, and the points and payments it carries. */
const tabStakes = (sw: Worker, tabId: number) =>
  sw.evaluate(async (id) => {
    const key = `tab:${id}`;
    const got = (await (globalThis as any).chrome.storage.session.get(key))[key];
    return { page: got?.page ?? null, updatedAt: got?.updatedAt ?? null, stakes: got?.stakes ?? null };
  }, tabId);

/** The doctors' Ma Convention in a new tab, no panel open: the page is checked, its state sent, without the points and payments. */
async function conventionWithoutPanel(context: BrowserContext, sw: Worker): Promise<{ page: Page; tabId: number }> {
  const opened = await openPortalTab(context, sw, 'https://convention2.ameli.fr/ma-convention/', 'convention-medecin');
  await expect.poll(async () => (await tabStakes(sw, opened.tabId)).page, { timeout: 10_000 }).toBe('convention-medecin');
  await opened.page.waitForTimeout(500);
  expect((await tabStakes(sw, opened.tabId)).stakes).toBeNull();
  return opened;
}

test('the points and payments are read only while a side panel is open: when it opens after the page, on a page loaded while it is open, and no longer once it closed', async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  const { page, tabId } = await conventionWithoutPanel(context, serviceWorker);

  // the panel opens: the tab is told, reads them and sends them, though the page did not change
  const panel = await openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByTestId('stakes').getByTestId('points')).toHaveText(/^Points acquis\s*:\s*340 sur 420$/);
  expect((await tabStakes(serviceWorker, tabId)).stakes?.points).toEqual({ acquired: 340, max: 420 });

  // the page loaded again while the panel is open: the background's answer to its first state says so
  const before = (await tabStakes(serviceWorker, tabId)).updatedAt;
  await page.reload();
  await expectChecked(page, 'convention-medecin');
  await expect
    .poll(
      async () => {
        const now = await tabStakes(serviceWorker, tabId);
        return now.updatedAt !== before && now.stakes?.payments?.length;
      },
      { timeout: 10_000 },
    )
    .toBe(3);
  await expect(panel.getByTestId('stakes').locator('[data-testid="payments"] li')).toHaveCount(3);

  // the panel closes: the tab stops reading them, and its state no longer carries them
  await panel.close();
  await expect.poll(async () => (await tabStakes(serviceWorker, tabId)).stakes, { timeout: 10_000 }).toBeNull();
  expect((await tabStakes(serviceWorker, tabId)).page).toBe('convention-medecin');
});

test("Chrome's own side panel, opened by the popup's button: the browser lists it, the Ma Convention tab reads its points for it, and stops once it is closed", async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  const { page, tabId } = await conventionWithoutPanel(context, serviceWorker);
  const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
  await popup.getByRole('button', { name: 'Ouvrir le panneau d’aide', exact: true }).click();
  // the panel is the tab's: it shows (and its page starts) when the tab is in front
  await page.bringToFront();
  const sidePanels = () =>
    serviceWorker.evaluate(async () => ((await (globalThis as any).chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })) as unknown[]).length);
  await expect.poll(sidePanels, { timeout: 10_000 }).toBe(1);
  await expect.poll(async () => (await tabStakes(serviceWorker, tabId)).stakes?.points, { timeout: 10_000 }).toEqual({ acquired: 340, max: 420 });
  // closed (chrome.sidePanel.close, as the user's close button): the browser lists none, the tab stops reading them
  await serviceWorker.evaluate(async (id) => {
    const chromeApi = (globalThis as any).chrome;
    await chromeApi.sidePanel.close({ windowId: (await chromeApi.tabs.get(id)).windowId });
  }, tabId);
  await expect.poll(sidePanels, { timeout: 10_000 }).toBe(0);
  await expect.poll(async () => (await tabStakes(serviceWorker, tabId)).stakes, { timeout: 10_000 }).toBeNull();
});

test("the open declaration window is flagged with the days left: weeks before, in the toolbar window only (the portal's block shows the same); an orange button in the last days (a warning: the panel opens by itself only for blocking findings)", async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  // 28/11/2026, the close on 07/02/2027 (reference date set in the options): an information the portal's declaration
  // block already shows ("La saisie sera fermée le 07/02/2027", "déclarés : 1/3"), so nothing of the extension in the page
  const options = await openExtensionPage('options.html');
  expect(await setReferenceDate(options, '2026-11-28')).toMatchObject({ ok: true });
  const page = await context.newPage();
  await page.goto('https://convention2.ameli.fr/ma-convention/');
  await expectChecked(page, 'convention-medecin');
  await page.waitForTimeout(500);
  await expect(overlay(page)).toHaveCount(0);
  const popup = await popupFindings(openExtensionPage, serviceWorker, '/ma-convention/');
  const listed = popup.locator('[data-section="current-tab"] [data-rule-id="indicators.declaration-open"]');
  await expect(listed).toBeVisible();
  await expect(listed).toContainText('1/3 indicateurs déclarés');
  await expect(listed).toContainText('07/02/2027');
  await popup.close();

  // eight days before the close: a warning, the button turns orange
  expect(await setReferenceDate(options, '2027-01-30')).toMatchObject({ ok: true });
  await page.reload();
  const finding = overlay(page).locator('[data-rule-id="indicators.declaration-open"]');
  await expect(overlay(page).locator('.ca-pill-warning')).toBeVisible();
  await expect(overlay(page).locator('.ca-panel')).toHaveCount(0);
  await openOverlay(page);
  await expect(finding).toContainText('J-8');
});

test('the declaration deadline is kept (dates only): once the Ma Convention tab is closed, the side panel and the badge still count down', async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  // eight days before the close announced by the page (07/02/2027), the engine's "today" set in the options
  const options = await openExtensionPage('options.html');
  expect(await setReferenceDate(options, '2027-01-30')).toMatchObject({ ok: true });
  const page = await context.newPage();
  await page.goto('https://convention2.ameli.fr/ma-convention/');
  await expectChecked(page, 'convention-medecin');
  // the closing day only: no count, no page text
  await expect
    .poll(async () => readStore(serviceWorker, 'deadlines'), { timeout: 10_000 })
    .toEqual([{ page: 'convention-medecin', closesOn: '2027-02-07', seenOn: '2027-01-30' }]);
  await page.close();

  const panel = await openExtensionPage('sidepanel.html');
  const deadline = panel.locator('[data-testid="deadlines"] [data-deadline="2027-02-07"]');
  await expect(deadline).toContainText('Déclaration des indicateurs médecin');
  await expect(deadline).toContainText('Clôture le 07/02/2027');
  await expect(deadline).toHaveAttribute('data-days', '8');
  const badge = () =>
    serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: { action: { getBadgeText: (d: object) => Promise<string> } } }).chrome.action.getBadgeText({}),
    );
  await expect.poll(badge).toBe('J-8');

  // the day after the close: dropped from the badge and from the side panel
  expect(await setReferenceDate(options, '2027-02-08')).toMatchObject({ ok: true });
  await expect.poll(badge).toBe('');
  await panel.reload();
  await expect(panel.locator('[data-testid="deadlines"] [data-deadline="2027-02-07"]')).toHaveCount(0);
});
