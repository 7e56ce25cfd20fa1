/** The cross-browser journey's driver for Firefox: puppeteer-core over WebDriver BiDi (tests/e2e/firefox/harness.ts). */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { readStoreInExtension } from '../db';
import type { FirefoxLaunched } from '../firefox/harness';
import type { Driver, Tab } from './journey';

function tab(page: Page, scratch: string): Tab {
  const first = async (selector: string) => page.$(selector);
  /** Input goes to the tab in front (a user's clicks and keys too). */
  const front = () => page.bringToFront();
  return {
    async attr(selector, name) {
      const el = await first(selector);
      return el ? el.evaluate((e, n) => e.getAttribute(n), name) : null;
    },
    async text(selector) {
      const el = await first(selector);
      return el ? ((await el.evaluate((e) => e.textContent)) ?? '') : '';
    },
    count: async (selector) => (await page.$$(selector)).length,
    // as a user does (puppeteer's fill appends to a field that has a value, in Firefox): select all, type over
    async fill(selector, value) {
      await front();
      const el = await page.waitForSelector(selector);
      await el!.focus();
      await page.keyboard.down('Control');
      await page.keyboard.press('a');
      await page.keyboard.up('Control');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(value);
    },
    click: async (selector, timeout) => {
      await front();
      await page
        .locator(selector)
        .setTimeout(timeout ?? 30_000)
        .click();
    },
    clickButton: async (name) => {
      await front();
      await page.locator(`::-p-aria([name=${JSON.stringify(name)}][role="button"])`).click();
    },
    select: async (selector, value) => void (await page.select(selector, value)),
    async upload(selector, files) {
      let paths: string[];
      if (typeof files === 'string') paths = [files];
      else {
        const dir = join(scratch, String(Date.now()));
        mkdirSync(dir, { recursive: true });
        paths = files.map((f) => {
          const path = join(dir, f.name);
          writeFileSync(path, Buffer.alloc(f.size));
          return path;
        });
      }
      const input = await page.waitForSelector(selector);
      await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(...paths);
    },
    close: () => page.close(),
  };
}

export function firefoxDriver(ff: FirefoxLaunched, scratch: string): Driver {
  let helper: Promise<Page> | null = null;
  /** An extension page to ask the extension APIs and IndexedDB from (Firefox's background page is not reachable). */
  const extensionContext = () => (helper ??= ff.openExtensionPage('options.html'));
  return {
    open: async (url) => tab(await ff.newPage(url), scratch),
    openExtensionPage: async (file) => tab(await ff.openExtensionPage(file), scratch),
    async tabId(urlPart) {
      const page = await extensionContext();
      const tabs = (await page.evaluate(() => (globalThis as any).browser.tabs.query({}))) as { id?: number; url?: string }[];
      const id = tabs.filter((t) => t.url?.includes(urlPart)).at(-1)?.id;
      if (id === undefined) throw new Error(`no tab for ${urlPart}`);
      return id;
    },
    tabStakes: async (tabId) =>
      (await extensionContext()).evaluate(
        async (id) => (await (globalThis as any).browser.storage.session.get(`tab:${id}`))[`tab:${id}`]?.stakes ?? null,
        tabId,
      ),
    tabPage: async (tabId) =>
      (await extensionContext()).evaluate(async (id) => (await (globalThis as any).browser.storage.session.get(`tab:${id}`))[`tab:${id}`]?.page ?? null, tabId),
    readStore: async (store) => (await extensionContext()).evaluate(readStoreInExtension, store),
    async exportData(options) {
      const before = new Set(existsSync(ff.downloads) ? readdirSync(ff.downloads) : []);
      await options.clickButton('Exporter mes données');
      const end = Date.now() + 15_000;
      for (;;) {
        const now = existsSync(ff.downloads) ? readdirSync(ff.downloads) : [];
        const saved = now.find((f) => !before.has(f) && f.endsWith('.json'));
        // Firefox creates the file first and writes it through a .part file
        if (saved && !now.some((f) => f.endsWith('.part')) && statSync(join(ff.downloads, saved)).size > 0) return join(ff.downloads, saved);
        if (Date.now() > end) throw new Error('the export was not saved');
        await new Promise((r) => setTimeout(r, 150));
      }
    },
    leftTheMachine: () => [...ff.blocked, ...ff.proxied],
  };
}
