import { test, expect } from './fixtures';
import { openOverlay, overlay } from './overlay';
import { openPortalTab, expectChecked } from './tabs';

test.describe('prescription lines', () => {
  test('a codeine line in digits is flagged next to the field and in the overlay; fixing it in words clears it', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/prescription/');
    await expectChecked(page, 'prescription');
    // The test page starts with a paracetamol line: nothing to say.
    await page.waitForTimeout(700);
    await expect(page.locator('compagnon-amelipro-note')).toHaveCount(0);

    const line2 = page.locator('#prescription-ligne-2');
    await line2.fill('Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j');
    const note = page.locator('compagnon-amelipro-note');
    await expect(note.locator('[data-rule-id="secure-prescription.required"]')).toBeVisible();
    await expect(note.locator('[data-rule-id="secure-prescription.letters.posology"]')).toBeVisible();
    await expect(note.locator('[data-rule-id="secure-prescription.letters.duration"]')).toBeVisible();
    await openOverlay(page);
    await expect(overlay(page).locator('[data-rule-id="secure-prescription.required"]')).toBeVisible();

    // Paracetamol alone: the note goes away.
    await line2.fill('Doliprane 1000 mg : un comprimé trois fois par jour pendant cinq jours');
    await expect(note).toHaveCount(0);
    await expect(overlay(page).locator('[data-rule-id="secure-prescription.required"]')).toHaveCount(0);
  });

  test('the popup shows the line’s findings in one card, as the overlay does, without the words of the line', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    const { page, tabId } = await openPortalTab(context, serviceWorker, 'https://espacepro.ameli.fr/prescription/', 'prescription');
    await page.locator('#prescription-ligne-2').fill('Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j');
    await expect(page.locator('compagnon-amelipro-note [data-rule-id="secure-prescription.letters.duration"]')).toBeVisible();
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    const current = popup.locator('[data-section="current-tab"]');
    await current.locator('details > summary').click();
    const card = current.locator('[data-group]');
    await expect(card).toHaveCount(1);
    await expect(card.locator(':scope > .ca-head .ca-title')).toHaveText(/^Ligne \d/);
    for (const id of ['secure-prescription.required', 'secure-prescription.letters.posology', 'secure-prescription.letters.duration'])
      await expect(card.locator(`[data-rule-id="${id}"]`)).toHaveCount(1);
    await expect(current.locator('[data-rule-id="secure-prescription.required"]')).toHaveCount(1);
    await expect(current).not.toContainText('Dafalgan');
  });

  test('a GLP-1 analogue asks for the justification form; the page still submits', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/prescription/');
    await page.locator('#prescription-ligne-2').fill('Ozempic 0,25 mg : une injection par semaine');
    await expect(page.locator('compagnon-amelipro-note [data-rule-id="aglp1.justification-form"]')).toBeVisible();
    await page.locator('#prescription-valider-btn').click();
    await expect(page.locator('body')).toContainText(/ordonnance/i);
  });

  test('each regime gets its own rules: clonazépam in letters, prégabaline without letters, Rivotril alone a warning', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/prescription/');
    const line2 = page.locator('#prescription-ligne-2');
    const note = page.locator('compagnon-amelipro-note');

    await line2.fill('Rivotril 2 mg comprimé, un demi le soir pendant quatre semaines');
    await expect(note.locator('[data-rule-id="assimiles.secure-prescription"].blocking')).toBeVisible();
    await expect(note.locator('[data-rule-id="assimiles.letters.dosage"]')).toBeVisible();
    await expect(note.locator('[data-rule-id="secure-prescription.letters.duration"]')).toHaveCount(0);

    await line2.fill('Lyrica 75 mg gélule, 1 matin et soir');
    await expect(note.locator('[data-rule-id="secure-form.secure-prescription"]')).toBeVisible();
    await expect(note.locator('[data-rule-id$="letters.dosage"], [data-rule-id$="letters.posology"]')).toHaveCount(0);

    await line2.fill('Rivotril');
    await expect(note.locator('[data-rule-id="assimiles.secure-prescription"].warning')).toContainText('certaines présentations');
  });
});
