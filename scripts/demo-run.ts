import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { launchWithExtension, ROOT } from '../tests/e2e/harness';
import { summarize, type VitaleStatus } from '../lib/vitale/status';
import { vitaleStatusSchema } from '../lib/vitale/status-schema';

interface PortalPage {
  id: string;
  pageType: string;
  url: string;
  title: string;
}

/** What a practitioner might type on some pages, so the demo shows the checks at work (fictitious data). */
const SCENARIOS: Record<string, { say: string; act: (page: Page) => Promise<void> }> = {
  aat: {
    say: 'arrêt initial du 02/11/2026 au 15/12/2026',
    act: async (page) => {
      await page.locator('#date_debut_arret').fill('02/11/2026');
      await page.locator('#date_fin_arret').fill('15/12/2026');
    },
  },
  prescription: {
    say: 'ligne « Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j »',
    act: async (page) => {
      await page.locator('#prescription-ligne-2').fill('Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j');
    },
  },
  reclaps: {
    say: 'une photo .heic jointe',
    act: async (page) => {
      await page.locator('input[type="file"]').setInputFiles([{ name: 'photo.heic', mimeType: 'image/heic', buffer: Buffer.alloc(90_000) }]);
    },
  },
};

const pages = JSON.parse(readFileSync(join(ROOT, 'tests/portal/pages.json'), 'utf8')) as PortalPage[];
const interactive = !!process.env.DISPLAY && !process.env.CI && !process.argv.includes('--headless');
const outDir = join(ROOT, 'demo-output');
mkdirSync(outDir, { recursive: true });

const launched = await launchWithExtension({ headless: !interactive });
const { context } = launched;
let problems = 0;
/** The state the content script of the tab at `url` last sent to the background (what its toolbar window shows). */
interface SentState {
  page?: string;
  findings?: { ruleId: string; echoes?: string }[];
  cannotCheck?: { featureId: string; reason: { fr: string } }[];
}
const tabState = (url: string) =>
  launched.serviceWorker.evaluate(async (url): Promise<SentState | null> => {
    type Chrome = {
      tabs: { query: (q: object) => Promise<{ id?: number; url?: string }[]> };
      storage: { session: { get: (k: string) => Promise<Record<string, SentState | undefined>> } };
    };
    const chromeApi = (globalThis as unknown as { chrome: Chrome }).chrome;
    const id = (await chromeApi.tabs.query({})).find((t) => t.url === url)?.id;
    if (id === undefined) return null;
    const key = `tab:${id}`;
    return (await chromeApi.storage.session.get(key))[key] ?? null;
  }, url);
/** Pages kept open after their visit: the popup and the side panel are shown speaking of them. */
const SURFACES_FOR = new Set(['aat', 'convention-medecin']);
const kept = new Map<string, Page>();
console.log(`\nCompagnon amelipro — démo sur ${pages.length} pages de test\n`);
for (const p of pages) {
  const page = await context.newPage();
  await page.goto(p.url);
  const host = page.locator('compagnon-amelipro');
  // checked once the content script has sent its first state (within 10 s)
  for (let waited = 0; waited < 10_000 && !(await tabState(page.url()))?.page; waited += 100) await page.waitForTimeout(100);
  await page.waitForTimeout(2500); // let the portal's app render and the features settle ("absent" extension: 2 s)
  const scenario = SCENARIOS[p.id];
  if (scenario) {
    await scenario.act(page);
    await page.waitForTimeout(800);
  }
  // Show what the extension has to say: open its panel when the corner button counts something.
  const pill = page.locator('compagnon-amelipro .ca-pill:has(.ca-count)');
  if (await pill.count()) await pill.click();
  await page.waitForTimeout(200);
  // What the extension made of the page, as the toolbar button's window shows it: the state its content script sent
  // (on a page with nothing to say, or only what the portal already shows, nothing of the extension is in the page).
  const state = await tabState(page.url());
  const detected = state?.page ?? '(non vérifiée)';
  const inPage = (await host.count()) > 0;
  const findings = (state?.findings ?? []).map((f) => f.ruleId);
  const cannot = (state?.cannotCheck ?? []).map((c) => `${c.featureId}: ${c.reason.fr}`);
  const ok = detected === p.pageType;
  if (!ok) problems++;
  console.log(`${ok ? '✓' : '✗'} ${p.id.padEnd(24)} page détectée : ${detected}${ok ? '' : ` (attendu ${p.pageType})`}`);
  console.log(`    ${p.title}${scenario ? ` — saisie de démonstration : ${scenario.say}` : ''}`);
  const where = findings.length && !inPage ? " (dans la fenêtre de l'extension : rien dans la page, qui l'affiche déjà)" : '';
  console.log(`    remarques${where} : ${findings.length ? findings.join(', ') : 'aucune'}`);
  for (const c of cannot) console.log(`    impossible de vérifier : ${c}`);
  if (p.id === 'home') {
    // What the content script knows of the carte Vitale setup on this machine (asked as the popup does).
    const raw = await launched.serviceWorker.evaluate(async (url) => {
      const chromeApi = (globalThis as any).chrome;
      const [tab] = (await chromeApi.tabs.query({})).filter((t: any) => t.url === url);
      await new Promise((r) => setTimeout(r, 2500)); // "absent" is decided 2 s after load
      return tab ? chromeApi.tabs.sendMessage(tab.id, { type: 'vitale-status' }) : null;
    }, page.url());
    const parsed = vitaleStatusSchema.safeParse(raw);
    console.log(`    carte Vitale : ${parsed.success ? summarize(parsed.data as VitaleStatus) : 'état non lu'}`);
  }
  await page.screenshot({ path: join(outDir, `${p.id}.png`) });
  if (SURFACES_FOR.has(p.id)) kept.set(p.id, page);
  else if (!interactive) await page.close();
}

// The extension's own surfaces, each as the user sees it: the popup and the side panel speak of a tab (the
// sick-leave form with its finding, Ma Convention with its indicators), the options and the welcome page.
const tabIdOf = (url: string) =>
  launched.serviceWorker.evaluate(async (url) => {
    const chromeApi = (globalThis as { chrome: { tabs: { query: (q: object) => Promise<{ id?: number; url?: string }[]> } } }).chrome;
    return (await chromeApi.tabs.query({})).find((t) => t.url === url)?.id ?? null;
  }, url);
for (const [file, path, tabOf, size] of [
  ['surface-popup', 'popup.html', 'aat', { width: 400, height: 600 }],
  ['surface-side-panel', 'sidepanel.html', 'convention-medecin', { width: 420, height: 900 }],
  ['surface-options', 'options.html', null, { width: 1000, height: 900 }],
  ['surface-welcome', 'welcome.html', null, { width: 1000, height: 900 }],
] as const) {
  const tabPage = tabOf ? kept.get(tabOf) : undefined;
  const tabId = tabPage ? await tabIdOf(tabPage.url()) : null;
  const surface = await context.newPage();
  await surface.setViewportSize(size);
  await surface.goto(`chrome-extension://${launched.extensionId}/${path}${tabId !== null ? `?tabId=${tabId}` : ''}`);
  await surface.waitForTimeout(1000);
  await surface.screenshot({ path: join(outDir, `${file}.png`), fullPage: true });
  console.log(`✓ ${file.padEnd(24)} capture ${file}.png${tabOf ? ` (onglet ${tabOf})` : ''}`);
  if (!interactive) await surface.close();
}
if (launched.blocked.length) console.log(`\nRequêtes bloquées (ne quittent pas la machine) : ${launched.blocked.length}`);
console.log(`\nCaptures d'écran : ${outDir}`);
if (interactive) {
  console.log('Le navigateur reste ouvert : fermez-le pour terminer.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
} else {
  await launched.close();
}
process.exit(problems ? 1 : 0);
