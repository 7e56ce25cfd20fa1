import type { Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { tabIdOf, expectChecked } from './tabs';
import { readStore } from './db';
import { openOverlay, overlay } from './overlay';

/** An older reading of one indicator, as Ma Convention would have saved it months ago. */
async function putSnapshot(sw: Worker, snapshot: Record<string, unknown>): Promise<void> {
  await sw.evaluate(
    (s) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('compagnon-amelipro');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('snapshots', 'readwrite');
          tx.objectStore('snapshots').put(s);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    snapshot,
  );
}

test('journey: sick-leave notice and Ma Convention, checklist pre-filled and completed, indicators and deadlines, then pharmacist', async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  // 1. A too-long initial sick-leave notice.
  const aat = await context.newPage();
  await aat.goto('https://espacepro.ameli.fr/aat/');
  await expectChecked(aat, 'aat');
  await aat.locator('#date_debut_arret').fill('02/11/2026');
  await aat.locator('#date_fin_arret').fill('15/12/2026');
  await openOverlay(aat);
  await expect(overlay(aat).locator('[data-rule-id="aat.duration-limit"]')).toBeVisible();

  // 2. Ma Convention records the indicator snapshots.
  const conv = await context.newPage();
  await conv.goto('https://convention2.ameli.fr/ma-convention/');
  await expectChecked(conv, 'convention-medecin');
  await expect.poll(async () => (await readStore(serviceWorker, 'snapshots')).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
  await putSnapshot(serviceWorker, {
    indicatorId: 'donum.socle.usage-teleservices',
    value: 48,
    target: 60,
    asOf: '2026-06-30',
    capturedAt: '2026-07-02T09:00:00.000Z',
    pageType: 'convention-medecin',
  });

  // 3. The popup for the sick-leave tab: the sick-leave page's questions (its duration finding is not about the
  // paper Cerfa: it is no longer attached to that question), billing apart in the end-of-day list.
  const aatTab = await tabIdOf(serviceWorker, '/aat/');
  const popup = await openExtensionPage(`popup.html?tabId=${aatTab}`);
  await expect(popup.getByTestId('tab-summary')).toContainText('remarque');
  const pageList = popup.locator('[data-section="checklist"] [data-checklist-id]');
  await expect(pageList.locator('li[data-item-id="aat.secured-cerfa"]')).toBeVisible();
  await expect(pageList.locator('li[data-item-id="aat.secured-cerfa"]')).not.toHaveAttribute('data-prefill', /.+/);
  await expect(pageList.locator('li[data-item-id="billing.double-same-date"]')).toHaveCount(0);
  await expect(pageList.locator('li[data-item-id="secure-prescription.required"]')).toHaveCount(0);

  // 4. Complete a run: tick every item, one "not applicable", then "Terminer".
  const items = pageList.locator('li[data-item-id]');
  const n = await items.count();
  expect(n).toBeGreaterThanOrEqual(2);
  await items
    .nth(n - 1)
    .getByRole('button', { name: 'Non concerné' })
    .click();
  for (let i = 0; i < n - 1; i++) await items.nth(i).getByRole('checkbox').check();
  await expect(pageList.getByTestId('checklist-progress')).toContainText(`${n - 1}/${n - 1}`);
  await pageList.getByRole('button', { name: 'Terminer' }).click();
  await expect(pageList.getByTestId('checklist-status')).toContainText('Vérification terminée');
  await expect(pageList.locator('[data-testid="recent-runs"] li[data-run-status="completed"]')).toHaveCount(1);
  const runs = await readStore(serviceWorker, 'checklistRuns');
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ checklistId: 'avant-transmission.medecin-generaliste', status: 'completed' });
  expect(Object.values(runs[0].itemStates).filter((s) => s === 'done')).toHaveLength(n - 1);
  // ids and states only
  expect(Object.keys(runs[0]).sort()).toEqual(['abandonedAt', 'checklistId', 'completedAt', 'id', 'itemStates', 'startedAt', 'status']);

  // 5. The side panel on the Ma Convention tab: history and deadline.
  const convTab = await tabIdOf(serviceWorker, '/ma-convention/');
  const panel = await openExtensionPage(`sidepanel.html?tabId=${convTab}`);
  const usage = panel.locator('[data-indicator-id="donum.socle.usage-teleservices"]');
  await expect(usage.getByTestId('latest')).toContainText('72');
  await expect(usage.getByTestId('latest')).toContainText('31/10/2026');
  await expect(usage.locator('svg [data-point]')).toHaveCount(2);
  await expect(usage.locator('svg [data-point="2026-10-31"]')).toHaveAttribute('data-reached', 'true');
  await expect(usage.locator('svg [data-point="2026-06-30"]')).toHaveAttribute('data-reached', 'false');
  await expect(usage.locator('table tbody tr')).toHaveCount(2);
  const deadline = panel.locator('[data-testid="deadlines"] [data-deadline="2027-02-07"]');
  await expect(deadline).toContainText('Clôture le 07/02/2027');
  await expect(deadline).toContainText('1/3 indicateurs déclarés');
  await expect(panel.locator('[data-section="current-page"] [data-rule-id="indicators.declaration-open"]')).toContainText('Source');

  // The side panel on the sick-leave tab: the finding with its source; the deadline still known from the other tab.
  const panel2 = await openExtensionPage(`sidepanel.html?tabId=${aatTab}`);
  const f = panel2.locator('[data-section="current-page"] [data-rule-id="aat.duration-limit"]');
  await expect(f).toContainText('Source');
  await expect(panel2.locator('[data-testid="deadlines"] [data-deadline="2027-02-07"]')).toBeVisible();

  // 6. Pharmacist: the checklist changes.
  const options = await openExtensionPage('options.html');
  await options.getByLabel('Profession').selectOption('pharmacien');
  await options.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(options.getByTestId('profile-status')).toHaveText('Enregistré.');
  await popup.reload();
  const ph = popup.locator('[data-checklist-id="avant-transmission.pharmacien"]');
  await expect(ph).toBeVisible();
  await expect(ph.locator('li[data-item-id="vitale.atsam-and-extension"]')).toBeVisible();
  await expect(ph.locator('li[data-item-id="aat.secured-cerfa"]')).toHaveCount(0);
  await expect(ph.locator('li[data-item-id="billing.double-same-date"]')).toHaveCount(0);
  // the pharmacist's end-of-day list: GLP-1 forms, serial numbers
  const phDay = popup.locator('[data-checklist-id="fin-de-journee.pharmacien"]');
  await expect(phDay.locator('li[data-item-id="aglp1.pharmacist-form-on-file"]')).toHaveCount(1);
  await expect(phDay.locator('li[data-item-id="pharmacy.serialisation-penalty"]')).toHaveCount(1);
  // the doctor's completed run is not mixed with the pharmacist's
  await expect(ph.getByText('Aucune vérification enregistrée.')).toHaveCount(1);
});
