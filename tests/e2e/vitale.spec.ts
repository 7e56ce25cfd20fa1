/**
 * Carte Vitale reading setup, in Chromium with the built extension and (except "not installed") the test-only
 * stand-in of the « Lecture Carte Vitale » web extension (tests/vitale-standin), configured per test.
 * What is asserted is what the user sees: the status block of the popup and the note under the carte Vitale button.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { launchWithExtension, ROOT, type Launched } from './harness';
import { openOverlay, overlay } from './overlay';
import { expectChecked } from './tabs';

const HOME = 'https://espacepro.ameli.fr/page-accueil-ihm/';
const RULE = 'vitale.atsam-and-extension';

interface StandinConfig {
  version?: string;
  announceDiv?: boolean;
  announceEvent?: boolean;
  announceDelayMs?: number;
  detailMode?: 'object' | 'json' | 'uncloneable';
  reply?: 'ok' | 'never' | 'malformed';
  replyDelayMs?: number;
  components?: { atsam?: string; srvsvcnam?: string; cryptolib?: string };
}

const CURRENT = { atsam: '4.67.03', srvsvcnam: '5.10.04', cryptolib: '5.2.6' };

/** A copy of the stand-in with its own config.js. */
function standin(config: StandinConfig): string {
  const dir = mkdtempSync(join(tmpdir(), 'vitale-standin-'));
  cpSync(join(ROOT, 'tests/vitale-standin'), dir, { recursive: true });
  const full = {
    version: '2.1.0',
    announceDiv: true,
    announceEvent: true,
    announceDelayMs: 0,
    detailMode: 'object',
    reply: 'ok',
    replyDelayMs: 150,
    components: CURRENT,
    ...config,
  };
  writeFileSync(join(dir, 'config.js'), `globalThis.__vitaleStandin = ${JSON.stringify(full)};\n`);
  return dir;
}

type Fixtures = { standinConfig: StandinConfig | null; launched: Launched };

const test = base.extend<Fixtures>({
  standinConfig: [null, { option: true }],
  launched: async ({ standinConfig }, use) => {
    const dir = standinConfig ? standin(standinConfig) : null;
    const launched = await launchWithExtension({ extraExtensions: dir ? [dir] : [] });
    await use(launched);
    await launched.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  },
});

async function openHome(launched: Launched): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(HOME);
  await expect(page.locator('#patientLogin-form-vital-card-btn')).toBeVisible();
  await expectChecked(page, 'home');
  return page;
}

async function openPopup(launched: Launched, url = HOME): Promise<Page> {
  const tabs = (await launched.serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { tabs: { query: (q: object) => Promise<unknown> } } }).chrome.tabs.query({}),
  )) as { id?: number; url?: string }[];
  const tab = tabs.find((t) => t.url?.startsWith(url));
  expect(tab?.id, 'amelipro tab').toBeDefined();
  const popup = await launched.context.newPage();
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html?tabId=${tab!.id}`);
  return popup;
}

const section = (popup: Page) => popup.locator('section[data-section="vitale"]');
const note = (page: Page) => page.locator('compagnon-vitale-note');

test.describe('carte Vitale setup', () => {
  test.describe('web extension not installed', () => {
    test('home note, overlay finding, popup status, test times out, card error explained', async ({ launched }) => {
      const page = await openHome(launched);
      // Absent only after the wait (2 s after load) with neither signal.
      await expect(note(page)).toContainText('Extension « Lecture Carte Vitale » non détectée');
      await expect(note(page)).toHaveAttribute('data-vitale-note', 'extension-absent');
      await openOverlay(page);
      await expect(overlay(page).locator(`[data-rule-id="${RULE}"]`)).toContainText('extension « Lecture Carte Vitale » absente');

      const popup = await openPopup(launched);
      await expect(section(popup).getByTestId('vitale-extension')).toContainText('non détectée');
      await expect(section(popup).getByTestId('vitale-checked')).toContainText('Signalé par la page amelipro le');
      await expect(section(popup).getByTestId('vitale-confirm')).toContainText('DiagAM');
      await expect(section(popup).getByRole('link', { name: 'Chrome / Edge' })).toHaveAttribute(
        'href',
        /chromewebstore\.google\.com\/detail\/kpjpglcbcgnblkigbedgaoegjbifejka/,
      );
      await expect(section(popup).getByRole('link', { name: 'Firefox' })).toHaveAttribute(
        'href',
        /addons\.mozilla\.org\/fr\/firefox\/addon\/lecture-carte-vitale/,
      );
      // no département in the options: ameli.fr's CPAM contacts, not one CPAM's address for everyone
      await expect(section(popup).getByTestId('cpam-finder')).toHaveAttribute('href', 'https://www.ameli.fr/');
      await expect(section(popup).getByText('eservices.cpam-dijon@assurance-maladie.fr')).toHaveCount(0);
      await section(popup).getByRole('button', { name: 'Tester la lecture' }).click();
      await expect(section(popup).getByTestId('vitale-test-message')).toContainText(
        "Aucune réponse en 5 secondes : l'extension « Lecture Carte Vitale » n'est pas détectée",
        { timeout: 9000 },
      );

      // The portal's card-read error after a click on the carte Vitale button.
      await page.bringToFront();
      await page.locator('#patientLogin-form-vital-card-btn').click();
      await expect(page.getByText('Lecture de la carte Vitale impossible')).toBeVisible();
      await expect(note(page)).toHaveAttribute('data-vitale-note', 'card-error');
      await expect(note(page)).toContainText("l'extension « Lecture Carte Vitale » n'est pas détectée : installez-la");
    });
  });

  test.describe('installed and current', () => {
    test.use({ standinConfig: { version: '2.1.0', components: CURRENT } });
    test('no note; the test shows the components up to date, asked only on click', async ({ launched }) => {
      const page = await openHome(launched);
      const popup = await openPopup(launched);
      await expect(section(popup).getByTestId('vitale-extension')).toContainText('installée (version 2.1.0)');
      await expect(section(popup).getByTestId('vitale-atsam')).toContainText('inconnu');
      // Nothing was sent to the web extension before the user asked.
      await expect(page.locator('html')).toHaveAttribute('data-standin-requests', '0');
      await section(popup).getByRole('button', { name: 'Tester la lecture' }).click();
      await expect(section(popup).getByTestId('vitale-atsam')).toContainText('à jour');
      await expect(section(popup).getByTestId('vitale-test-message')).toContainText("Réponse reçue de l'extension");
      const components = section(popup).getByTestId('vitale-components');
      await expect(components.locator('[data-component="atsam"]')).toContainText('ATSAM 4.67.03 — à jour');
      await expect(components.locator('[data-component="srvsvcnam"]')).toContainText('SrvSvCnam 5.10.04 — à jour');
      await expect(components.locator('[data-component="cryptolib"]')).toContainText('Cryptolib CPS 5.2.6 — à jour');
      await expect(page.locator('html')).toHaveAttribute('data-standin-requests', '1');
      await page.waitForTimeout(300);
      await expect(note(page)).toHaveCount(0);
      await expect(overlay(page).locator(`[data-rule-id="${RULE}"]`)).toHaveCount(0);
    });

    test.describe('announcement by event only, detail as a JSON string, after our script started', () => {
      test.use({ standinConfig: { version: '2.3.1', announceDiv: false, detailMode: 'json', announceDelayMs: 1200 } });
      test('version read from the event', async ({ launched }) => {
        await openHome(launched);
        const popup = await openPopup(launched);
        await expect(section(popup).getByTestId('vitale-extension')).toContainText('installée (version 2.3.1)');
      });
      test('on a page without the carte Vitale button, the event sent before the popup asks is kept', async ({ launched }) => {
        // the prescription page does not run the carte Vitale check: detection starts only when the popup asks
        const url = 'https://espacepro.ameli.fr/prescription/';
        const page = await launched.context.newPage();
        await page.goto(url);
        await expectChecked(page, 'prescription');
        await page.waitForTimeout(1500); // the announcement (1.2 s after load) is sent before anyone asks
        const popup = await openPopup(launched, url);
        await expect(section(popup).getByTestId('vitale-extension')).toContainText('installée (version 2.3.1)');
      });
    });
  });

  test.describe('event detail that cannot cross worlds', () => {
    // detail that cannot cross worlds (reads as null): presence and version come from the div.
    test.use({ standinConfig: { version: '2.0.4', detailMode: 'uncloneable' } });
    test('presence and version from the div; an unreadable reply is said as such', async ({ launched }) => {
      await openHome(launched);
      const popup = await openPopup(launched);
      await expect(section(popup).getByTestId('vitale-extension')).toContainText('installée (version 2.0.4)');
      await section(popup).getByRole('button', { name: 'Tester la lecture' }).click();
      // The stand-in's reply detail is uncloneable too: nothing readable.
      await expect(section(popup).getByTestId('vitale-test-message')).toContainText('format illisible');
      await popup.close();
    });
  });

  test.describe('installed but outdated (ATSAM components)', () => {
    test.use({ standinConfig: { version: '2.0.4', components: { atsam: '4.64.01', srvsvcnam: '5.08.02', cryptolib: '5.2.6' } } });
    test('the test reports ATSAM outdated; note under the button; card error points to ATSAM', async ({ launched }) => {
      const page = await openHome(launched);
      const popup = await openPopup(launched);
      await section(popup).getByRole('button', { name: 'Tester la lecture' }).click();
      await expect(section(popup).getByTestId('vitale-atsam')).toContainText('à mettre à jour');
      const components = section(popup).getByTestId('vitale-components');
      await expect(components.locator('[data-component="atsam"]')).toContainText('ATSAM 4.64.01 — à mettre à jour (dernière version connue : 4.67.02)');
      await expect(components.locator('[data-component="srvsvcnam"]')).toContainText('à mettre à jour (dernière version connue : 5.10.04)');
      await expect(components.locator('[data-component="cryptolib"]')).toContainText('à jour');

      await page.bringToFront();
      await expect(note(page)).toHaveAttribute('data-vitale-note', 'atsam-outdated');
      await expect(note(page)).toContainText('ATSAM à mettre à jour (ATSAM 4.64.01 < 4.67.02, SrvSvCnam 5.08.02 < 5.10.04)');
      await openOverlay(page);
      await expect(overlay(page).locator(`[data-rule-id="${RULE}"]`)).toContainText('ATSAM à mettre à jour');

      await page.locator('#patientLogin-form-vital-card-btn').click();
      await expect(note(page)).toHaveAttribute('data-vitale-note', 'card-error');
      await expect(note(page)).toContainText("alors que l'extension « Lecture Carte Vitale » est installée : ATSAM");
    });
  });

  test.describe('reply never comes', () => {
    test.use({ standinConfig: { reply: 'never' } });
    test('timeout message after 5 s', async ({ launched }) => {
      const page = await openHome(launched);
      const popup = await openPopup(launched);
      await expect(section(popup).getByTestId('vitale-extension')).toContainText('installée');
      await section(popup).getByRole('button', { name: 'Tester la lecture' }).click();
      await expect(section(popup).getByRole('button', { name: 'Test en cours…' })).toBeDisabled();
      await expect(section(popup).getByTestId('vitale-test-message')).toContainText("Aucune réponse de l'extension « Lecture Carte Vitale » en 5 secondes", {
        timeout: 9000,
      });
      await expect(section(popup).getByTestId('vitale-atsam')).toContainText('problème probable');
      await page.bringToFront();
      await expect(note(page)).toHaveAttribute('data-vitale-note', 'atsam-error');
    });
  });

  test.describe('malformed reply', () => {
    test.use({ standinConfig: { reply: 'malformed' } });
    test('unreadable reply said as such, ATSAM stays unknown', async ({ launched }) => {
      const page = await openHome(launched);
      const popup = await openPopup(launched);
      await section(popup).getByRole('button', { name: 'Tester la lecture' }).click();
      await expect(section(popup).getByTestId('vitale-test-message')).toContainText("L'extension a répondu, mais dans un format illisible");
      await expect(section(popup).getByTestId('vitale-atsam')).toContainText('inconnu');
      await expect(section(popup).getByTestId('vitale-extension')).toContainText('installée (version 2.1.0)');
      await expect(note(page)).toHaveCount(0);
    });
  });
});
