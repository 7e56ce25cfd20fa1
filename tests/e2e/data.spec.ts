import { readFileSync, writeFileSync } from 'node:fs';
import { readStore } from './db';
import { test, expect } from './fixtures';

async function countSnapshots(sw: import('@playwright/test').Worker): Promise<number> {
  return (await readStore(sw, 'snapshots')).length;
}

test('options: export, erase after confirmation, import back; a bad file changes nothing', async ({ context, serviceWorker, openExtensionPage }, testInfo) => {
  // Something to keep: the indicators of Ma Convention.
  const portal = await context.newPage();
  await portal.goto('https://convention2.ameli.fr/ma-convention/');
  await expect.poll(() => countSnapshots(serviceWorker), { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
  const saved = await countSnapshots(serviceWorker);

  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('heading', { name: 'Mes données' })).toBeVisible();

  // Export: a dated JSON file of the extension's own format, without patient data.
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Exporter mes données' }).click()]);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.format).toBe('compagnon-amelipro-export');
  expect(exported.stores.snapshots).toHaveLength(saved);
  expect(readFileSync(file, 'utf8')).not.toMatch(/DUPONT|TESTARD|2 85 05 75/);

  // Erase asks first; cancelling keeps everything.
  await options.getByRole('button', { name: 'Tout effacer' }).click();
  await options.getByRole('button', { name: 'Annuler' }).click();
  expect(await countSnapshots(serviceWorker)).toBe(saved);
  await options.getByRole('button', { name: 'Tout effacer' }).click();
  await options.getByRole('button', { name: 'Oui, tout effacer' }).click();
  await expect(options.getByText('Toutes les données ont été effacées.')).toBeVisible();
  expect(await countSnapshots(serviceWorker)).toBe(0);

  // A file that is not an export: a clear message, nothing changed.
  const bad = testInfo.outputPath('pas-un-export.json');
  writeFileSync(bad, JSON.stringify({ hello: 'world' }));
  await options.getByLabel(/Fichier exporté par Compagnon amelipro/).setInputFiles(bad);
  await options.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(options.getByRole('alert')).toContainText("Rien n'a été modifié.");
  expect(await countSnapshots(serviceWorker)).toBe(0);

  // Import the export back: everything returns.
  await options.getByLabel(/Fichier exporté par Compagnon amelipro/).setInputFiles(file);
  await options.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(options.getByText(/Import réussi/)).toBeVisible();
  expect(await countSnapshots(serviceWorker)).toBe(saved);
});
