import type { Worker } from '@playwright/test';

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
