import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect } from './fixtures';

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

/**
 * The page type this tab's page was checked as, from the state its content script sent to the background (what the
 * toolbar button's window shows); null before the first state. The overlay is no sign of it: on a page with nothing
 * to say, the extension puts nothing in the page.
 */
export async function checkedPageType(page: Page): Promise<string | null> {
  const sw = page
    .context()
    .serviceWorkers()
    .find((w) => w.url().startsWith('chrome-extension://'));
  if (!sw) return null;
  return sw.evaluate(async (url) => {
    type Tab = { id?: number; url?: string };
    const chrome = (
      globalThis as unknown as {
        chrome: {
          tabs: { query: (q: object) => Promise<Tab[]> };
          storage: { session: { get: (k: string) => Promise<Record<string, { page?: string } | undefined>> } };
        };
      }
    ).chrome;
    const tab = (await chrome.tabs.query({})).filter((t) => t.url === url).pop();
    if (tab?.id === undefined) return null;
    const key = `tab:${tab.id}`;
    return (await chrome.storage.session.get(key))[key]?.page ?? null;
  }, page.url());
}

/** Waits until the extension has checked this tab's page as `pageType`. */
export async function expectChecked(page: Page, pageType: string, { timeout = 10_000 }: { timeout?: number } = {}): Promise<void> {
  await expect.poll(() => checkedPageType(page), { message: `the page is checked as ${pageType}`, timeout }).toBe(pageType);
}

/** Opens a test page of the portal in a new tab, waits until the extension checked it, and gives its tab id. */
export async function openPortalTab(context: BrowserContext, sw: Worker, url: string, pageType: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(url);
  await expectChecked(page, pageType);
  return { page, tabId: await tabIdOf(sw, new URL(url).pathname) };
}

/**
 * The toolbar button's window for the tab whose address contains `urlPart`, its findings unfolded as the user does
 * ("Voir les remarques"): where a finding that the extension does not put in the page is read.
 */
export async function popupFindings(openExtensionPage: (file: string) => Promise<Page>, sw: Worker, urlPart: string): Promise<Page> {
  const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(sw, urlPart)}`);
  await popup.locator('[data-section="current-tab"] summary').click();
  return popup;
}
