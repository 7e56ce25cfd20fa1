/** The cross-browser journey's driver for Chromium: Playwright over the harness of the other end-to-end specs. */
import type { Page } from '@playwright/test';
import { readStore } from '../db';
import type { Launched } from '../harness';
import type { Driver, Tab, UploadFile } from './journey';

/** Playwright's CSS engine enters open shadow roots by itself. */
const css = (selector: string) => selector.replaceAll(' >>> ', ' ');

function tab(page: Page): Tab {
  const first = (selector: string) => page.locator(css(selector)).first();
  return {
    attr: async (selector, name) => ((await page.locator(css(selector)).count()) ? first(selector).getAttribute(name) : null),
    text: async (selector) => ((await page.locator(css(selector)).count()) ? ((await first(selector).textContent()) ?? '') : ''),
    count: (selector) => page.locator(css(selector)).count(),
    fill: (selector, value) => first(selector).fill(value),
    click: (selector, timeout) => first(selector).click({ timeout }),
    clickButton: (name) => page.getByRole('button', { name, exact: true }).click(),
    select: async (selector, value) => void (await first(selector).selectOption(value)),
    upload: (selector, files) =>
      first(selector).setInputFiles(
        typeof files === 'string' ? files : files.map((f: UploadFile) => ({ name: f.name, mimeType: f.mimeType, buffer: Buffer.alloc(f.size) })),
      ),
    close: () => page.close(),
  };
}

export function chromiumDriver(launched: Launched, outputPath: (name: string) => string): Driver {
  const { context, extensionId, serviceWorker } = launched;
  const pages = new Map<Tab, Page>();
  const open = async (url: string) => {
    const page = await context.newPage();
    await page.goto(url);
    const t = tab(page);
    pages.set(t, page);
    return t;
  };
  return {
    open,
    openExtensionPage: (file) => open(`chrome-extension://${extensionId}/${file}`),
    async tabId(urlPart) {
      const tabs = (await serviceWorker.evaluate(() => (globalThis as any).chrome.tabs.query({}))) as { id?: number; url?: string }[];
      const id = tabs.filter((t) => t.url?.includes(urlPart)).at(-1)?.id;
      if (id === undefined) throw new Error(`no tab for ${urlPart}`);
      return id;
    },
    tabStakes: (tabId) =>
      serviceWorker.evaluate(async (id) => (await (globalThis as any).chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]?.stakes ?? null, tabId),
    tabPage: (tabId) =>
      serviceWorker.evaluate(async (id) => (await (globalThis as any).chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]?.page ?? null, tabId),
    readStore: (store) => readStore(serviceWorker, store),
    async exportData(options) {
      const page = pages.get(options)!;
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter mes données', exact: true }).click()]);
      const file = outputPath(download.suggestedFilename());
      await download.saveAs(file);
      return file;
    },
    leftTheMachine: () => [...launched.blocked],
  };
}
