import { test, expect } from './fixtures';
import { closeOverlay, openOverlay, overlay } from './overlay';
import { expectChecked } from './tabs';

test.describe("avis d'arrêt de travail", () => {
  test('quiet on a compliant notice, then flags an initial notice longer than one month without getting in the way', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/aat/');
    await expectChecked(page, 'aat');
    await expect(page.locator('#date_fin_arret')).toBeVisible();
    // The test page starts with a one-week initial notice: nothing to say, nothing in the page (not even a button).
    await page.waitForTimeout(600);
    await expect(overlay(page)).toHaveCount(0);

    await page.locator('#date_debut_arret').fill('02/11/2026');
    await page.locator('#date_fin_arret').fill('15/12/2026');
    // While the user types, the panel does not pop up: the corner button turns to an alert.
    await expect(overlay(page).locator('.ca-pill-alert')).toBeVisible();
    await openOverlay(page);
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
    await page.locator('#date_arret_initial').fill('01/10/2026');
    await page.locator('#date_debut_arret').fill('02/11/2026');
    await page.locator('#date_fin_arret').fill('15/12/2026');
    await page.waitForTimeout(600);
    await expect(overlay(page).locator('.ca-pill-alert')).toHaveCount(0);
    await page.locator('#date_fin_arret').fill('15/01/2027');
    await expect(overlay(page).locator('.ca-pill-alert')).toBeVisible();
    await openOverlay(page);
    await expect(overlay(page).locator('[data-rule-id="aat.duration-limit"]')).toBeVisible();
  });

  test('printing the paper Cerfa: secured Cerfa only, and the online notice is recommended', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/aat/');
    await page.locator('#aat-imprimer-cerfa-btn').click();
    // warnings: the panel does not open by itself (blocking findings only), the button takes their colour
    await expect(overlay(page).locator('.ca-pill-warning')).toBeVisible();
    await openOverlay(page);
    await expect(overlay(page).locator('[data-rule-id="aat.secured-cerfa"]')).toBeVisible();
    await expect(overlay(page).locator('[data-rule-id="aat.online-preferred"]')).toBeVisible();
  });

  test('the portal flow still works with a finding shown: validate, then transmit (in-app navigation re-detects)', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/aat/');
    await page.locator('#motif').fill('Lombalgie aiguë');
    await page.locator('#date_debut_arret').fill('02/11/2026');
    await page.locator('#date_fin_arret').fill('15/12/2026');
    await expect(overlay(page).locator('.ca-pill-alert')).toBeVisible();
    await page.locator('#aat-valider-btn').click();
    await expect(page).toHaveURL(/\/aat\/recapitulatif/);
    await expectChecked(page, 'aat');
    await openOverlay(page);
    // the summary is read too: the too-long notice is still flagged before transmission
    await expect(overlay(page).locator('[data-rule-id="aat.duration-limit"]')).toBeVisible();
    await expect(overlay(page).locator('[data-cannot-check]')).toHaveCount(0);
    await closeOverlay(page);
    await page
      .getByRole('button', { name: 'Transmettre', exact: true })
      .or(page.getByRole('button', { name: 'Valider et transmettre' }))
      .first()
      .click();
    await expect(page).toHaveURL(/\/aat\/confirmation/);
    await expect(page.locator('#aat-accuse-numero')).toBeVisible();
  });
});

test.describe('certificat AT/MP (older generation of screens)', () => {
  test('the leave on the certificate is checked from the certificate date; no leave ticked, nothing to say', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/atmp/');
    await expectChecked(page, 'atmp');
    await page.waitForTimeout(600);
    await expect(overlay(page).locator('.ca-pill-alert')).toHaveCount(0);
    await expect(overlay(page).locator('.ca-count')).toHaveCount(0);
    await page.locator('#dateFinArret').fill('15/01/2027');
    // the cap concerns sick pay for illness; its reach to AT/MP is not confirmed: an information "à vérifier", no alert
    await openOverlay(page);
    await expect(overlay(page).locator('[data-rule-id="aat.duration-limit"]')).toContainText("son application aux AT/MP n'est pas confirmée");
    await closeOverlay(page);
    await expect(overlay(page).locator('.ca-pill-alert')).toHaveCount(0);
    await page.locator('#arret').uncheck();
    await openOverlay(page);
    await expect(overlay(page).locator('[data-rule-id="aat.duration-limit"]')).toHaveCount(0);
  });
});
