/**
 * Privacy: after a full journey with the test pages' fictitious patients, nothing the extension keeps or says
 * (IndexedDB read raw, storage.session and storage.local, the exported file, every console message of every
 * page and of the service worker) contains a patient's name, NIR (any spacing), birth date, the text typed into
 * the portal's fields or the prescription box, or an attachment's file name.
 */
import { test, expect } from './fixtures';
import { dumpIndexedDb, runFullJourney, TYPED } from './full-journey';

/** The fictitious people of the test pages (tests/portal/src/common/fixtures.js). */
const NAMES = ['DUPONT', 'MOREAU', 'LEGRAND', 'Léa', 'Lea'];
const NIRS = ['285057512345623', '172022105432157'];
const BIRTH_DATES = ['12/05/1985', '1985-05-12', '12.05.1985', '21/02/1972', '1972-02-21', '21.02.1972'];

/** A NIR written with any separators between its digits (spaces, dots, dashes, non-breaking spaces). */
const nirPattern = (nir: string) => new RegExp(nir.split('').join('[\\s.\\-\\u00a0\\u202f]*'));
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Every way a patient could show up in a text; the offending piece is named, never the whole text. */
function patientDataIn(text: string): string[] {
  const hits: string[] = [];
  for (const name of NAMES) if (new RegExp(`(^|[^\\p{L}])${escapeRegExp(name)}($|[^\\p{L}])`, 'iu').test(text)) hits.push(`name ${name}`);
  for (const nir of NIRS) if (nirPattern(nir).test(text)) hits.push(`NIR ${nir}`);
  for (const d of BIRTH_DATES) if (text.includes(d)) hits.push(`birth date ${d}`);
  for (const typed of Object.values(TYPED)) if (text.toLowerCase().includes(typed.toLowerCase())) hits.push(`typed text « ${typed} »`);
  for (const word of ['dafalgan', 'lombalgie', 'déménagement']) if (text.toLowerCase().includes(word)) hits.push(`typed word ${word}`);
  return hits;
}

test('a full journey with fictitious patients leaves no patient data in storage, logs or the export', async ({ launched, serviceWorker }) => {
  test.setTimeout(180_000);
  const record = await runFullJourney(launched);

  // The detector itself works on the forms the pages use.
  expect(patientDataIn('Mme Léa DUPONT née MOREAU le 12/05/1985, NIR 2 85 05 75 123 456 23')).toHaveLength(5);
  expect(patientDataIn('1.72.02.21.054.321.57')).toEqual(['NIR 172022105432157']);

  // 1. IndexedDB, every database and store, keys and values, read raw from the service worker.
  const db = await dumpIndexedDb(serviceWorker);
  const stores = db['compagnon-amelipro'] ?? {};
  // the journey did store things (so the check is not vacuous)
  expect((stores['snapshots'] ?? []).length).toBeGreaterThan(0);
  expect((stores['dailyCounts'] ?? []).length).toBeGreaterThan(0);
  expect((stores['vitaleStatus'] ?? []).length).toBeGreaterThan(0);
  for (const [dbName, content] of Object.entries(db)) {
    for (const [store, rows] of Object.entries(content)) {
      expect(patientDataIn(JSON.stringify(rows)), `IndexedDB ${dbName}.${store}`).toEqual([]);
    }
  }

  // 2. storage.session (tab states) and storage.local.
  const areas = await serviceWorker.evaluate(async () => {
    const chromeApi = (globalThis as any).chrome;
    return { session: await chromeApi.storage.session.get(null), local: await chromeApi.storage.local.get(null) };
  });
  expect(Object.keys(areas.session).length, 'tab states are kept in storage.session').toBeGreaterThan(0);
  expect(patientDataIn(JSON.stringify(areas.session)), 'storage.session').toEqual([]);
  expect(patientDataIn(JSON.stringify(areas.local)), 'storage.local').toEqual([]);

  // 3. The exported file.
  expect(record.exportText.length).toBeGreaterThan(50);
  const exported = JSON.parse(record.exportText);
  expect(JSON.stringify(exported)).toContain('donum.socle.usage-teleservices');
  expect(patientDataIn(record.exportText), 'export').toEqual([]);

  // 4. Console messages: the extension's (service worker, extension pages, content script) say nothing about
  // patients; the portal pages' own messages are their business, but none in this journey does either.
  for (const line of record.consoleLines) {
    expect(patientDataIn(line.text), `console (${line.by}, ${line.location}): ${line.type}`).toEqual([]);
  }

  // 5. The pages really showed those patients and the texts were really typed (otherwise this proves nothing).
  const shown = await Promise.all(record.pages.filter((p) => !p.url().startsWith('chrome-extension://')).map((p) => p.locator('body').innerText()));
  const all = shown.join('\n');
  expect(all).toContain('DUPONT');
  expect(all).toContain('LEGRAND');
  expect(patientDataIn(all).some((h) => h.startsWith('NIR'))).toBe(true);
  const rx = record.pages.find((p) => p.url().includes('/prescription/'))!;
  await expect(rx.locator('#prescription-ligne-2')).toHaveValue(TYPED.codeineLine);
});
