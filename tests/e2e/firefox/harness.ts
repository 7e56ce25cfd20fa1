/**
 * Launches Debian's Firefox ESR with the built Firefox extension (.output/firefox-mv3, installed as a temporary
 * add-on) over WebDriver BiDi (puppeteer-core), and serves the amelipro test pages at their real https URLs by
 * request interception, as tests/e2e/harness.ts does for Chromium. Recipe and pitfalls: the toolchain notes,
 * "Firefox with the built extension".
 *
 * Nothing leaves the machine: Firefox's own background traffic is shut off (env, prefs) and every protocol goes
 * through a local proxy that answers nothing and records what reaches it (`proxied`): a request the pages' handlers
 * did not serve, or one made by the extension's background page (which no page handler sees), would land there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { OUTSIDE_PAGES, ROOT } from '../harness';
// @ts-expect-error plain ESM helper of the test-page package, no types
import { resolvePortalRequest } from '../../portal/router.mjs';

export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv3');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'compagnon-amelipro@compagnon-amelipro.org';
/** The extension's address in these tests (pref extensions.webextensions.uuids); random per installation otherwise. */
export const EXTENSION_UUID = '6d1f0c8e-7a31-4c52-9b1e-0c0a5e1f2a20';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxLaunched {
  browser: Browser;
  /** Requests the page handlers refused (not a test page: they would have left the machine). */
  blocked: string[];
  /** What reached the local proxy: `CONNECT host:port` or `GET http://…` lines. */
  proxied: string[];
  /** Where Firefox saves downloads (the export), without asking. */
  downloads: string;
  /** A new tab with the test pages served; `url` is loaded when given. */
  newPage(url?: string): Promise<Page>;
  /** Opens an extension page (popup.html, sidepanel.html, options.html) in a tab and waits until it is loaded. */
  openExtensionPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /** Firefox's "grant MV3 host permissions at install" (true by default here, as a user who accepts them). */
  grantHosts?: boolean;
  /** Accept the extension's permission requests without the prompt (Firefox's testing pref), as a user who agrees. */
  acceptPermissionRequests?: boolean;
}

/** A local proxy that records the first line of each connection and closes it without answering. */
async function recordingProxy(seen: string[]): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    socket.once('data', (chunk) => {
      seen.push(chunk.toString('latin1').split('\r\n')[0] ?? '');
      socket.destroy();
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

async function servePortal(page: Page, blocked: string[]): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (req: HTTPRequest) => {
    const url = req.url();
    if (!/^(https?|wss?):\/\//.test(url)) return void req.continue().catch(() => {});
    const outside = OUTSIDE_PAGES[url];
    if (outside) return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: outside }).catch(() => {});
    const res = resolvePortalRequest(url, req.method()) as { status: number; contentType: string; body: Buffer } | null;
    if (res) return void req.respond({ status: res.status, contentType: res.contentType, body: res.body }).catch(() => {});
    blocked.push(url);
    void req.abort('blockedbyclient').catch(() => {});
  });
}

/** Waits for a condition evaluated in the page; `what` names it in the timeout message. */
export async function pollPage<T>(page: Page, fn: () => T, what: string, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const v = await page.evaluate(fn);
      if (v) return v as T;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? ` (${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function launchFirefox(opts: FirefoxOptions = {}): Promise<FirefoxLaunched> {
  const profile = mkdtempSync(join(tmpdir(), 'compagnon-ff-'));
  const proxied: string[] = [];
  const blocked: string[] = [];
  const proxy = await recordingProxy(proxied);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1', TZ: 'Europe/Paris' },
    extraPrefsFirefox: {
      'extensions.originControls.grantByDefault': opts.grantHosts ?? true,
      'extensions.webextOptionalPermissionPrompts': !opts.acceptPermissionRequests,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'intl.locale.requested': 'fr-FR',
      'intl.accept_languages': 'fr-FR, fr',
      'services.settings.server': 'data:,#x',
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.dns.disablePrefetch': true,
      'network.dns.disablePrefetchFromHTTPS': true,
      'network.predictor.enabled': false,
      // the export is saved without a dialog
      'browser.download.folderList': 2,
      'browser.download.dir': join(profile, 'downloads'),
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);

  const newPage = async (url?: string): Promise<Page> => {
    const page = await browser.newPage();
    await servePortal(page, blocked);
    if (url) await page.goto(url, { waitUntil: 'load' });
    return page;
  };

  return {
    browser,
    blocked,
    proxied,
    downloads: join(profile, 'downloads'),
    newPage,
    async openExtensionPage(file) {
      const page = await browser.newPage();
      // an extension page's navigation never resolves over BiDi: started, not awaited, then polled
      void page.goto(`${EXTENSION_ORIGIN}/${file}`).catch(() => {});
      const url = `${EXTENSION_ORIGIN}/${file}`;
      const end = Date.now() + 15_000;
      for (;;) {
        const at = await page.evaluate(() => document.readyState === 'complete' && location.href).catch(() => false);
        if (at === url) break;
        if (Date.now() > end) throw new Error(`${file} did not open (at ${String(at)})`);
        await new Promise((r) => setTimeout(r, 150));
      }
      return page;
    },
    async close() {
      await browser.close().catch(() => {});
      proxy.server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
