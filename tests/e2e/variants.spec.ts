/**
 * Portal variants on the live test pages, in Chromium with the built extension: the fields a feature reads renamed,
 * duplicated or rendered late (DOM surgery after load, or an init script that holds a block back until the test
 * releases it),
 * and the extension's storage gone mid-journey. Each time: the feature still finds the problem or says
 * "impossible de vérifier", never a silent pass; the page has no error and its own buttons still work.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CONTENT_MODULE_PATH, CONTENT_MODULE_WITH_READER_PATH, PRESCRIPTION_READER_PATH } from '../../entrypoints/amelipro.content/module-path';
import { test, expect } from './fixtures';
import { CHROME_BUILD, type Launched, launchWithExtension } from './harness';
import { closeOverlay, openOverlay, overlay } from './overlay';
import { expectChecked } from './tabs';
import { setReferenceDate } from './settings';

/** Errors thrown in the page (the portal's world): there must be none. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Folds the panel if it is open (it sits over the corner of the form, where the portal's buttons are). */
async function fold(page: Page): Promise<void> {
  if (await overlay(page).locator('.ca-panel').count()) await closeOverlay(page);
}

const finding = (page: Page, ruleId: string) => overlay(page).locator(`[data-rule-id="${ruleId}"]:not([data-cannot-check])`);
const cannotCheck = (page: Page, featureId: string) => overlay(page).locator(`[data-cannot-check="${featureId}"]`);

/** Changes the label text and the ids of one field, as a redesign of the portal would. */
async function renameField(page: Page, id: string, label: string): Promise<void> {
  await page.evaluate(
    ([id, label]) => {
      const input = document.getElementById(id)!;
      const l = document.querySelector(`label[for="${id}"]`) ?? document.getElementById(`${id}-label`);
      if (l) {
        l.textContent = label;
        l.setAttribute('for', `${id}-v2`);
        l.id = `${id}-v2-label`;
      }
      input.id = `${id}-v2`;
      input.setAttribute('aria-labelledby', `${id}-v2-label`);
    },
    [id, label] as const,
  );
}

/**
 * An init script that keeps `selector` out of the page from the moment it first appears until the test calls
 * `release()` (a block rendered late). The test decides when the block comes, so no timing is assumed about how
 * long opening the panel takes on a loaded machine.
 */
async function renderLate(page: Page, selector: string): Promise<{ release: () => Promise<void> }> {
  await page.addInitScript((selector) => {
    let done = false;
    let put: (() => void) | null = null;
    const hold = () => {
      const el = done ? null : document.querySelector(selector);
      if (!el) return;
      done = true;
      const marker = document.createComment('late');
      el.parentNode!.replaceChild(marker, el);
      put = () => marker.replaceWith(el);
    };
    new MutationObserver(hold).observe(document, { childList: true, subtree: true });
    Object.defineProperty(window, '__renderLateRelease', { value: () => put?.() });
  }, selector);
  return {
    release: () => page.evaluate(() => (window as Window & { __renderLateRelease?: () => void }).__renderLateRelease?.()),
  };
}

test.describe('portal variants', () => {
  test("AAT: start-date field renamed — the too-long notice is 'impossible de vérifier', never fine; the portal still validates", async ({ context }) => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto('https://espacepro.ameli.fr/aat/');
    await expectChecked(page, 'aat');
    await renameField(page, 'date_debut_arret', 'Champ 1');
    await page.locator('#date_fin_arret').fill('15/12/2026');
    await page.locator('#motif').fill('Lombalgie aiguë');
    await openOverlay(page);
    await expect(cannotCheck(page, 'aat-notice').first()).toBeVisible();
    await expect(overlay(page).locator('[data-cannot-check="aat-notice"][data-rule-id="aat.duration-limit"]')).toBeVisible();
    // the open panel sits over the corner of the form: folded first, as the user does
    await closeOverlay(page);
    await page.locator('#aat-valider-btn').click();
    await expect(page).toHaveURL(/\/aat\/recapitulatif/);
    expect(errors).toEqual([]);
  });

  test('AAT: the sick-leave block rendered late — said unreadable before, read when it appears, the finding comes', async ({ context }) => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    const late = await renderLate(page, '#aat-arret-container');
    await page.goto('https://espacepro.ameli.fr/aat/');
    await expectChecked(page, 'aat');
    // Before it appears: the dates cannot be read, and that is said.
    await openOverlay(page);
    await expect(cannotCheck(page, 'aat-notice').first()).toBeVisible();
    await expect(page.locator('#date_debut_arret')).toHaveCount(0);
    await late.release();
    await expect(page.locator('#date_debut_arret')).toBeVisible();
    await page.locator('#date_debut_arret').fill('02/11/2026');
    await page.locator('#date_fin_arret').fill('15/12/2026');
    await openOverlay(page);
    await expect(finding(page, 'aat.duration-limit')).toBeVisible();
    await expect(overlay(page).locator('[data-cannot-check="aat-notice"][data-rule-id="aat.duration-limit"]')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('prescription: a medicine line relabelled and a duplicated line — both checked; the portal still submits', async ({ context }) => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto('https://espacepro.ameli.fr/prescription/');
    await expectChecked(page, 'prescription');
    await renameField(page, 'prescription-ligne-2', 'Ligne 2');
    await page.locator('#prescription-ligne-2-v2').fill('Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j');
    await expect(page.locator('compagnon-amelipro-note [data-rule-id="secure-prescription.required"]')).toBeVisible();

    // A copy of the line (as a page that renders a field twice): each copy is checked on its own.
    await page.evaluate(() => {
      const box = document.getElementById('prescription-ligne-2-container')!;
      const copy = box.cloneNode(true) as HTMLElement;
      for (const n of copy.querySelectorAll('compagnon-amelipro-note')) n.remove();
      copy.querySelector('textarea')!.id = 'prescription-ligne-copie';
      box.after(copy);
    });
    await page.locator('#prescription-ligne-copie').fill('Ozempic 0,25 mg : une injection par semaine');
    await expect(page.locator('compagnon-amelipro-note [data-rule-id="aglp1.justification-form"]')).toBeVisible();
    await openOverlay(page);
    await expect(finding(page, 'secure-prescription.required')).toBeVisible();
    await expect(finding(page, 'aglp1.justification-form')).toBeVisible();
    await fold(page);
    await page.locator('#prescription-valider-btn').click();
    await expect(page.locator('body')).toContainText(/ordonnance/i);
    expect(errors).toEqual([]);
  });

  test("Ma Convention: the declared count removed — 'impossible de vérifier', not 'nothing to declare'", async ({ context, openExtensionPage }) => {
    // eight days before the close (07/02/2027): the window is a warning, in the overlay
    const options = await openExtensionPage('options.html');
    expect(await setReferenceDate(options, '2027-01-30')).toMatchObject({ ok: true });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto('https://convention2.ameli.fr/ma-convention/');
    await openOverlay(page);
    await expect(finding(page, 'indicators.declaration-open')).toHaveCount(1);
    await page.evaluate(() => document.getElementById('declaration-donum-count')?.remove());
    await expect(cannotCheck(page, 'convention-indicators').first()).toBeVisible();
    await expect(overlay(page).locator('[data-cannot-check="convention-indicators"]').filter({ hasText: 'déjà déclarés' }).first()).toBeVisible();
    await expect(finding(page, 'indicators.declaration-open')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});

test.describe('portal variants, older screens and attachments', () => {
  test("AT/MP: the leave's end-date field relabelled — not read from the 'Soins' period; 'impossible de vérifier'; the form still submits", async ({
    context,
  }) => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto('https://espacepro.ameli.fr/atmp/');
    await expectChecked(page, 'atmp');
    await page.locator('#dateFinArret').fill('15/01/2027');
    await openOverlay(page);
    await expect(finding(page, 'aat.duration-limit')).toBeVisible();
    await renameField(page, 'dateFinArret', 'Fin prévue');
    await page.locator('#dateFinArret-v2').fill('16/01/2027');
    await openOverlay(page);
    await expect(overlay(page).locator('[data-cannot-check="aat-notice"][data-rule-id="aat.duration-limit"]')).toBeVisible();
    await expect(finding(page, 'aat.duration-limit')).toHaveCount(0);
    await page.locator('#lesions').fill('Entorse de la cheville droite');
    await fold(page);
    await page.locator('#p2-valider').click();
    await expect(page.locator('#p2-confirmation')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('Réclamations Paiements: a second file input added late — a HEIC photo picked there is still explained', async ({ context }) => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto('https://paiements2.ameli.fr/reclaps/');
    await expectChecked(page, 'reclaps');
    await page.waitForTimeout(2_000);
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'pj-tardive';
      document.querySelector('main, #app, body')!.append(input);
    });
    await page.locator('#pj-tardive').setInputFiles({ name: 'photo.heic', mimeType: 'image/heic', buffer: Buffer.from('x') });
    await openOverlay(page);
    await expect(finding(page, 'reclaps.attachments')).toBeVisible();
    await expect(finding(page, 'reclaps.attachments')).not.toContainText('photo');
    expect(errors).toEqual([]);
  });
});

test.describe('storage gone mid-journey', () => {
  test('the database deleted and IndexedDB failing in the service worker: the portal works and the overlay still shows page findings', async ({
    context,
    serviceWorker,
  }) => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto('https://espacepro.ameli.fr/aat/');
    await expectChecked(page, 'aat');

    // Mid-journey the extension's storage disappears: the database can no longer be opened, and it is deleted.
    // Opening fails first, in the same task as the deletion starts: a reopen in the background between the two
    // (a message from the page, after the connection closed for the deletion) would queue behind the deletion and
    // recreate the database.
    await serviceWorker.evaluate(async () => {
      const failing = () => {
        throw new DOMException('Stockage indisponible (test)', 'UnknownError');
      };
      Object.defineProperty(IDBFactory.prototype, 'open', { configurable: true, value: failing });
      await new Promise<void>((resolve) => {
        const req = indexedDB.deleteDatabase('compagnon-amelipro');
        req.onsuccess = req.onerror = req.onblocked = () => resolve();
      });
    });

    // The page in use keeps working, and its findings still appear.
    await page.locator('#date_debut_arret').fill('02/11/2026');
    await page.locator('#date_fin_arret').fill('15/12/2026');
    await openOverlay(page);
    await expect(finding(page, 'aat.duration-limit')).toBeVisible();
    await page.locator('#motif').fill('Lombalgie aiguë');
    // the open panel sits over the corner of the form: folded first, as the user does
    await fold(page);
    await page.locator('#aat-valider-btn').click();
    await expect(page).toHaveURL(/\/aat\/recapitulatif/);

    // A page opened afterwards starts with default settings and still shows its findings.
    const next = await context.newPage();
    const nextErrors = collectErrors(next);
    await next.goto('https://espacepro.ameli.fr/commandes/');
    await expectChecked(next, 'commandes');
    await openOverlay(next);
    await expect(finding(next, 'aat.secured-cerfa')).toHaveCount(1);
    const presc = await context.newPage();
    await presc.goto('https://espacepro.ameli.fr/prescription/');
    await presc.locator('#prescription-ligne-2').fill('Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j');
    await expect(presc.locator('compagnon-amelipro-note [data-rule-id="secure-prescription.required"]')).toBeVisible();
    await fold(presc);
    await presc.locator('#prescription-valider-btn').click();
    await expect(presc.locator('body')).toContainText(/ordonnance/i);
    expect([...errors, ...nextErrors]).toEqual([]);
    // and the storage really was gone all along: the database was not recreated behind the test's back
    expect(await serviceWorker.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain('compagnon-amelipro');
  });
});

test.describe('background not answering', () => {
  test('storage that never answers (IndexedDB hanging in the service worker): new pages still show their findings', async ({ context, serviceWorker }) => {
    // Every database open hangs: the background receives the messages but never answers them.
    await serviceWorker.evaluate(() => {
      Object.defineProperty(IDBFactory.prototype, 'open', { configurable: true, value: () => ({}) as IDBOpenDBRequest });
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto('https://espacepro.ameli.fr/aat/');
    await expectChecked(page, 'aat', { timeout: 15_000 });
    await page.locator('#date_debut_arret').fill('02/11/2026');
    await page.locator('#date_fin_arret').fill('15/12/2026');
    await openOverlay(page);
    await expect(finding(page, 'aat.duration-limit')).toBeVisible();
    await page.locator('#motif').fill('Lombalgie aiguë');
    await fold(page);
    await page.locator('#aat-valider-btn').click();
    await expect(page).toHaveURL(/\/aat\/recapitulatif/);
    expect(errors).toEqual([]);
  });
});

/** Runs `fn` with the built extension copied without the `missing` files, then removes the copy. */
async function withDamagedPackage(missing: readonly string[], fn: (page: Page, errors: string[], launched: Launched) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'compagnon-damaged-'));
  cpSync(CHROME_BUILD, dir, { recursive: true });
  for (const file of missing) rmSync(join(dir, file));
  const launched = await launchWithExtension({ extensionDir: dir });
  try {
    const page = await launched.context.newPage();
    await fn(page, collectErrors(page), launched);
  } finally {
    await launched.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test.describe('damaged package', () => {
  test('the content module missing: the portal works untouched, the popup says the extension could not start', async () =>
    withDamagedPackage([CONTENT_MODULE_PATH], async (page, errors, launched) => {
      await page.goto('https://espacepro.ameli.fr/aat/');
      await page.locator('#date_debut_arret').fill('02/11/2026');
      await page.locator('#date_fin_arret').fill('15/12/2026');
      await page.locator('#motif').fill('Lombalgie aiguë');
      await page.locator('#aat-valider-btn').click();
      await expect(page).toHaveURL(/\/aat\/recapitulatif/);
      expect(errors).toEqual([]);
      await expect(overlay(page)).toHaveCount(0);
      // said, not silent: the tab's state says nothing was checked there
      const tabs = (await launched.serviceWorker.evaluate(() =>
        (globalThis as unknown as { chrome: { tabs: { query: (q: object) => Promise<unknown> } } }).chrome.tabs.query({}),
      )) as { id?: number; url?: string }[];
      const tabId = tabs.find((t) => t.url?.includes('/aat/'))!.id!;
      const popup = await launched.context.newPage();
      await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tabId=${tabId}`);
      await expect(popup.getByTestId('tab-summary')).toHaveText(/Compagnon amelipro n’a pas pu démarrer sur cette page\s: rien n’y a été vérifié/);
      await expect(popup.getByRole('alert')).toBeVisible();
      const panel = await launched.context.newPage();
      await panel.goto(`chrome-extension://${launched.extensionId}/sidepanel.html?tabId=${tabId}`);
      await expect(panel.getByTestId('page-label')).toHaveText(/n’a pas pu démarrer sur cette page/);
    }));
  test('the prescription reader missing (alone and inside the module): a medicine line is said not to be checked, never passed; the portal works', async () =>
    withDamagedPackage([PRESCRIPTION_READER_PATH, CONTENT_MODULE_WITH_READER_PATH], async (page, errors) => {
      await page.goto('https://espacepro.ameli.fr/prescription/');
      await page.locator('#prescription-ligne-2').fill('Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j');
      await openOverlay(page);
      await expect(overlay(page).locator('[data-cannot-check="prescription-lines"]')).toContainText('ne peuvent pas être vérifiées');
      await expect(page.locator('compagnon-amelipro-note')).toHaveCount(0);
      expect(errors).toEqual([]);
    }));
  test('the module with the reader inside missing: where a line is written at load, the plain module starts and imports the reader; the line is checked', async () =>
    withDamagedPackage([CONTENT_MODULE_WITH_READER_PATH], async (page, errors) => {
      // the test page's first line is written at load: the loader asks for the module with the reader
      await page.goto('https://espacepro.ameli.fr/prescription/');
      await expect(page.locator('#prescription-ligne-1')).not.toHaveValue('');
      await page.locator('#prescription-ligne-2').fill('Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j');
      // read by the reader the plain module imported (the module with it inside is gone): a note under the line
      await expect(page.locator('compagnon-amelipro-note')).toHaveCount(1);
      await openOverlay(page);
      await expect(overlay(page).locator('[data-cannot-check="prescription-lines"]')).toHaveCount(0);
      expect(errors).toEqual([]);
    }));
});
