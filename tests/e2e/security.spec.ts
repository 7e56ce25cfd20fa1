/**
 * Security: the extension makes no network request of its own, asks only for the permissions it needs, and
 * believes nothing the page says except the documented « Lecture Carte Vitale » signals (validated).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { dumpIndexedDb, runFullJourney, type SeenRequest } from './full-journey';
import { readStore } from './db';
import { launchWithExtension, ROOT } from './harness';
import { CONTENT_MODULE_PATH, CONTENT_MODULE_WITH_READER_PATH, PRESCRIPTION_READER_PATH } from '../../entrypoints/amelipro.content/module-path';
import { openOverlay, overlay } from './overlay';
import { scanBundles } from '../unit/security/bundle-scan';
// @ts-expect-error plain ESM helper of the test-page package, no types
import { resolvePortalRequest } from '../portal/router.mjs';
import { expectChecked } from './tabs';

const AMELIPRO_HOST_PERMISSIONS = [
  'https://authcps-espacepro.ameli.fr/*',
  'https://authps-espacepro.ameli.fr/*',
  'https://convention2.ameli.fr/*',
  'https://conventionpharmaciens.ameli.fr/*',
  'https://espacepro.ameli.fr/*',
  'https://paiements2.ameli.fr/*',
].sort();

/** A URL the test pages serve (the router answers it), i.e. one of the portal's own resources. */
const isTestPageResource = (url: string) => resolvePortalRequest(url, 'GET') !== null;

test.describe('network', () => {
  test('a full journey: the extension makes no request of its own; the pages request only their own resources; nothing leaves the machine', async ({
    launched,
  }) => {
    test.setTimeout(180_000);
    const record = await runFullJourney(launched);
    const ext = `chrome-extension://${launched.extensionId}/`;
    expect(record.requests.length, 'CDP saw the journey').toBeGreaterThan(20);

    // 1. Requests made by the extension (service worker, extension pages, content script): its own files only.
    const madeByExtension = (r: SeenRequest) =>
      r.by === 'service-worker' || r.by.startsWith('chrome-extension://') || r.initiatorUrls.some((u) => u.startsWith('chrome-extension://'));
    // The content script's modules and its prescription reader, fetched at the session address Chromium gives a
    // `use_dynamic_url` resource.
    const sessionModule = (url: string) =>
      new RegExp(`^chrome-extension://[0-9a-f-]{36}/(${CONTENT_MODULE_PATH}|${CONTENT_MODULE_WITH_READER_PATH}|${PRESCRIPTION_READER_PATH})$`).test(url);
    const local = (url: string) => url.startsWith(ext) || sessionModule(url) || /^(blob|data):/.test(url);
    expect(record.requests.filter((r) => r.url.startsWith(ext)).length, 'the extension loads its own files').toBeGreaterThan(0);
    const describe = (r: SeenRequest) => `${r.by} → ${r.url} (${r.initiatorType}: ${r.initiatorUrls.join(' < ')})`;
    expect(record.requests.filter((r) => madeByExtension(r) && !local(r.url)).map(describe), 'requests made by the extension').toEqual([]);

    // 2. Every other request is a portal test page's own resource (served locally by the harness).
    const others = record.requests.filter((r) => !local(r.url));
    expect(others.length).toBeGreaterThan(10);
    expect(others.filter((r) => !isTestPageResource(r.url)).map(describe)).toEqual([]);

    // 3. The harness's own lists: nothing refused (nothing tried to leave), every request local.
    expect(launched.blocked).toEqual([]);
    const notLocal = launched.requests.filter((r) => !r.fromExtension && !/^(blob|data):/.test(r.url) && !isTestPageResource(r.url));
    expect(notLocal.map((r) => r.url)).toEqual([]);
    // every extension resource requested is ours (no other extension's files)
    expect(launched.requests.filter((r) => r.fromExtension && !r.url.startsWith(ext) && !sessionModule(r.url)).map((r) => r.url)).toEqual([]);

    // Enforced, not only observed: the extension pages' and the service worker's content security policy
    // (connect-src 'self') refuses a request elsewhere before it is made; the recording and the harness, which do
    // see a request a page makes (below), see none.
    const popup = record.pages.find((p) => p.url().includes('/popup.html'))!;
    const tryFetch = (url: string) =>
      fetch(url).then(
        () => 'sent',
        (e: unknown) => `refused: ${String(e)}`,
      );
    expect(await popup.evaluate(tryFetch, 'https://canary.example/popup')).toMatch(/^refused/);
    expect(await launched.serviceWorker.evaluate(tryFetch, 'https://canary.example/worker')).toMatch(/^refused/);
    const canary = record.pages.find((p) => p.url().startsWith('https://espacepro.ameli.fr/'))!;
    await canary.evaluate(() => fetch('https://canary.example/page').catch(() => null));
    await expect
      .poll(() => record.requests.filter((r) => r.url.startsWith('https://canary.example/')).map((r) => r.url))
      .toEqual(['https://canary.example/page']);
    expect(launched.blocked).toEqual(['https://canary.example/page']);
  });
});

test.describe('manifest', () => {
  const read = (dir: string) => JSON.parse(readFileSync(join(ROOT, '.output', dir, 'manifest.json'), 'utf8'));
  test.beforeAll(() => {
    // `npm test` builds both; a lone e2e run may only have the Chrome build.
    if (!existsSync(join(ROOT, '.output/firefox-mv3/manifest.json'))) {
      execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: ROOT, stdio: 'ignore' });
    }
  });

  /** What both builds must share: hosts, no weakening, nothing exposed to the web, nothing remote. */
  function commonChecks(dir: string, m: any) {
    expect([...m.host_permissions].sort()).toEqual(AMELIPRO_HOST_PERMISSIONS);
    // a policy of its own, stricter than MV3's default: nothing to connect to but the extension's files
    expect(m.content_security_policy, `${dir}: content_security_policy`).toEqual({
      extension_pages: "script-src 'self'; object-src 'none'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    });
    for (const key of [
      'optional_permissions',
      'optional_host_permissions',
      'externally_connectable',
      'update_url',
      'key_url',
      'sandbox',
      'declarative_net_request',
      'chrome_url_overrides',
      'devtools_page',
      'oauth2',
    ]) {
      expect(m[key], `${dir}: ${key}`).toBeUndefined();
    }
    // One web-accessible entry with three files, the content script's module, the prescription reader it imports
    // on pages with a medicine field and the module with the reader inside, for the amelipro pages only (no other site, no other extension); in Chromium
    // behind a per-session address.
    expect(m.web_accessible_resources, `${dir}: web_accessible_resources`).toHaveLength(1);
    const war = m.web_accessible_resources[0];
    expect(Object.keys(war).sort()).toEqual(dir === 'chrome-mv3' ? ['matches', 'resources', 'use_dynamic_url'] : ['matches', 'resources']);
    expect(war.resources).toEqual([CONTENT_MODULE_PATH, PRESCRIPTION_READER_PATH, CONTENT_MODULE_WITH_READER_PATH]);
    expect([...war.matches].sort()).toEqual(AMELIPRO_HOST_PERMISSIONS);
    if (dir === 'chrome-mv3') expect(war.use_dynamic_url).toBe(true);
    for (const file of war.resources) expect(existsSync(join(ROOT, '.output', dir, file)), `${dir}: ${file} exists`).toBe(true);
    expect(m.content_scripts).toHaveLength(1);
    expect([...m.content_scripts[0].matches].sort()).toEqual(AMELIPRO_HOST_PERMISSIONS);
    expect(m.content_scripts[0].all_frames ?? false).toBe(false);
    expect(m.content_scripts[0].world ?? 'ISOLATED').toBe('ISOLATED');
    // every script, page and icon is a file of the package
    const files = [
      ...m.content_scripts.flatMap((c: any) => [...(c.js ?? []), ...(c.css ?? [])]),
      m.background.service_worker ?? m.background.scripts,
      m.action?.default_popup,
      m.options_ui?.page,
      m.side_panel?.default_path ?? m.sidebar_action?.default_panel,
      ...Object.values(m.icons ?? {}),
    ]
      .flat()
      .filter((f): f is string => typeof f === 'string');
    for (const f of files) {
      expect(f, `${dir}: ${f} is a local path`).not.toMatch(/^[a-z-]+:|^\/\//i);
      expect(existsSync(join(ROOT, '.output', dir, f)), `${dir}: ${f} exists`).toBe(true);
    }
    // extension pages load only their own scripts and styles
    for (const page of [m.action?.default_popup, m.options_ui?.page, m.side_panel?.default_path ?? m.sidebar_action?.default_panel]) {
      const html = readFileSync(join(ROOT, '.output', dir, page), 'utf8');
      const refs = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)].map((x) => x[1]!);
      expect(
        refs.filter((r) => /^(?:[a-z-]+:)?\/\//i.test(r)),
        `${dir}/${page}: remote references`,
      ).toEqual([]);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/); // no inline script (MV3 CSP forbids it anyway)
    }
    expect(JSON.stringify(m)).not.toMatch(/<all_urls>|\*:\/\/\*\/|unsafe-eval|unsafe-inline|wasm-unsafe-eval|http:\/\//);
  }

  test('Chrome build: storage and sidePanel, the seven amelipro hosts, nothing else', () => {
    const m = read('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect([...m.permissions].sort()).toEqual(['sidePanel', 'storage']);
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.background).toEqual({ type: 'module', service_worker: 'background.js' });
    commonChecks('chrome-mv3', m);
  });

  test('both builds: no eval, no Function constructor, no network call, no remote code beyond the reviewed patterns', () => {
    for (const dir of ['chrome-mv3', 'firefox-mv3']) {
      const { hits, seen } = scanBundles(join(ROOT, '.output', dir));
      expect(hits, dir).toEqual([]);
      expect(seen.get('zod Function probe'), `${dir}: the known zod probe`).toBe(1);
    }
  });

  test('Firefox build: storage only, a gecko id, no data collected, the seven amelipro hosts', () => {
    const m = read('firefox-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.permissions).toEqual(['storage']);
    expect(m.browser_specific_settings.gecko.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.side_panel).toBeUndefined();
    expect(m.background).toEqual({ type: 'module', scripts: ['background.js'] });
    commonChecks('firefox-mv3', m);
  });
});

/** The real overlay (the content script's shadow host), as the page's own scripts see it. */
async function overlaySnapshot(page: Page): Promise<{ hosts: number; page: string | null; ruleIds: string[] }> {
  return page.evaluate(() => {
    const real = [...document.querySelectorAll('compagnon-amelipro')].filter((e) => e.shadowRoot);
    const host = real[0];
    return {
      hosts: real.length,
      page: host?.getAttribute('data-compagnon-page') ?? null,
      ruleIds: [...(host?.shadowRoot?.querySelectorAll('[data-rule-id]') ?? [])].map((e) => e.getAttribute('data-rule-id')!).sort(),
    };
  });
}

async function vitaleStatusInPopup(launched: { context: any; extensionId: string; serviceWorker: Worker }, urlPart: string): Promise<Page> {
  const tabs = (await launched.serviceWorker.evaluate(() => (globalThis as any).chrome.tabs.query({}))) as { id?: number; url?: string }[];
  const tab = tabs.find((t) => t.url?.includes(urlPart));
  const popup: Page = await launched.context.newPage();
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tabId=${tab!.id}`);
  return popup;
}

test.describe('the page cannot drive the extension', () => {
  test('window messages, CustomEvents and look-alike elements change nothing: storage, overlay and carte Vitale status', async ({
    launched,
    serviceWorker,
  }) => {
    const page = await launched.context.newPage();
    await page.goto('https://espacepro.ameli.fr/page-accueil-ihm/');
    await expectChecked(page, 'home');
    // settled: the carte Vitale extension reported absent, and that status stored
    await expect(page.locator('compagnon-vitale-note')).toHaveAttribute('data-vitale-note', 'extension-absent', { timeout: 10_000 });
    await expect.poll(async () => ((await dumpIndexedDb(serviceWorker))['compagnon-amelipro']?.['vitaleStatus'] ?? []).length).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    const dbBefore = await dumpIndexedDb(serviceWorker);
    const overlayBefore = await overlaySnapshot(page);
    expect(overlayBefore.hosts).toBe(1);
    const sessionBefore = await serviceWorker.evaluate(() => (globalThis as any).chrome.storage.session.get(null));

    // The page has no way to message the extension directly.
    expect(await page.evaluate(() => typeof (globalThis as any).chrome?.runtime?.sendMessage)).toBe('undefined');

    await page.evaluate(() => {
      const snapshot = {
        indicatorId: 'donum.socle.usage-teleservices',
        value: 100,
        target: 60,
        asOf: '2026-11-27',
        capturedAt: '2026-11-27T10:00:00.000Z',
        pageType: 'convention-medecin',
      };
      const finding = {
        ruleId: 'spoof.rule',
        featureId: 'spoof',
        severity: 'blocking',
        title: { fr: 'FAUX', en: 'FAKE' },
        message: { fr: 'FAUX', en: 'FAKE' },
      };
      const tabState = {
        page: 'convention-medecin',
        findings: [finding],
        cannotCheck: [],
        failed: [],
        ran: ['spoof'],
        snoozed: 0,
        updatedAt: new Date().toISOString(),
      };
      // 1. window messages shaped like the extension's runtime messages
      for (const msg of [
        { type: 'storage', op: 'snapshot.put', payload: { snapshots: [snapshot] } },
        { type: 'storage', op: 'data.erase', payload: {} },
        { type: 'storage', op: 'vitale.set', payload: { extension: 'present', atsam: 'ok' } },
        { type: 'tab-state', state: tabState },
        { type: 'vitale-status' },
        { type: 'vitale-test' },
        { type: 'open-checklist' },
        { service: 'diagam_web_extension_is_loaded', version: '9.9.9' },
      ]) {
        window.postMessage(msg, '*');
        window.postMessage(JSON.stringify(msg), '*');
      }
      // 2. CustomEvents: the carte Vitale events with bad values, and made-up ones
      const fire = (name: string, detail: unknown) => window.dispatchEvent(new CustomEvent(name, { detail }));
      fire('evenement_reponse_diagam', { service: 'diagam_web_extension_is_loaded', version: '1.2.3'.repeat(200) });
      fire('evenement_reponse_diagam', JSON.stringify({ service: 'diagam_web_extension_is_loaded', version: '2.1.0', pad: 'x'.repeat(30_000) }));
      fire('evenement_reponse_diagam', { service: { toString: () => 'diagam_web_extension_is_loaded' }, version: '2.1.0' });
      fire('evenement_reponse_diagam', { service: 'diagam_web_extension_is_loaded', version: () => '2.1.0' });
      fire('evenement_reponse_diagam', '{not json');
      fire('evenement_reponse_vitale', { service: 'version', atsam: '4.67.03', srvsvcnam: '5.10.04' }); // no test running: ignored
      fire('evenement_reponse_diagam', { service: 'version', atsam: '4.67.03' });
      for (const name of ['compagnon-amelipro:finding', 'compagnon-amelipro:storage', 'storage', 'tab-state'])
        fire(name, { type: 'storage', op: 'data.erase', payload: {} });
      // 3. look-alike elements: the announcement div in the wrong element or with a non-version, a fake overlay and note
      const span = document.createElement('span');
      span.id = 'lecture-vitale-native-messaging-webextension-version';
      span.textContent = '2.1.0';
      document.body.append(span);
      const div = document.createElement('div');
      div.id = 'lecture-vitale-native-messaging-webextension-version';
      div.textContent = '<b>piège</b> version inconnue';
      document.body.prepend(div);
      const fake = document.createElement('compagnon-amelipro');
      fake.setAttribute('data-compagnon-page', 'convention-medecin');
      fake.innerHTML = '<div data-rule-id="spoof.rule" class="ca-finding">FAUX</div>';
      document.body.append(fake);
      const fakeNote = document.createElement('compagnon-vitale-note');
      fakeNote.setAttribute('data-vitale-note', 'ok');
      document.body.prepend(fakeNote);
      // Ma Convention-looking tiles on the home page
      const tile = document.createElement('section');
      tile.innerHTML =
        '<h2>Mes indicateurs</h2><div class="indicateur" data-indicateur="donum.socle.usage-teleservices"><span>Usage des téléservices</span><strong>100 %</strong><span>Objectif 60 %</span></div>';
      document.body.append(tile);
      // an in-page navigation signal the content script listens to (it re-reads the real URL)
      window.dispatchEvent(new Event('wxt:locationchange'));
    });
    await page.waitForTimeout(2500);

    // Nothing stored changed, the overlay and the carte Vitale status are the same.
    expect(await dumpIndexedDb(serviceWorker)).toEqual(dbBefore);
    expect(await overlaySnapshot(page)).toEqual(overlayBefore);
    expect(await serviceWorker.evaluate(() => (globalThis as any).chrome.storage.session.get(null))).toEqual(sessionBefore);
    await expect(page.locator('compagnon-vitale-note[data-vitale-note="extension-absent"]')).toHaveCount(1);
    // the page's look-alike note was neither adopted nor moved
    expect(await page.evaluate(() => document.body.firstElementChild?.outerHTML)).toBe('<compagnon-vitale-note data-vitale-note="ok"></compagnon-vitale-note>');
    const popup = await vitaleStatusInPopup(launched, '/page-accueil-ihm/');
    const vitale = popup.locator('section[data-section="vitale"]');
    await expect(vitale.getByTestId('vitale-extension')).toContainText('non détectée');
    await expect(vitale.getByTestId('vitale-atsam')).not.toContainText('à jour');
    await expect(vitale.getByTestId('vitale-components')).toHaveCount(0);
    await expect(vitale).not.toContainText('<img');
    // the portal page is still usable
    await expect(page.locator('#patientLogin-form-nir')).toBeVisible();

    // The documented announcement with a malformed version: presence only (as documented), the bad value is
    // neither kept nor shown.
    await page.evaluate(() =>
      window.dispatchEvent(
        new CustomEvent('evenement_reponse_diagam', { detail: { service: 'diagam_web_extension_is_loaded', version: '<img src=x onerror=alert(1)>' } }),
      ),
    );
    await popup.reload();
    await expect(vitale.getByTestId('vitale-extension')).toContainText('installée');
    await expect(vitale).not.toContainText('<img');
    await expect
      .poll(async () => JSON.stringify((await dumpIndexedDb(serviceWorker))['compagnon-amelipro']?.['vitaleStatus']))
      .toContain('"extensionVersion":null');
    expect(JSON.stringify(await dumpIndexedDb(serviceWorker))).not.toContain('<img');
    expect((await overlaySnapshot(page)).ruleIds.every((id) => /^[a-z0-9.-]+$/.test(id))).toBe(true);
  });

  test('a look-alike prescription note placed by the page under a field is not adopted: the real note still shows', async ({ context }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/prescription/');
    await expectChecked(page, 'prescription');
    await page.evaluate(() => {
      const field = document.querySelector('#prescription-ligne-2')!;
      const anchor = field.closest('.v-input') ?? field;
      const fake = document.createElement('compagnon-amelipro-note');
      fake.setAttribute('data-fake', '1');
      anchor.after(fake);
    });
    await page.locator('#prescription-ligne-2').fill('Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j');
    await expect(page.locator('compagnon-amelipro-note:not([data-fake]) [data-rule-id="secure-prescription.required"]')).toBeVisible();
    expect(await page.evaluate(() => document.querySelector('compagnon-amelipro-note[data-fake]')!.shadowRoot)).toBeNull();
    await openOverlay(page);
    await expect(overlay(page).first().locator('[data-rule-id="secure-prescription.required"]')).toBeVisible();
  });

  test('the page cannot find the extension at its fixed address: its web-accessible files are not served there', async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/prescription/');
    // the content script's module did load (the checks run), and the prescription reader with it ...
    await expectChecked(page, 'prescription');
    await page.locator('#prescription-ligne-2').fill('Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j');
    await expect(page.locator('compagnon-amelipro-note [data-rule-id="secure-prescription.required"]')).toBeVisible();
    // ... yet a page probing chrome-extension://<id>/… (how sites detect installed extensions) gets nothing
    const probe = (path: string) =>
      page.evaluate(
        (url) =>
          fetch(url).then(
            (r) => `HTTP ${r.status}`,
            (e: Error) => `refused: ${e.name}`,
          ),
        `chrome-extension://${extensionId}/${path}`,
      );
    expect(await probe(CONTENT_MODULE_PATH)).toMatch(/^refused/);
    expect(await probe(PRESCRIPTION_READER_PATH)).toMatch(/^refused/);
    expect(await probe(CONTENT_MODULE_WITH_READER_PATH)).toMatch(/^refused/);
    expect(await probe('manifest.json')).toMatch(/^refused/);
    // (control: the same fetch from the extension's own page succeeds, so "refused" is the page's lack of access)
    const own = await context.newPage();
    await own.goto(`chrome-extension://${extensionId}/popup.html`);
    expect(await own.evaluate((url) => fetch(url).then((r) => `HTTP ${r.status}`), `chrome-extension://${extensionId}/${CONTENT_MODULE_PATH}`)).toBe(
      'HTTP 200',
    );
  });

  test('another extension cannot reach the extension: its messages get no answer, nothing is stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'other-extension-'));
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({ manifest_version: 3, name: 'Other extension', version: '1.0.0', background: { service_worker: 'sw.js' } }),
    );
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("install", () => {});\n');
    const launched = await launchWithExtension({ extraExtensions: [dir] });
    try {
      const other =
        launched.context.serviceWorkers().find((w) => w.url().endsWith('/sw.js')) ??
        (await launched.context.waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/sw.js') }));
      // the records only: the welcome page, opened at install, may create the (empty) database meanwhile
      const records = async () =>
        Object.values(await dumpIndexedDb(launched.serviceWorker)).flatMap((db) => Object.values(db as Record<string, unknown[]>).flat());
      const before = await records();
      const answers = await other.evaluate(async (id) => {
        const out: string[] = [];
        const messages = [
          {
            type: 'storage',
            op: 'snapshot.put',
            payload: {
              snapshots: [
                {
                  indicatorId: 'donum.socle.usage-teleservices',
                  value: 1,
                  target: null,
                  asOf: '2026-11-27',
                  capturedAt: '2026-11-27T10:00:00.000Z',
                  pageType: 'convention-medecin',
                },
              ],
            },
          },
          { type: 'storage', op: 'data.export', payload: {} },
          { type: 'storage', op: 'data.erase', payload: {} },
          { type: 'get-tab-state', tabId: 1 },
          { type: 'ping' },
        ];
        for (const m of messages) {
          try {
            out.push(`answer: ${JSON.stringify(await (globalThis as any).chrome.runtime.sendMessage(id, m))}`);
          } catch (e) {
            out.push(`refused: ${(e as Error).message}`);
          }
        }
        try {
          const port = (globalThis as any).chrome.runtime.connect(id);
          await new Promise<void>((resolve) => {
            port.onDisconnect.addListener(() => resolve());
            port.postMessage({ type: 'storage', op: 'data.erase', payload: {} });
            setTimeout(resolve, 1000);
          });
          out.push('port: disconnected');
        } catch (e) {
          out.push(`refused: ${(e as Error).message}`);
        }
        return out;
      }, launched.extensionId);
      for (const a of answers.slice(0, 5)) expect(a).toMatch(/^refused: .*(Receiving end does not exist|Could not establish connection)/);
      expect(await records()).toEqual(before);
    } finally {
      await launched.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The portal page is untrusted: its own scripts (played here with page.evaluate, in the page's main world) can reach
 * the overlay's open shadow root and dispatch any event. None of that may silence, snooze or spoof the checks, or
 * make the extension keep page text.
 */
test.describe('the page cannot silence, snooze or make the extension keep its text', () => {
  const LOGIN = 'https://authps-espacepro.ameli.fr/oauth2/authorize?response_type=code&client_id=x';
  const REMINDER = 'amelipro.login-strong-auth';

  async function longNotice(page: Page): Promise<void> {
    await page.locator('#date_debut_arret').fill('02/11/2026');
    await page.locator('#date_fin_arret').fill('15/12/2026');
  }

  test('a snooze forged by the page changes nothing: the finding is still there, and after a reload', async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/aat/');
    await expectChecked(page, 'aat');
    await longNotice(page);
    await openOverlay(page); // the user opens the panel: the page script finds the snooze list there
    const finding = overlay(page).locator('[data-rule-id="aat.duration-limit"]');
    await expect(finding).toBeVisible();
    await page.evaluate(() => {
      const root = document.querySelector('compagnon-amelipro')!.shadowRoot!;
      const select = root.querySelector<HTMLSelectElement>('[data-rule-id="aat.duration-limit"] select')!;
      // a length the overlay does not offer, picked by the page
      const forged = document.createElement('option');
      forged.value = '3650000';
      select.append(forged);
      select.selectedIndex = select.options.length - 1;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      // an offered option rewritten, then picked by the page
      select.options[3]!.value = '3650000';
      select.selectedIndex = 3;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      // the close button, clicked by the page
      root.querySelector<HTMLButtonElement>('.ca-close')!.click();
    });
    await page.waitForTimeout(800);
    await expect(finding).toBeVisible();
    expect((await dumpIndexedDb(serviceWorker))['compagnon-amelipro']?.['snoozes'] ?? []).toEqual([]);
    await page.reload();
    await expectChecked(page, 'aat');
    await longNotice(page);
    await openOverlay(page);
    await expect(overlay(page).locator('[data-rule-id="aat.duration-limit"]')).toBeVisible();
    // the page cannot open the panel for the user either
    await overlay(page).locator('.ca-close').click();
    await page.evaluate(() => document.querySelector('compagnon-amelipro')!.shadowRoot!.querySelector<HTMLButtonElement>('.ca-pill')!.click());
    await page.waitForTimeout(300);
    await expect(overlay(page).locator('.ca-panel')).toHaveCount(0);
  });

  test('the "newer content script started" event sent by the page leaves the checks running', async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto('https://espacepro.ameli.fr/aat/');
    await expectChecked(page, 'aat');
    // something to say first, so that the overlay is in the page when the event comes
    await longNotice(page);
    await expect(overlay(page).locator('.ca-pill-alert')).toBeVisible();
    await page.evaluate((id) => {
      const name = `${id}:amelipro:wxt:content-script-started`;
      for (const detail of [{ contentScriptName: 'amelipro' }, { contentScriptName: 'amelipro', messageId: 'forged' }]) {
        document.dispatchEvent(new CustomEvent(name, { detail }));
        window.dispatchEvent(new CustomEvent(name, { detail }));
        window.postMessage({ type: name, ...detail }, '*');
      }
    }, extensionId);
    await page.waitForTimeout(500);
    // the overlay is still there, with its finding
    await expect(overlay(page)).toHaveCount(1);
    await openOverlay(page);
    const finding = overlay(page).locator('[data-rule-id="aat.duration-limit"]');
    await expect(finding).toBeVisible();
    // a later change of the form is still checked: back within one month, the finding goes
    await page.locator('#date_fin_arret').fill('01/12/2026');
    await expect(finding).toHaveCount(0);
    // and so is an in-page navigation's page
    await page.evaluate(() => history.pushState({}, '', '/aat/?etape=2'));
    await longNotice(page);
    await expect(overlay(page).locator('.ca-pill-alert, .ca-panel').first()).toBeVisible();
    await openOverlay(page);
    await expect(finding).toBeVisible();
  });

  test('a patient label planted on an indicator tile and a payment row is stored nowhere: IndexedDB, storage.session and local, export', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    // a side panel open, so that the payments are read (they are read only for it)
    await openExtensionPage('sidepanel.html');
    const page = await context.newPage();
    await page.goto('https://convention2.ameli.fr/ma-convention/');
    await expectChecked(page, 'convention-medecin');
    await page.evaluate(() => {
      const label = 'Jean DUPONT né le 12/05/1985';
      // a tile whose bar is labelled with the patient, a tile whose heading is, and a lone bar at the page's top level
      const tiles = document.createElement('div');
      tiles.innerHTML =
        `<div><p>${label}</p><div role="progressbar" aria-label="Progression : ${label}" aria-valuenow="40"></div><p>40 %</p><p>Au 27/11/2026</p></div>` +
        `<section><h3>${label}</h3><div><div role="progressbar" aria-valuenow="50"></div></div><p>50 %</p></section>`;
      document.querySelector('main')?.append(tiles) ?? document.body.append(tiles);
      const lone = document.createElement('div');
      lone.setAttribute('role', 'progressbar');
      lone.setAttribute('aria-valuenow', '30');
      document.body.prepend(lone);
      const heading = document.createElement('h1');
      heading.textContent = label;
      document.body.prepend(heading);
      // and a payment row labelled with a bare name (payments go to the side panel with the tab state)
      const row = document.createElement('tr');
      row.innerHTML = '<td>Jean DUPONT</td><td>01/10/2026</td><td>25,00 €</td>';
      const payments = Array.from(document.querySelectorAll('table')).find((t) => /Montant/.test(t.textContent ?? ''));
      if (!payments) throw new Error('no payments table on the test page');
      payments.querySelector('tbody')?.prepend(row);
      // every DOM change re-reads the tiles: a few more
      for (let i = 0; i < 5; i++) setTimeout(() => document.body.append(document.createElement('span')), 100 * i);
    });
    await expect.poll(async () => (await readStore(serviceWorker, 'snapshots')).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    await page.waitForTimeout(1500);
    // the label's words, its year and its date as written; not '12-05' alone, which is also a stored date on 5 December
    const leaked = /dupont|jean|1985|12\/05/i;
    const db = await dumpIndexedDb(serviceWorker);
    expect(JSON.stringify(db)).not.toMatch(leaked);
    const ids = (await readStore(serviceWorker, 'snapshots')).map((s: { indicatorId: string }) => s.indicatorId);
    expect(ids.filter((id: string) => id.startsWith('autre.'))).toEqual([]);
    const stores = await serviceWorker.evaluate(async () => {
      const c = (globalThis as any).chrome;
      return JSON.stringify([await c.storage.session.get(null), await c.storage.local.get(null)]);
    });
    expect(stores).not.toMatch(leaked);
    // the planted payment row was read (its amount is in the tab state), its label was not kept
    expect(stores).toMatch(/"amount":25[,}]/);
    const options = await openExtensionPage('options.html');
    const exported = await options.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'storage', op: 'data.export', payload: {} }));
    expect(exported).toMatchObject({ ok: true });
    expect(JSON.stringify(exported)).not.toMatch(leaked);
  });

  test('the options page lists the snoozed reminders and lifts them', async ({ context, openExtensionPage }) => {
    const page = await context.newPage();
    await page.goto(LOGIN);
    await expectChecked(page, 'login');
    await openOverlay(page);
    const finding = overlay(page).locator(`[data-rule-id="${REMINDER}"]`);
    await expect(finding).toBeVisible();
    // the user's own choice, from the keyboard (trusted): "7 jours"
    await finding.locator('select').focus();
    await page.keyboard.press('7');
    await expect(finding).toHaveCount(0);

    const options = await openExtensionPage('options.html');
    const section = options.locator('section[data-section="snoozes"]');
    await expect(section.getByRole('heading', { name: 'Rappels mis en sourdine' })).toBeVisible();
    const item = section.locator(`li[data-rule-id="${REMINDER}"]`);
    await expect(item).toContainText('jusqu’au');
    await item.getByRole('button', { name: /^Réafficher/ }).click();
    await expect(section.getByTestId('snoozes-none')).toBeVisible();

    await page.reload();
    await expectChecked(page, 'login');
    await openOverlay(page);
    await expect(overlay(page).locator(`[data-rule-id="${REMINDER}"]`)).toBeVisible();
  });
});
