/**
 * axe-core on what the extension adds to the portal's pages (the overlay, open, with findings and "impossible de
 * vérifier"; the notes under the fields) and on the welcome page. The popup, side panel and options are checked in
 * surfaces.spec.ts.
 */
import { test, expect } from './fixtures';
import { expectAccessible } from './a11y';
import { openOverlay, overlay } from './overlay';
import { expectChecked } from './tabs';
import { setReferenceDate } from './settings';

const OURS = ['compagnon-amelipro', 'compagnon-amelipro-note'];

test('the welcome page is accessible', async ({ openExtensionPage }) => {
  const welcome = await openExtensionPage('welcome.html');
  await expect(welcome.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(welcome);
});

test('the open overlay on the sick-leave form, with a finding and an "impossible de vérifier", is accessible', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://espacepro.ameli.fr/aat/');
  await expectChecked(page, 'aat');
  await page.locator('#date_debut_arret').fill('02/11/2026');
  await page.locator('#date_fin_arret').fill('15/12/2026');
  await openOverlay(page);
  await expect(overlay(page).locator('[data-rule-id="aat.duration-limit"]').first()).toBeVisible();
  await expectAccessible(page, OURS);
});

test('a codeine line: the note under the field and the open overlay are accessible', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://espacepro.ameli.fr/prescription/');
  await expectChecked(page, 'prescription');
  await page.locator('#prescription-ligne-2').fill('Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j');
  await expect(page.locator('compagnon-amelipro-note').first()).toBeVisible();
  await openOverlay(page);
  await expect(overlay(page).locator('[data-rule-id="secure-prescription.required"]').first()).toBeVisible();
  await expectAccessible(page, OURS);
});

test('the closed corner button (Ma Convention, one warning) and the carte Vitale note of the home page are accessible', async ({
  context,
  openExtensionPage,
}) => {
  // eight days before the close of the declaration (07/02/2027): a warning, on the closed corner button
  const options = await openExtensionPage('options.html');
  expect(await setReferenceDate(options, '2027-01-30')).toMatchObject({ ok: true });
  const page = await context.newPage();
  await page.goto('https://convention2.ameli.fr/ma-convention/');
  await expectChecked(page, 'convention-medecin');
  await expect(overlay(page).locator('.ca-pill-warning')).toBeVisible();
  await expectAccessible(page, OURS);
  // the home page has nothing to say in the overlay (nothing of it in the page): the note under the carte Vitale button
  await page.goto('https://espacepro.ameli.fr/page-accueil-ihm/');
  await expectChecked(page, 'home');
  await expect(page.locator('compagnon-vitale-note')).toHaveCount(1);
  await expectAccessible(page, ['compagnon-vitale-note']);
});
