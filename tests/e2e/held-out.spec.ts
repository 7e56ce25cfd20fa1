/**
 * Held-out pages (issue 22), in Chromium with the built extension: the pages whose address is not public, built
 * independently from the same design system and served at other plausible addresses, are recognised by what they
 * say and their checks run (attachments, indicators and the declaration deadline, the secured Cerfa reminder);
 * pages of other services on the same hosts get no corner button. The pages' own controls keep working.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { closeOverlay, openOverlay, overlay } from './overlay';
import { expectChecked, popupFindings } from './tabs';
import { setReferenceDate } from './settings';

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

const finding = (page: Page, ruleId: string) => overlay(page).locator(`[data-rule-id="${ruleId}"]:not([data-cannot-check])`);

test.describe('held-out pages at other addresses', () => {
  for (const url of ['https://espacepro.ameli.fr/reclamations-paiements/nouvelle', 'https://paiements2.ameli.fr/ps/demandes/nouvelle']) {
    test(`Réclamations Paiements at ${url}: recognised by its title and file upload, a .heic photo gets the finding, the form still sends`, async ({
      context,
    }) => {
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(url);
      await expectChecked(page, 'reclaps');
      await page.locator('input[type="file"]').setInputFiles({ name: 'photo.heic', mimeType: 'image/heic', buffer: Buffer.from('x') });
      // a blocking finding opens the panel by itself: wait until it has come before opening it
      await expect(overlay(page).locator('.ca-panel, .ca-pill-alert').first()).toBeVisible();
      await page.waitForTimeout(300);
      await openOverlay(page);
      await expect(finding(page, 'reclaps.attachments')).toBeVisible();
      await expect(finding(page, 'reclaps.attachments')).toContainText('.heic');
      await closeOverlay(page);
      // the design system's select, its menu rendered at the end of <body>, and the native date field still work
      await page.locator('#objet-motif').click({ force: true });
      await page.getByRole('option').first().click();
      await page.locator('#objet-date').fill('2026-11-20');
      await page.getByRole('button', { name: 'Envoyer la demande' }).click();
      await expect(page.getByText('Votre demande a bien été envoyée.')).toBeVisible();
      expect(errors).toEqual([]);
    });
  }

  test('Ma Convention on espacepro (declaration card first): indicators and the entry deadline', async ({ context, serviceWorker, openExtensionPage }) => {
    const options = await openExtensionPage('options.html');
    expect(await setReferenceDate(options, '2026-11-28')).toMatchObject({ ok: true });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto('https://espacepro.ameli.fr/ma-convention/');
    await expectChecked(page, 'convention-medecin');
    // weeks before the close, an information the page's own declaration card shows: in the toolbar window, not the page
    const popup = await popupFindings(openExtensionPage, serviceWorker, '/ma-convention/');
    const tab = popup.locator('[data-section="current-tab"]');
    await expect(tab.locator('[data-rule-id="indicators.declaration-open"]')).toContainText('0/2 indicateurs déclarés ; clôture le 31/01/2027');
    await expect(tab.locator('[data-cannot-check="convention-indicators"]')).toHaveCount(0);
    await expect(overlay(page)).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('Commandes at another address (number fields): the secured Cerfa reminder; the order still goes', async ({ context }) => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto('https://espacepro.ameli.fr/imprimes/commander');
    await expectChecked(page, 'commandes');
    await openOverlay(page);
    await expect(overlay(page).locator('[data-rule-id="aat.secured-cerfa"]')).toBeVisible();
    await closeOverlay(page);
    await page.locator('#formulaire-arret-travail-qte').fill('2');
    await page.getByRole('button', { name: 'Commander' }).click();
    await expect(page.getByText('Votre commande a bien été enregistrée.')).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe('pages of other services on the same hosts stay "page non reconnue"', () => {
  for (const [url, text] of [
    ['https://paiements2.ameli.fr/paiements/', 'Paiements reçus'],
    ['https://espacepro.ameli.fr/info-patient/historique', 'Historique des remboursements'],
  ] as const) {
    test(`${url}: no corner button`, async ({ context }) => {
      const page = await context.newPage();
      await page.goto(url);
      await expect(page.getByText(text).first()).toBeVisible();
      await page.waitForTimeout(1500); // the content script has looked at the rendered page
      await expect(page.locator('compagnon-amelipro')).toHaveCount(0);
    });
  }
});
