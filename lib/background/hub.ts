/**
 * The background service worker: keeps each tab's latest state (page type, findings) in memory and in
 * storage.session (survives the worker being stopped, never written to disk), shows the badge count,
 * and answers the popup and side panel. It makes no network request.
 */
import { browser } from 'wxt/browser';
import { messageSchema, type TabState } from '../messages';
import { DEADLINES_CHANGED_KEY, tabSessionKey } from '../session-keys';
import { startupFailedState, startupFailure } from '../startup-failure';
import { isExtensionPage, registerStorageOwner } from '../storage/owner';
import type { SnapshotInput } from '../storage/stores/snapshots';
import { onMessage } from '../ext/messaging';
import type { StorageClient } from '../storage/client';
import { createStorageService, type OpName, type StorageService } from '../storage/service';
import { DEADLINE_PAGES, type Deadline } from '../storage/schema';
import { daysBetween, todayIso } from '../rules/dates';
import { AMBER, RED } from '../colors';
import { findPortalProfession } from './portal-profession';
import { ameliproTabIds } from './amelipro-tabs';
import { trackSidePanels, type PanelRuntime } from './side-panels';

const tabStates = new Map<number, TabState>();
const sessionKey = tabSessionKey;

export function badgeFor(state: TabState): { text: string; color: string } {
  // not started: nothing was checked, which must not look like "nothing to say"
  if (startupFailure(state)) return { text: '!', color: RED };
  const blocking = state.findings.filter((f) => f.severity === 'blocking').length;
  const warnings = state.findings.filter((f) => f.severity === 'warning').length;
  const n = blocking + warnings;
  return { text: n ? String(n) : '', color: blocking ? RED : AMBER };
}

/** The badge counts down in the last DEADLINE_BADGE_DAYS days before a declaration closes. */
export const DEADLINE_BADGE_DAYS = 15;
const DEADLINE_COLOR = AMBER;

/** The nearest kept deadline within DEADLINE_BADGE_DAYS days of `today` ("J-5", "J-0"); a past one is dropped. */
export function deadlineBadge(deadlines: readonly Pick<Deadline, 'closesOn'>[], today: string): { text: string; color: string } {
  const left = deadlines.map((d) => daysBetween(today, d.closesOn)).filter((n) => n >= 0 && n <= DEADLINE_BADGE_DAYS);
  return left.length ? { text: `J-${Math.min(...left)}`, color: DEADLINE_COLOR } : { text: '', color: DEADLINE_COLOR };
}

/** The deadline a «Ma Convention» tab shows, from its finding's data (dates only: no count, no page text). */
export function deadlineOf(state: TabState, today: string): Deadline | null {
  const page = DEADLINE_PAGES.find((p) => p === state.page);
  if (!page) return null;
  for (const f of state.findings) {
    if (f.ruleId === 'indicators.declaration-open' && f.data?.kind === 'declaration' && f.data.closesOn) {
      return { page, closesOn: f.data.closesOn, seenOn: today };
    }
  }
  return null;
}

/** The engine's today: the reference date of the settings, else the local calendar day. */
async function today(client: StorageClient): Promise<string> {
  const settings = await client.getSettings().catch(() => null);
  return (settings?.ok ? settings.value.referenceDate : null) ?? todayIso();
}

let deadlineBadgeText = '';

/** Recomputes the badge of the kept deadlines (shown where no tab has findings of its own). */
async function refreshDeadlineBadge(client: StorageClient): Promise<void> {
  const [listed, day] = await Promise.all([client.listDeadlines().catch(() => null), today(client)]);
  const badge = deadlineBadge(listed?.ok ? listed.value : [], day);
  deadlineBadgeText = badge.text;
  await Promise.allSettled([browser.action.setBadgeText({ text: badge.text }), browser.action.setBadgeBackgroundColor({ color: badge.color })]);
}

async function setTabState(tabId: number, state: TabState): Promise<void> {
  tabStates.set(tabId, state);
  const badge = badgeFor(state);
  // A tab with nothing of its own shows the deadline countdown (the global badge) rather than an empty badge.
  const text = badge.text || deadlineBadgeText;
  await Promise.allSettled([
    browser.action.setBadgeText({ tabId, text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.text ? badge.color : DEADLINE_COLOR }),
    browser.storage.session?.set({ [sessionKey(tabId)]: state }),
  ]);
}

/** Runs `then` after each call of `op` (the owner's writes that change what the badge shows). */
function after<K extends OpName>(service: StorageService, op: K, then: () => void): void {
  const run = service[op];
  service[op] = (async (input) => {
    const result = await run(input);
    then();
    return result;
  }) as StorageService[K];
}

/** Keeps the deadline a «Ma Convention» tab shows, then updates the badge and tells the extension pages. */
async function keepDeadline(client: StorageClient, state: TabState): Promise<void> {
  const deadline = deadlineOf(state, await today(client));
  if (deadline) {
    const kept = await client.listDeadlines().catch(() => null);
    const same = kept?.ok && kept.value.some((d) => d.page === deadline.page && d.closesOn === deadline.closesOn);
    if (!same) {
      const saved = await client.putDeadline(deadline).catch(() => null);
      if (saved?.ok) await browser.storage.session?.set({ [DEADLINES_CHANGED_KEY]: Date.now() }).catch(() => {});
    }
  }
  await refreshDeadlineBadge(client);
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
  const chromeApi = (
    globalThis as {
      chrome?: {
        action?: { openPopup?: () => Promise<void> };
        sidePanel?: { open?: (o: { tabId: number }) => Promise<void> };
      };
    }
  ).chrome;
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

/** Tells the content scripts of the amelipro tabs that the first side panel opened, or the last one closed. */
async function tellAmeliproTabs(open: boolean): Promise<void> {
  const ids = await ameliproTabIds().catch(() => []);
  await Promise.allSettled(ids.map((id) => browser.tabs.sendMessage(id, { type: 'side-panel', open })));
}

export function startBackground(): void {
  // The single owner of IndexedDB: every context's storage calls arrive here as messages.
  const service = createStorageService();
  const owner = registerStorageOwner({ service });
  // A new reference date, an import or an erase change the countdown: the badge and the side panel follow.
  const deadlinesChanged = () => {
    void refreshDeadlineBadge(owner.client).catch(() => {});
    void browser.storage.session?.set({ [DEADLINES_CHANGED_KEY]: Date.now() }).catch(() => {});
  };
  for (const op of ['settings.save', 'data.import', 'data.erase'] as const) after(service, op, deadlinesChanged);

  // At install (not at an update or a browser update): the welcome page, once.
  browser.runtime.onInstalled?.addListener((details: { reason: string }) => {
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => {});
  });

  // whether a side panel is open: the amelipro tabs read the points and payments of «Ma Convention» only then
  const runtime: PanelRuntime = browser.runtime;
  const panels = trackSidePanels(runtime, (open) => void tellAmeliproTabs(open));

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
        const state: TabState = { ...msg.state, updatedAt: new Date().toISOString() };
        // the answer says whether a side panel is open (the page may have loaded after it opened)
        return keepDeadline(owner.client, state)
          .catch(() => {})
          .then(() => setTabState(tabId, state))
          .then(() => panels.isOpen())
          .then((sidePanel) => ({ ok: true, sidePanel }));
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
      case 'find-portal-profession':
        // for the extension's pages only: a page's script does not make other tabs read their header
        if (!isExtensionPage(sender, browser.runtime)) return undefined;
        return findPortalProfession(msg.tabId).then((profession) => ({ profession }));
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

  // The countdown of the kept deadlines, whether or not a «Ma Convention» tab is open.
  void refreshDeadlineBadge(owner.client).catch(() => {});

  // Chrome: the toolbar button opens the popup; the side panel opens from the popup's button.
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior?: (o: object) => Promise<void> } } }).chrome?.sidePanel;
  void chromeSidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => {});
}
