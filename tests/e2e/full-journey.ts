/**
 * One full working session with the fictitious patients of the test pages, recorded for the security and
 * privacy specs: every network request seen over CDP (each page's and the service worker's own network, with
 * the initiator of each request), every console message of every page and of the service worker, and the file
 * exported from the options page.
 *
 * Journey: login page, home (carte Vitale button clicked, failed read then successful read with the patient
 * banner), AAT with a too-long notice then validate and transmit, prescription with a codeine line, Réclamations
 * with files, both Ma Convention pages, a transmission summary, popup, side panel, options, export.
 */
import { readFileSync } from 'node:fs';
import { expect, type CDPSession, type ConsoleMessage, type Page, type Worker } from '@playwright/test';
import type { Launched } from './harness';
import { openOverlay, overlay } from './overlay';
import { expectChecked } from './tabs';

export interface SeenRequest {
  /** Who made it: a page's URL at the time, or 'service-worker'. */
  by: string;
  url: string;
  resourceType: string;
  initiatorType: string;
  /** Every script URL on the initiator's stack (async parents included), and the parser's document URL. */
  initiatorUrls: string[];
}

export interface ConsoleLine {
  by: string;
  type: string;
  text: string;
  /** Where the message was logged from (script URL), when known. */
  location: string;
}

export interface JourneyRecord {
  requests: SeenRequest[];
  consoleLines: ConsoleLine[];
  exportText: string;
  /** Free text typed into the portal's fields during the journey. */
  typed: string[];
  pages: Page[];
}

/** What the user types into the portal (fictitious, but exactly the kind of text that must never be kept). */
export const TYPED = {
  motif: 'Lombalgie aiguë après déménagement',
  codeineLine: 'Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j',
  attachment: 'DUPONT-Lea-facture.pdf',
};

function initiatorUrls(initiator: any): string[] {
  const out: string[] = [];
  if (!initiator) return out;
  if (typeof initiator.url === 'string') out.push(initiator.url);
  let stack = initiator.stack;
  while (stack) {
    for (const f of stack.callFrames ?? []) if (f.url) out.push(f.url);
    stack = stack.parent;
  }
  return out;
}

function onRequestWillBeSent(record: JourneyRecord, by: () => string) {
  return (e: any) =>
    record.requests.push({
      by: by(),
      url: e.request?.url ?? '',
      resourceType: e.type ?? '',
      initiatorType: e.initiator?.type ?? '',
      initiatorUrls: initiatorUrls(e.initiator),
    });
}

/** The service worker's own network, over CDP (a page session can attach to it, non-flattened). */
async function watchServiceWorker(launched: Launched, cdp: CDPSession, record: JourneyRecord): Promise<void> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${launched.extensionId}/`));
  if (!sw) throw new Error('service worker target not found');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
  const handler = onRequestWillBeSent(record, () => 'service-worker');
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { method?: string; params?: unknown };
    if (m.method === 'Network.requestWillBeSent') handler(m.params);
  });
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Network.enable' }) });
}

function recordConsole(record: JourneyRecord, by: () => string) {
  return (msg: ConsoleMessage) => {
    const loc = msg.location();
    record.consoleLines.push({ by: by(), type: msg.type(), text: msg.text(), location: loc?.url ?? '' });
  };
}

export async function runFullJourney(launched: Launched): Promise<JourneyRecord> {
  const { context, extensionId } = launched;
  const record: JourneyRecord = { requests: [], consoleLines: [], exportText: '', typed: Object.values(TYPED), pages: [] };

  launched.serviceWorker.on(
    'console',
    recordConsole(record, () => 'service-worker'),
  );

  /** A new tab with its network and console recorded from before its first request. */
  const open = async (url: string): Promise<Page> => {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on(
      'Network.requestWillBeSent',
      onRequestWillBeSent(record, () => page.url()),
    );
    page.on(
      'console',
      recordConsole(record, () => page.url()),
    );
    if (record.pages.length === 0) await watchServiceWorker(launched, cdp, record);
    record.pages.push(page);
    await page.goto(url);
    return page;
  };
  const tabId = async (urlPart: string): Promise<number> => {
    const tabs = (await launched.serviceWorker.evaluate(() => (globalThis as any).chrome.tabs.query({}))) as { id?: number; url?: string }[];
    const tab = tabs.find((t) => t.url?.includes(urlPart));
    if (tab?.id === undefined) throw new Error(`no tab for ${urlPart}`);
    return tab.id;
  };

  // Login page
  const login = await open('https://authps-espacepro.ameli.fr/oauth2/authorize?response_type=code&client_id=x');
  await expectChecked(login, 'login');
  await login.locator('input[name="user"]').fill('123456789');

  // Home: the carte Vitale button, failed read (no reader), then a successful read showing the patient banner
  const home = await open('https://espacepro.ameli.fr/page-accueil-ihm/');
  await expectChecked(home, 'home');
  await home.locator('#patientLogin-form-vital-card-btn').click();
  await expect(home.locator('compagnon-vitale-note')).toBeVisible({ timeout: 10_000 });
  const homeOk = await open('https://espacepro.ameli.fr/page-accueil-ihm/?carte=ok');
  await expectChecked(homeOk, 'home');
  await homeOk.locator('#patientLogin-form-vital-card-btn').click();
  await expect(homeOk.locator('body')).toContainText('DUPONT');

  // AAT: a too-long initial notice, validated then transmitted
  const aat = await open('https://espacepro.ameli.fr/aat/');
  await expectChecked(aat, 'aat');
  await aat.locator('#motif').fill(TYPED.motif);
  await aat.locator('#date_debut_arret').fill('02/11/2026');
  await aat.locator('#date_fin_arret').fill('15/12/2026');
  await expect(overlay(aat).locator('.ca-pill-alert')).toBeVisible();
  await aat.locator('#aat-valider-btn').click();
  await expect(aat).toHaveURL(/\/aat\/recapitulatif/);
  await openOverlay(aat);
  await expect(overlay(aat).locator('[data-rule-id="aat.duration-limit"]')).toBeVisible();
  await overlay(aat).locator('.ca-close').click();
  await aat
    .getByRole('button', { name: 'Transmettre', exact: true })
    .or(aat.getByRole('button', { name: 'Valider et transmettre' }))
    .first()
    .click();
  await expect(aat).toHaveURL(/\/aat\/confirmation/);

  // Prescription with a codeine line
  const rx = await open('https://espacepro.ameli.fr/prescription/');
  await expectChecked(rx, 'prescription');
  await rx.locator('#prescription-ligne-2').fill(TYPED.codeineLine);
  await expect(rx.locator('compagnon-amelipro-note [data-rule-id="secure-prescription.required"]')).toBeVisible();

  // Réclamations Paiements with attachments (one named after the patient, one refused format)
  const reclaps = await open('https://paiements2.ameli.fr/reclaps/');
  await expectChecked(reclaps, 'reclaps');
  await reclaps.locator('input[type="file"]').setInputFiles([
    { name: TYPED.attachment, mimeType: 'application/pdf', buffer: Buffer.alloc(50_000) },
    { name: 'photo.heic', mimeType: 'image/heic', buffer: Buffer.alloc(50_000) },
  ]);
  await openOverlay(reclaps);
  await expect(overlay(reclaps).locator('[data-rule-id="reclaps.attachments"]')).toBeVisible();

  // Both Ma Convention pages
  const conv = await open('https://convention2.ameli.fr/ma-convention/');
  await expectChecked(conv, 'convention-medecin');
  const convPh = await open('https://conventionpharmaciens.ameli.fr/ma-convention/');
  await expectChecked(convPh, 'convention-pharmacien');

  // Transmission summary (second patient)
  const tr = await open('https://espacepro.ameli.fr/prescription-transport/recapitulatif');
  await expectChecked(tr, 'transmission');
  await expect(tr.locator('body')).toContainText('LEGRAND');
  await openOverlay(tr);

  // Popup (for the AAT tab), side panel (for the Ma Convention tab), options, export
  const popup = await open(`chrome-extension://${extensionId}/popup.html?tabId=${await tabId('/aat/')}`);
  await expect(popup.getByTestId('tab-summary')).toBeVisible();
  const firstItem = popup.locator('[data-checklist-id] li[data-item-id]').first();
  await firstItem.getByRole('checkbox').check();
  await popup.getByText('Vérifier une ordonnance').click();
  await popup.getByLabel('Lignes de l’ordonnance').fill(TYPED.codeineLine);
  await popup.getByRole('button', { name: 'Vérifier', exact: true }).click();
  await expect(popup.getByTestId('rx-results')).toBeVisible();
  const panel = await open(`chrome-extension://${extensionId}/sidepanel.html?tabId=${await tabId('convention2.ameli.fr')}`);
  await expect(panel.getByRole('heading', { name: 'Mes indicateurs' })).toBeVisible();
  await expect(panel.locator('[data-indicator-id]').first()).toBeVisible();
  const options = await open(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: 'Mes données' })).toBeVisible();
  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Exporter mes données' }).click();
  const download = await downloading;
  const path = await download.path();
  record.exportText = readFileSync(path, 'utf8');

  // Let pending writes (debounced tab states, daily counts) settle.
  await options.waitForTimeout(800);
  return record;
}

/** Every database and store of the extension's IndexedDB, raw (no validation), from the service worker. */
export async function dumpIndexedDb(sw: Worker): Promise<Record<string, Record<string, unknown[]>>> {
  return sw.evaluate(async () => {
    const out: Record<string, Record<string, unknown[]>> = {};
    const dbs = await indexedDB.databases();
    for (const info of dbs) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const stores: Record<string, unknown[]> = {};
      for (const name of Array.from(db.objectStoreNames)) {
        stores[name] = await new Promise<unknown[]>((resolve, reject) => {
          const tx = db.transaction(name, 'readonly');
          const keys = tx.objectStore(name).getAllKeys();
          const values = tx.objectStore(name).getAll();
          tx.oncomplete = () => resolve([...(keys.result as unknown[]), ...(values.result as unknown[])]);
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
      out[info.name] = stores;
    }
    return out;
  });
}
