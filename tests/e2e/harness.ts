/**
 * Launches Debian's Chromium with the built extension and serves the amelipro test pages at their real URLs.
 * Shared by the Playwright fixtures and the demo. Nothing leaves the machine: every request that is not an
 * extension resource or a test page is aborted and recorded in `blocked`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
// @ts-expect-error plain ESM helper of the test-page package, no types
import { resolvePortalRequest } from '../portal/router.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Public pages outside the AmeliPRO perimeter, served to prove the content script stays away from them. */
export const OUTSIDE_PAGES: Record<string, string> = {
  'https://www.ameli.fr/':
    '<!doctype html><html lang="fr"><head><title>ameli, le site de l\'Assurance Maladie</title></head><body><h1>ameli.fr</h1><p>Site public, hors amelipro.</p></body></html>',
  'https://example.org/aat/': '<!doctype html><html><head><title>Autre site</title></head><body><h1>Arrêt de travail</h1></body></html>',
};

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** URLs the harness refused to serve (would have left the machine). */
  blocked: string[];
  /** Every request seen, with the page or worker that made it. */
  requests: { url: string; resourceType: string; fromExtension: boolean }[];
  close: () => Promise<void>;
}

export interface LaunchOptions {
  /** Our extension from another directory (a damaged copy of the build, say) instead of .output/chrome-mv3. */
  extensionDir?: string;
  /** Extra unpacked extensions to load beside ours (e.g. the carte Vitale stand-in). */
  extraExtensions?: string[];
  viewport?: { width: number; height: number };
  headless?: boolean;
}

export async function launchWithExtension(opts: LaunchOptions = {}): Promise<Launched> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'compagnon-e2e-'));
  const extensions = [opts.extensionDir ?? CHROME_BUILD, ...(opts.extraExtensions ?? [])].join(',');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    args: [
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=fr-FR',
    ],
  });
  const blocked: string[] = [];
  const requests: Launched['requests'] = [];
  context.on('request', (req) => {
    const url = req.url();
    requests.push({ url, resourceType: req.resourceType(), fromExtension: url.startsWith('chrome-extension://') });
  });
  await context.route(/^(https?|wss?):\/\//, async (route) => {
    const url = route.request().url();
    const outside = OUTSIDE_PAGES[url];
    if (outside) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: outside });
      return;
    }
    const res = resolvePortalRequest(url, route.request().method()) as { status: number; contentType: string; body: Buffer } | null;
    if (res) {
      await route.fulfill({ status: res.status, contentType: res.contentType, body: res.body });
      return;
    }
    blocked.push(url);
    await route.abort('blockedbyclient');
  });
  const serviceWorker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://') && w.url().endsWith('/background.js')) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/background.js') }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    blocked,
    requests,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
