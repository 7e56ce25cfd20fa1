import { test, expect } from './fixtures';
import { expectChecked } from './tabs';

/** The portal's own flows keep working exactly as without the extension: each test form is submitted. */
test.describe('the portal forms still submit with the extension enabled', () => {
  test('login: the page answers the submission itself', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://authps-espacepro.ameli.fr/oauth2/authorize?response_type=code&client_id=x');
    await expectChecked(page, 'login');
    await page.locator('input[name="user"]').fill('123456789');
    await page.locator('input[name="password"]').fill('mot-de-passe-fictif');
    await page.locator('#submit-button').click();
    await expect(page.locator('div.alert.alert-warning p')).toBeVisible();
  });

  test('home: reading the carte Vitale and entering a NIR', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/page-accueil-ihm/');
    await expectChecked(page, 'home');
    await page.locator('#patientLogin-form-vital-card-btn').click();
    await expect(page.getByText('Lecture de la carte Vitale impossible')).toBeVisible();
  });

  test('AT/MP certificate', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/atmp/');
    await expectChecked(page, 'atmp');
    await page.locator('#lesions').fill('Entorse de la cheville droite');
    await page.locator('#p2-valider').click();
    await expect(page.locator('#p2-confirmation')).toBeVisible();
  });

  test('prescription, even with a line the extension flags', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/prescription/');
    await page.locator('#prescription-ligne-2').fill('Tramadol 50 mg : 1 gélule x3/j pendant 10 j');
    await expect(page.locator('compagnon-amelipro-note')).toBeVisible();
    await page.locator('#prescription-valider-btn').click();
    await expect(page.locator('#prescription-confirmation')).toContainText('a été créée (2 ligne(s))');
  });

  test('Commandes', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/commandes/');
    await expectChecked(page, 'commandes');
    await page.locator('[id^="commandes-quantite-"]').first().click();
    await page.getByRole('option').nth(1).click();
    await page.getByRole('button', { name: 'Valider la commande' }).click();
    await expect(page.getByText(/a bien été enregistrée/)).toBeVisible();
  });

  test('Réclamations Paiements', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://paiements2.ameli.fr/reclaps/');
    await expectChecked(page, 'reclaps');
    // the design system's select: its field wrapper takes the click
    await page.locator('#reclaps-motif-select').click({ force: true });
    await page.getByRole('option').first().click();
    await page.locator('#reclaps-envoyer-btn').click();
    await expect(page.getByText(/a bien été envoyée/)).toBeVisible();
  });

  test('transmission summary', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/prescription-transport/recapitulatif');
    await expectChecked(page, 'transmission');
    await page.getByRole('button', { name: 'Valider et transmettre' }).click();
    await expect(page.getByText(/a bien été transmise/)).toBeVisible();
  });
});
