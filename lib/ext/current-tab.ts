/**
 * The tab the popup or side panel speaks about: the active tab of the current window, or `?tabId=N`
 * (used when the page is opened in a tab of its own, e.g. by the end-to-end tests).
 */
import { browser } from 'wxt/browser';
import { isAmeliproUrl } from '../hosts';
import type { TabState } from '../messages';

export interface CurrentTab {
  tabId: number | null;
  onAmelipro: boolean;
  state: TabState | null;
}

export async function getCurrentTab(search: string = location.search): Promise<CurrentTab> {
  const forced = new URLSearchParams(search).get('tabId');
  let tabId: number | null = forced !== null && /^\d+$/.test(forced) ? Number(forced) : null;
  let url: string | undefined;
  try {
    if (tabId === null) {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      tabId = tab?.id ?? null;
      url = tab?.url;
    } else {
      url = (await browser.tabs.get(tabId)).url;
    }
  } catch {
    // no tab information: treated as "not on amelipro"
  }
  let state: TabState | null = null;
  if (tabId !== null) {
    try {
      state = ((await browser.runtime.sendMessage({ type: 'get-tab-state', tabId })) as TabState | null) ?? null;
    } catch {
      state = null;
    }
  }
  return { tabId, onAmelipro: (url !== undefined && isAmeliproUrl(url)) || state !== null, state };
}

/** Opens the side panel (Chrome) or the sidebar (Firefox). Must run inside a user gesture. */
export async function openSidePanel(tabId: number | null): Promise<boolean> {
  const g = globalThis as {
    chrome?: { sidePanel?: { open: (o: { tabId?: number; windowId?: number }) => Promise<void> } };
    browser?: { sidebarAction?: { open: () => Promise<void> } };
  };
  try {
    if (g.chrome?.sidePanel && tabId !== null) {
      await g.chrome.sidePanel.open({ tabId });
      return true;
    }
    if (g.browser?.sidebarAction) {
      await g.browser.sidebarAction.open();
      return true;
    }
  } catch {
    return false;
  }
  return false;
}
