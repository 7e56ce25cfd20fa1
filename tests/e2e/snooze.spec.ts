/** Blocking findings cannot be snoozed for days; the others' snooze has an « Annuler »; hidden ones are counted. */
import { test, expect } from './fixtures';
import { readStore } from './db';
import { openOverlay, overlay } from './overlay';
import { tabIdOf } from './tabs';

test('a blocking finding is only hidden on this page (never stored, back after a reload); « Annuler » brings it back', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto('https://espacepro.ameli.fr/prescription/');
  await page.locator('#prescription-ligne-2').fill('Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j');
  await page.locator('h1').first().click(); // out of the field
  await openOverlay(page);
  const finding = overlay(page).locator('[data-rule-id="secure-prescription.required"]');
  await expect(finding).toBeVisible();
  await expect(finding.locator('.ca-sev')).toHaveText(/Bloquant/);
  // no « Ne plus afficher pendant… » on a blocking finding
  await expect(finding.locator('select')).toHaveCount(0);
  await finding.getByRole('button', { name: /Masquer sur cette page/ }).click();
  await expect(finding).toHaveCount(0);
  await expect(overlay(page).locator('.ca-notice')).toContainText('masqué sur cette page');
  await expect(overlay(page).locator('.ca-hidden-count')).toHaveText(/1 remarque masquée/);
  await overlay(page).locator('.ca-notice').getByRole('button', { name: 'Annuler' }).click();
  await expect(finding).toBeVisible();
  await finding.getByRole('button', { name: /Masquer sur cette page/ }).click();
  await expect(finding).toHaveCount(0);
  expect(await readStore(serviceWorker, 'snoozes')).toEqual([]);
  // the next load of the page shows it again
  await page.reload();
  await page.locator('#prescription-ligne-2').fill('Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j');
  await page.locator('h1').first().click();
  await openOverlay(page);
  await expect(overlay(page).locator('[data-rule-id="secure-prescription.required"]')).toBeVisible();
});

test("a warning's snooze of days has its « Annuler », and the popup says how many are hidden", async ({ context, serviceWorker, openExtensionPage }) => {
  const page = await context.newPage();
  await page.goto('https://espacepro.ameli.fr/aat/');
  await page.locator('#aat-imprimer-cerfa-btn').click();
  await openOverlay(page);
  const finding = overlay(page).locator('[data-rule-id="aat.online-preferred"]');
  await expect(finding).toBeVisible();
  // chosen from the keyboard (a script's selectOption is untrusted, and refused)
  await finding.locator('select').focus();
  await page.keyboard.press('7');
  await expect(finding).toHaveCount(0);
  await expect(overlay(page).locator('.ca-notice')).toContainText('masqué 7 jours');
  await expect.poll(async () => (await readStore(serviceWorker, 'snoozes')).map((s: { ruleId: string }) => s.ruleId)).toEqual(['aat.online-preferred']);
  await overlay(page).locator('.ca-notice').getByRole('button', { name: 'Annuler' }).click();
  await expect(finding).toBeVisible();
  await expect.poll(async () => readStore(serviceWorker, 'snoozes')).toEqual([]);
  // snoozed again: the popup counts it as hidden
  await finding.locator('select').focus();
  await page.keyboard.press('7');
  await expect(finding).toHaveCount(0);
  const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(serviceWorker, '/aat/')}`);
  await expect(popup.getByTestId('tab-summary')).toContainText('(1 remarque masquée)');
});
