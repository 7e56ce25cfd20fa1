/** The popup's checklist is built from the page and the profession, and starts fresh for another patient. */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { tabIdOf, expectChecked } from './tabs';

const pageItems = (popup: Page) => popup.locator('[data-section="checklist"] li[data-item-id]');

test('the checklist differs between the sick-leave, prescription and transport pages', async ({ context, serviceWorker, openExtensionPage }) => {
  const lists: Record<string, string[]> = {};
  for (const [name, url, pageType] of [
    ['aat', 'https://espacepro.ameli.fr/aat/', 'aat'],
    ['prescription', 'https://espacepro.ameli.fr/prescription/', 'prescription'],
    ['transport', 'https://espacepro.ameli.fr/prescription-transport/recapitulatif', 'transmission'],
  ] as const) {
    const page = await context.newPage();
    await page.goto(url);
    await expectChecked(page, pageType);
    await page.waitForTimeout(300);
    const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(serviceWorker, new URL(url).pathname)}`);
    await expect(popup.getByTestId('tab-summary')).toBeVisible();
    await expect(popup.locator('[data-section="checklist"]')).toHaveAttribute('data-page', pageType);
    lists[name] = await pageItems(popup).evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id')!));
    if (name === 'transport') {
      // nothing about tramadol, GLP-1 or Saturday fees on a transport summary; billing is in the end-of-day list
      await expect(popup.getByTestId('checklist-empty')).toBeVisible();
      await expect(popup.locator('[data-section="end-of-day"] li[data-item-id="billing.saturday"]')).toBeVisible();
    }
    await popup.close();
  }
  expect(lists['aat']).toContain('aat.secured-cerfa');
  expect(lists['aat']).not.toContain('secure-prescription.required');
  expect(lists['prescription']).toContain('secure-prescription.required');
  expect(lists['prescription']).not.toContain('aat.secured-cerfa');
  expect(lists['transport']).toEqual([]);
});

test('ticks are kept for the same patient and page, and a new patient starts fresh (nothing of the patient stored)', async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  await page.goto('https://espacepro.ameli.fr/aat/');
  await expectChecked(page, 'aat');
  await page.waitForTimeout(300);
  const tabId = await tabIdOf(serviceWorker, '/aat/');
  let popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
  // the popup fits a 600 px window: the prescription box (one click away), the tab's summary, its checklist and
  // « Terminer » without scrolling
  await popup.setViewportSize({ width: 400, height: 600 });
  await expect(pageItems(popup).first()).toBeVisible();
  for (const target of [
    popup.getByText('Vérifier une ordonnance'),
    popup.getByTestId('tab-summary'),
    popup.getByRole('button', { name: 'Terminer' }).first(),
  ]) {
    const box = (await target.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(600);
  }
  const first = pageItems(popup).first();
  await first.getByRole('checkbox').check();
  // the popup closed at once (a click back into the portal): the tick that started the run is kept
  await popup.close();
  popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
  await expect(pageItems(popup).first()).toHaveAttribute('data-state', 'done');
  await popup.reload();
  await expect(pageItems(popup).first()).toHaveAttribute('data-state', 'done');
  // the application shows another patient in the same tab
  await page.evaluate(() => {
    const name = document.querySelector('.amelipro-patient-banner__patient-info__name span');
    if (name) name.textContent = 'Marc LEGRAND';
  });
  await page.waitForTimeout(900);
  await popup.reload();
  await expect(pageItems(popup).first()).toHaveAttribute('data-state', 'todo');
  // what the popup remembers in the session: random ids and counters, never the patient
  const session = JSON.stringify(await serviceWorker.evaluate(() => (globalThis as any).chrome.storage.session.get(null)));
  expect(session).not.toMatch(/DUPONT|LEGRAND|Léa|Marc|1985/);
});
