import { test, expect } from './fixtures';
import { expectAccessible } from './a11y';

test.describe('extension pages', () => {
  test('popup: no page questions away from amelipro, the end-of-day list of a general practitioner by default, prescription box, accessible', async ({
    openExtensionPage,
    serviceWorker,
  }) => {
    const page = await openExtensionPage('popup.html');
    await expect(page.getByRole('heading', { name: 'Avant de transmettre' })).toBeVisible();
    await expect(page.getByTestId('profile-missing')).toBeVisible();
    // not on a recognised amelipro page: no page checklist (it is built from the page); billing is in the end-of-day list
    await expect(page.getByTestId('checklist-none')).toBeVisible();
    await page.locator('[data-section="end-of-day"] > summary').click();
    const items = page.locator('[data-checklist-id="fin-de-journee.medecin-generaliste"] li[data-item-id]');
    await expect(items.first()).toBeVisible();
    const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id')));
    expect(ids).toEqual(expect.arrayContaining(['teletransmission.supporting-documents', 'billing.double-same-date']));
    expect(ids).not.toContain('aglp1.pharmacist-form-on-file');
    expect(ids).not.toContain('secure-prescription.required');
    // each item links to its explanation and to the help entry
    const first = items.first();
    await expect(first.getByRole('link', { name: /En savoir plus/ })).toHaveAttribute('href', /^https:\/\//);
    await expect(first.getByRole('link', { name: /Aide/ })).toHaveAttribute('href', /sidepanel\.html\?help=/);

    // keyboard: tick the first item with the space bar
    await first.getByRole('checkbox').focus();
    await page.keyboard.press('Space');
    await expect(first).toHaveAttribute('data-state', 'done');

    // prescription box: per-line findings, nothing typed is stored
    await page.getByText('Vérifier une ordonnance').click();
    await page.getByLabel('Lignes de l’ordonnance').fill('Doliprane 1000 mg 1 cp x 3/j\nTramadol 50 mg 1 gélule 3 fois par jour pendant 7 jours');
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    const results = page.getByTestId('rx-results');
    // one card per line, as in the overlay: the tramadol line's findings together, the line written out in words under them
    const card = results.locator('[data-group="rx-line-2"]');
    await expect(card.locator('[data-rule-id="secure-prescription.required"]')).toBeVisible();
    expect(await card.locator('[data-rule-id]').count()).toBeGreaterThan(1);
    await expect(results.locator('[data-group]')).toHaveCount(1);
    await expect(page.getByText('Rien de ce que vous tapez n’est enregistré')).toBeVisible();
    // nothing typed reached the extension's storage (the tick above did: ids and states only)
    const dump = await serviceWorker.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('compagnon-amelipro');
          open.onerror = () => reject(open.error);
          open.onsuccess = async () => {
            const db = open.result;
            const out: Record<string, unknown> = {};
            for (const name of Array.from(db.objectStoreNames)) {
              out[name] = await new Promise((res) => {
                const req = db.transaction(name, 'readonly').objectStore(name).getAll();
                req.onsuccess = () => res(req.result);
              });
            }
            db.close();
            resolve(JSON.stringify(out));
          };
        }),
    );
    expect(dump).toContain('fin-de-journee.medecin-generaliste');
    expect(dump).not.toMatch(/tramadol|doliprane|gélule/i);
    await expectAccessible(page);
  });

  test('side panel: empty indicators state, help search accent-insensitive, accessible', async ({ openExtensionPage }) => {
    const page = await openExtensionPage('sidepanel.html');
    await expect(page.getByRole('heading', { name: 'Mes indicateurs' })).toBeVisible();
    await expect(page.getByTestId('indicators-empty')).toHaveText('Ouvrez Ma Convention sur amelipro pour enregistrer vos indicateurs.');
    await expect(page.getByRole('heading', { name: 'Bientôt' })).toBeVisible();
    // the same checklist as the popup, folded (the transmission page's button may open the panel instead of the popup)
    await page.locator('[data-section="checklist"] summary').click();
    await expect(
      page.locator('[data-section="checklist"] [data-checklist-id="avant-transmission.medecin-generaliste"] li[data-item-id]').first(),
    ).toBeVisible();
    // the prescription box is there too
    await page.locator('[data-section="prescription"] summary').click();
    await page.locator('[data-section="prescription"]').getByLabel('Lignes de l’ordonnance').fill('Ozempic 0,25 mg une injection par semaine');
    await page.locator('[data-section="prescription"]').getByRole('button', { name: 'Vérifier', exact: true }).click();
    await expect(page.getByTestId('rx-results').locator('[data-rule-id="aglp1.justification-form"]')).toBeVisible();
    const search = page.getByLabel(/Rechercher/);
    await search.fill('arret');
    await expect(page.locator('[data-help-id="aat.duration-limit"]')).toBeVisible();
    await search.fill('CODEINE');
    await expect(page.locator('[data-help-id="secure-prescription.required"]')).toBeVisible();
    await expect(page.locator('[data-help-id="aat.duration-limit"]')).toHaveCount(0);
    await search.fill('');
    await expectAccessible(page);
  });

  test('side panel opened on a help entry shows it first', async ({ openExtensionPage }) => {
    const page = await openExtensionPage('sidepanel.html?help=billing.double-same-date');
    const first = page.locator('[data-help-id]').first();
    await expect(first).toHaveAttribute('data-help-id', 'billing.double-same-date');
    await expect(first).toContainText('Source');
  });

  test('options: profile, checks, reference date, language, data, about; accessible', async ({ openExtensionPage }) => {
    const page = await openExtensionPage('options.html');
    await expect(page.getByTestId('version')).toHaveText(/Version \d+\.\d+\.\d+/);
    await expect(page.getByTestId('reviewed')).toContainText('Règles revues le');
    // changelog once after install
    await expect(page.locator('[data-section="news"]')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Mes données' })).toBeVisible();
    await expect(page.locator('[data-section="features"] input[type=checkbox]').first()).toBeChecked();
    await expectAccessible(page);

    // invalid département is refused with a message
    await page.getByLabel('Profession').selectOption('pharmacien');
    await page.getByLabel(/Département/).fill('99');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Numéro de département inconnu')).toBeVisible();
    await page.getByLabel(/Département/).fill('21');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByTestId('profile-status')).toHaveText('Enregistré.');

    // feature switched off
    await page.locator('[data-section="features"] input[type=checkbox]').first().uncheck();
    await expect(page.getByTestId('options-status')).toHaveText('Enregistré.');

    // reload: the changelog is not shown again, the profile is kept
    await page.reload();
    await expect(page.getByLabel('Profession')).toHaveValue('pharmacien');
    await expect(page.locator('[data-section="news"]')).toHaveCount(0);
    await expect(page.locator('[data-section="features"] input[type=checkbox]').first()).not.toBeChecked();

    // English
    await page.locator('#lang-select').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
    const popup = await page.context().newPage();
    await popup.goto(page.url().replace('options.html', 'popup.html'));
    await expect(popup.getByRole('heading', { name: 'Before submitting' })).toBeVisible();
    await expect(popup.locator('[data-checklist-id="fin-de-journee.pharmacien"]')).toHaveCount(1);
  });
});
