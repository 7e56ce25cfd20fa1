import { test, expect } from './fixtures';

import { openOverlay, overlay } from './overlay';

test.describe("avis d'arrêt de travail", () => {
  test('quiet on a compliant notice, then flags an initial notice longer than one month', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/aat/');
    await expect(overlay(page)).toHaveAttribute('data-compagnon-page', 'aat');
    await expect(page.locator('#date_fin_arret')).toBeVisible();
    // The test page starts with a one-week initial notice: nothing to say.
    await page.waitForTimeout(600);
    await expect(overlay(page).locator('[data-rule-id="aat.duration-limit"]')).toHaveCount(0);

    await page.locator('#date_debut_arret').fill('02/11/2026');
    await page.locator('#date_fin_arret').fill('15/12/2026');
    const finding = overlay(page).locator('[data-rule-id="aat.duration-limit"]');
    await expect(finding).toBeVisible();
    await expect(finding).toContainText('arrêt initial');

    // Back within one month: the finding goes away.
    await page.locator('#date_fin_arret').fill('01/12/2026');
    await expect(finding).toHaveCount(0);
  });

  test('a prolongation may last two months', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/aat/');
    await page.getByText('Prolongation', { exact: true }).click();
    await page.locator('#date_debut_arret').fill('02/11/2026');
    await page.locator('#date_fin_arret').fill('15/12/2026');
    await page.waitForTimeout(600);
    await expect(overlay(page).locator('[data-rule-id="aat.duration-limit"]')).toHaveCount(0);
    await page.locator('#date_fin_arret').fill('15/01/2027');
    await expect(overlay(page).locator('[data-rule-id="aat.duration-limit"]')).toBeVisible();
  });

  test('printing the paper Cerfa recommends the online notice', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/aat/');
    await page.locator('#aat-imprimer-cerfa-btn').click();
    await openOverlay(page);
    await expect(overlay(page).locator('[data-rule-id="aat.online-preferred"]')).toBeVisible();
  });
});
