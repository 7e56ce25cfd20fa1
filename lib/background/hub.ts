/**
 * The background service worker: keeps each tab's latest state (page type, findings) in memory and in
 * storage.session (survives the worker being stopped, never written to disk), shows the badge count,
 * and answers the popup and side panel. It makes no network request.
 */
import { browser } from 'wxt/browser';
import { messageSchema, type TabState } from '../messages';
import { startupFailedState, startupFailure } from '../startup-failure';
import { isExtensionPage, registerStorageOwner } from '../storage/owner';
import type { SnapshotInput } from '../storage/stores/snapshots';
import { onMessage } from '../ext/messaging';

const tabStates = new Map<number, TabState>();
const sessionKey = (tabId: number) => `tab:${tabId}`;

export function badgeFor(state: TabState): { text: string; color: string } {
  // not started: nothing was checked, which must not look like "nothing to say"
  if (startupFailure(state)) return { text: '!', color: '#b3261e' };
  const blocking = state.findings.filter((f) => f.severity === 'blocking').length;
  const warnings = state.findings.filter((f) => f.severity === 'warning').length;
  const n = blocking + warnings;
  return { text: n ? String(n) : '', color: blocking ? '#b3261e' : '#a15c00' };
}

async function setTabState(tabId: number, state: TabState): Promise<void> {
  tabStates.set(tabId, state);
  const badge = badgeFor(state);
  await Promise.allSettled([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    browser.storage.session?.set({ [sessionKey(tabId)]: state }),
  ]);
}

export async function getTabState(tabId: number): Promise<TabState | null> {
  const mem = tabStates.get(tabId);
  if (mem) return mem;
  try {
    const stored = await browser.storage.session?.get(sessionKey(tabId));
    return (stored?.[sessionKey(tabId)] as TabState | undefined) ?? null;
  } catch {
    return null;
  }
}

/**
 * Opens the pre-submission checklist for a tab, from a click in the page: the popup where the browser allows
 * it (chrome.action.openPopup), else the side panel. Says what it could do; never throws.
 */
export async function openChecklist(tabId: number | undefined): Promise<{ opened: 'popup' | 'sidepanel' | false }> {
  const chromeApi = (globalThis as {
    chrome?: {
      action?: { openPopup?: () => Promise<void> };
      sidePanel?: { open?: (o: { tabId: number }) => Promise<void> };
    };
  }).chrome;
  try {
    if (chromeApi?.action?.openPopup) {
      await chromeApi.action.openPopup();
      return { opened: 'popup' };
    }
  } catch {
    // not allowed here (no focused window, or an older browser): try the side panel
  }
  try {
    if (chromeApi?.sidePanel?.open && tabId !== undefined) {
      await chromeApi.sidePanel.open({ tabId });
      return { opened: 'sidepanel' };
    }
  } catch {
    // needs a user gesture the message did not carry
  }
  try {
    await (browser as { sidebarAction?: { open: () => Promise<void> } }).sidebarAction?.open();
    return { opened: 'sidepanel' };
  } catch {
    return { opened: false };
  }
}

export function startBackground(): void {
  // The single owner of IndexedDB: every context's storage calls arrive here as messages.
  const owner = registerStorageOwner();

  // At install (not at an update or a browser update): the welcome page, once.
  browser.runtime.onInstalled?.addListener((details: { reason: string }) => {
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => {});
  });

  onMessage((raw: unknown, sender: { id?: string; url?: string; tab?: { id?: number } }): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    switch (msg.type) {
      case 'tab-state': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return undefined;
        // The day's counts come with the state (one message from the page instead of two); the storage owner
        // validates them like any other request.
        if (msg.count?.ruleIds.length) void owner.client.countFindings(msg.count.ruleIds, msg.count.date).catch(() => {});
        // so do the indicator snapshots read on the page, under the content script's rules (catalogue indicators
        // only, a bounded batch and date range: lib/storage/protocol.ts)
        if (msg.snapshots?.length) void owner.contentClient.saveSnapshots(msg.snapshots as SnapshotInput[]).catch(() => {});
        return setTabState(tabId, msg.state).then(() => ({ ok: true }));
      }
      case 'content-failed': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return undefined;
        return setTabState(tabId, startupFailedState(new Date().toISOString())).then(() => ({ ok: true }));
      }
      case 'get-tab-state':
        // a content script (in a page it does not control) learns its own tab's state at most; any tab's is for
        // the extension's pages (popup, side panel)
        if (sender.tab && !isExtensionPage(sender, browser.runtime) && sender.tab.id !== msg.tabId) return undefined;
        return getTabState(msg.tabId);
      case 'open-checklist':
        return openChecklist(sender.tab?.id);
      case 'ping':
        return Promise.resolve({ ok: true, at: new Date().toISOString() });
      default:
        return undefined;
    }
  });

  browser.tabs.onRemoved.addListener((tabId: number) => {
    tabStates.delete(tabId);
    void browser.storage.session?.remove(sessionKey(tabId)).catch(() => {});
  });

  // Chrome: the toolbar button opens the popup; the side panel opens from the popup's button.
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior?: (o: object) => Promise<void> } } }).chrome?.sidePanel;
  void chromeSidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => {});
}
