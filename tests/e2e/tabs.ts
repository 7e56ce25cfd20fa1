import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect } from './fixtures';
import { overlay } from './overlay';

/** The id of the first tab whose address contains `urlPart` (for popup.html?tabId=…). */
export async function tabIdOf(sw: Worker, urlPart: string): Promise<number> {
  const tabs = (await sw.evaluate(() => (globalThis as unknown as { chrome: { tabs: { query: (q: object) => Promise<unknown> } } }).chrome.tabs.query({}))) as {
    id?: number;
    url?: string;
  }[];
  const tab = tabs.find((t) => t.url?.includes(urlPart));
  if (tab?.id === undefined) throw new Error(`no tab for ${urlPart}`);
  return tab.id;
}

/** Opens a test page of the portal in a new tab, waits until the extension recognised it, and gives its tab id. */
export async function openPortalTab(context: BrowserContext, sw: Worker, url: string, pageType: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(url);
  await expect(overlay(page)).toHaveAttribute('data-compagnon-page', pageType);
  return { page, tabId: await tabIdOf(sw, new URL(url).pathname) };
}
