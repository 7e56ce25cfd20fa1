/**
 * One journey, two browsers: the same steps and expectations run in Chromium (Playwright, chromium.spec.ts) and in
 * Firefox (puppeteer-core over WebDriver BiDi, firefox.spec.ts), so the two builds cannot drift apart. Each browser
 * gives a `Driver`: tabs that fill, click and read by CSS selector (` >>> ` enters an open shadow root, as the
 * overlay's), with trusted input events in both (the overlay counts only those).
 */
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
// @ts-expect-error plain ESM helper of the test-page package, no types
import { portalPages } from '../../portal/router.mjs';

export interface UploadFile {
  name: string;
  mimeType: string;
  size: number;
}

export interface Tab {
  /** Attribute of the first match, null when there is none. */
  attr(selector: string, name: string): Promise<string | null>;
  /** Text of the first match, '' when there is none. */
  text(selector: string): Promise<string>;
  count(selector: string): Promise<number>;
  fill(selector: string, value: string): Promise<void>;
  /** Clicks the first match; gives up after `timeout` ms when given (it may have gone). */
  click(selector: string, timeout?: number): Promise<void>;
  /** Clicks the button whose accessible name is exactly `name`. */
  clickButton(name: string): Promise<void>;
  /** Chooses an option of a <select> by value. */
  select(selector: string, value: string): Promise<void>;
  /** Sets an <input type="file">: files made of `size` zero bytes, or an existing file's path. */
  upload(selector: string, files: UploadFile[] | string): Promise<void>;
  /** Closes the tab. */
  close(): Promise<void>;
}

export interface Driver {
  /** A portal page in a new tab (served at its real address). */
  open(url: string): Promise<Tab>;
  /** popup.html, sidepanel.html, options.html, in a new tab. */
  openExtensionPage(file: string): Promise<Tab>;
  /** The browser's id of the latest tab whose address contains `urlPart`. */
  tabId(urlPart: string): Promise<number>;
  /** The points and payments the state the background keeps of a tab carries (null: none). */
  tabStakes(tabId: number): Promise<unknown>;
  /** The page type in the state the background keeps of a tab (what its content script checked the page as; null: none yet). */
  tabPage(tabId: number): Promise<string | null>;
  /** Every record of a store of the extension's IndexedDB. */
  readStore(store: string): Promise<unknown[]>;
  /** Clicks "Exporter mes données" on the options page and returns the saved file's path. */
  exportData(options: Tab): Promise<string>;
  /** Everything that would have left the machine (refused by the harness, or reaching its closed proxy). */
  leftTheMachine(): string[];
}

const OVERLAY = 'compagnon-amelipro';
const inOverlay = (css: string) => `${OVERLAY} >>> ${css}`;
const poll = <T>(fn: () => Promise<T>, message: string, timeout = 15_000) => expect.poll(fn, { message, timeout });

/** The page type the overlay in the page is drawn for (null: no overlay in the page). */
export async function overlayPageType(tab: Tab): Promise<string | null> {
  return tab.attr(OVERLAY, 'data-compagnon-page');
}

/**
 * The page type the extension checked the latest tab at `url` as, from the state its content script sent (null
 * before): on a page with nothing to say, the overlay is no sign of it, since nothing is put in the page.
 */
async function checkedPageType(d: Driver, url: string): Promise<string | null> {
  const id = await d.tabId(url).catch(() => undefined);
  return id === undefined ? null : d.tabPage(id);
}

/** Opens the overlay panel when it is folded to its corner button (a new alert may unfold it meanwhile). */
export async function openOverlay(tab: Tab): Promise<void> {
  await poll(async () => {
    if (await tab.count(inOverlay('.ca-panel'))) return true;
    if (await tab.count(inOverlay('.ca-pill'))) await tab.click(inOverlay('.ca-pill'), 2_000).catch(() => {});
    return (await tab.count(inOverlay('.ca-panel'))) > 0;
  }, 'the overlay panel opens').toBe(true);
}

/** Every test page of tests/portal is recognised as its page type; the pages of other services are not. */
export async function everyPageRecognised(d: Driver): Promise<void> {
  const pages = portalPages() as { id: string; url: string; pageType: string }[];
  expect(pages.length).toBeGreaterThanOrEqual(12);
  for (const p of pages) {
    const tab = await d.open(p.url);
    if (p.pageType === 'unknown') {
      // a page of another service: once the script has had time to look, it adds nothing to the page
      await new Promise((r) => setTimeout(r, 2_000));
      expect(await overlayPageType(tab), `${p.id} is not taken for a page of ours`).toBeNull();
      await poll(() => checkedPageType(d, p.url), `${p.id} is said not recognised`).toBe('unknown');
      continue;
    }
    await poll(() => checkedPageType(d, p.url), `${p.id} is recognised`).toBe(p.pageType);
  }
}

/**
 * The findings of four pages, the popup and the side panel on the tabs' state, the settings, an export/import round
 * trip through IndexedDB, a portal form submitted with a flagged line, and nothing leaving the machine.
 */
export async function journey(d: Driver): Promise<void> {
  // Sick-leave notice: an initial notice longer than a month.
  const aat = await d.open('https://espacepro.ameli.fr/aat/');
  await poll(() => checkedPageType(d, 'https://espacepro.ameli.fr/aat/'), 'AAT recognised').toBe('aat');
  await aat.fill('#date_debut_arret', '02/11/2026');
  await aat.fill('#date_fin_arret', '15/12/2026');
  await openOverlay(aat);
  await poll(() => aat.text(inOverlay('[data-rule-id="aat.duration-limit"]')), 'AAT duration finding').toContain('arrêt initial');

  // Prescription: a codeine line needs a secure prescription; the form still submits.
  const rx = await d.open('https://espacepro.ameli.fr/prescription/');
  await poll(() => checkedPageType(d, 'https://espacepro.ameli.fr/prescription/'), 'prescription recognised').toBe('prescription');
  await rx.fill('#prescription-ligne-2', 'Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j');
  await poll(() => rx.count('compagnon-amelipro-note >>> [data-rule-id="secure-prescription.required"]'), 'prescription line finding').toBe(1);
  await rx.click('#prescription-valider-btn');
  await poll(() => rx.text('#prescription-confirmation'), 'the prescription form submitted').toContain('a été créée (2 ligne(s))');

  // Réclamations Paiements: a refused format among the attachments, explained without the file's name.
  const reclaps = await d.open('https://paiements2.ameli.fr/reclaps/');
  await poll(() => checkedPageType(d, 'https://paiements2.ameli.fr/reclaps/'), 'Réclamations recognised').toBe('reclaps');
  await reclaps.upload('input[type="file"]', [
    { name: 'DUPONT-facture.pdf', mimeType: 'application/pdf', size: 50_000 },
    { name: 'photo.heic', mimeType: 'image/heic', size: 50_000 },
  ]);
  await openOverlay(reclaps);
  const attachments = inOverlay('[data-rule-id="reclaps.attachments"]');
  await poll(() => reclaps.text(attachments), 'attachments finding').toContain('heic');
  expect(await reclaps.text(attachments)).not.toContain('DUPONT');

  // Ma Convention: the indicators are saved in IndexedDB.
  await d.open('https://convention2.ameli.fr/ma-convention/');
  await poll(() => checkedPageType(d, 'https://convention2.ameli.fr/ma-convention/'), 'Ma Convention recognised').toBe('convention-medecin');
  await poll(async () => (await d.readStore('snapshots')).length, 'indicator snapshots saved').toBeGreaterThanOrEqual(5);
  const saved = (await d.readStore('snapshots')).length;

  // The popup on the sick-leave tab: its state, and the checklist of that page (the duration finding has no checklist
  // question of its own: since issue 21 it is no longer pinned on the paper-Cerfa item).
  const aatTab = await d.tabId('/aat/');
  const popup = await d.openExtensionPage(`popup.html?tabId=${aatTab}`);
  await poll(() => popup.text('[data-testid="tab-summary"]'), 'popup: the tab state').toMatch(/Avis d'arrêt de travail — [1-9]\d* remarques?/);
  await poll(() => popup.count('li[data-item-id="aat.secured-cerfa"]'), "popup: the sick-leave page's checklist").toBe(1);
  expect(await popup.count('li[data-item-id="secure-prescription.required"]')).toBe(0);
  expect(await popup.count('[data-testid="ameli-access"]')).toBe(0);

  // The side panel (Firefox's sidebar) on the Ma Convention tab: indicators and the declaration deadline.
  const panel = await d.openExtensionPage(`sidepanel.html?tabId=${await d.tabId('convention2.ameli.fr')}`);
  await poll(() => panel.count('[data-indicator-id]'), 'side panel: indicators').toBeGreaterThan(0);
  await poll(() => panel.text('[data-testid="deadlines"] [data-deadline="2027-02-07"]'), 'side panel: the deadline').toContain('Clôture le 07/02/2027');
  // the points and payments, read by the tab once the panel opened, and no longer once it closed
  await poll(() => panel.text('[data-testid="stakes"] [data-testid="points"]'), 'side panel: the points acquired').toMatch(/^Points acquis\s*:\s*340 sur 420$/);
  const convTab = await d.tabId('convention2.ameli.fr');
  expect(await d.tabStakes(convTab)).toMatchObject({ points: { acquired: 340, max: 420 } });
  await panel.close();
  await poll(() => d.tabStakes(convTab), 'the panel closed: the tab state carries no points or payments').toBeNull();

  // Settings: a pharmacist gets the pharmacist's checklist.
  const options = await d.openExtensionPage('options.html');
  await poll(() => options.count('#profile-profession'), 'options page').toBe(1);
  // While none is saved, the options offer the profession the open portal tabs' headers name, read when asked.
  await poll(() => options.text('[data-testid="profile-prefilled"]'), "options: the header's profession offered").toContain('Médecin généraliste');
  await options.select('#profile-profession', 'pharmacien');
  await options.clickButton('Enregistrer');
  await poll(() => options.text('[data-testid="profile-status"]'), 'settings saved').toBe('Enregistré.');
  const popup2 = await d.openExtensionPage(`popup.html?tabId=${aatTab}`);
  await poll(() => popup2.count('[data-checklist-id="avant-transmission.pharmacien"]'), 'the pharmacist checklist').toBe(1);

  // Export, erase, import back: the round trip through IndexedDB.
  const file = await d.exportData(options);
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; stores: { snapshots: unknown[] } };
  expect(exported.format).toBe('compagnon-amelipro-export');
  expect(exported.stores.snapshots).toHaveLength(saved);
  await options.clickButton('Tout effacer');
  await options.clickButton('Oui, tout effacer');
  await poll(async () => (await d.readStore('snapshots')).length, 'erased').toBe(0);
  await options.upload('input[type="file"]', file);
  await options.clickButton('Importer');
  await poll(() => options.text('.ca-data [role="status"]'), 'import said').toContain('Import réussi');
  expect(await d.readStore('snapshots')).toHaveLength(saved);

  expect(d.leftTheMachine()).toEqual([]);
}
