/**
 * The tab-state outbox: what the overlay shows goes to the background (badge, popup, side panel) 100 ms after the
 * last change, with the indicator snapshots to save, in one message.
 */
import { browser } from 'wxt/browser';
import type { ManagerState } from '../../lib/features/manager';
import { findingsForTabState } from '../../lib/features/present';
import type { SentTabState } from '../../lib/messages';
import { storage } from '../../lib/storage/client';
import { MAX_SNAPSHOTS_WITH_STATE } from '../../lib/storage/message';
import type { SnapshotInput } from '../../lib/storage/stores/snapshots';
import type { ContentLife } from './life';

export interface TabStateOutbox {
  /** The state to send (what the overlay shows, and how many findings are hidden); replaces any unsent one. */
  state: (visible: ManagerState, snoozed: number) => void;
  snapshots: (snapshots: SnapshotInput[]) => void;
  /** A new page view: its rule ids are counted again. */
  newPage: () => void;
}

export interface OutboxSources {
  date: string;
  visit: () => string;
  /** The background's answer to a sent state (it says whether a side panel is open). */
  answered?: (answer: unknown) => void;
}

export function createTabStateOutbox(ctx: ContentLife, { date, visit, answered }: OutboxSources): TabStateOutbox {
  let sendTimer: ReturnType<typeof setTimeout> | undefined;
  /** Rule ids already counted for this page view (daily aggregate counts, no page content). */
  let counted = new Set<string>();
  /** The state to send, null once sent. */
  let unsent: { visible: ManagerState; snoozed: number } | null = null;
  /**
   * Indicator snapshots to save: they go to the background with the tab state, in one message (each message at
   * load costs the page about 0.4 ms); alone only when there is no state to send.
   */
  const outbox: SnapshotInput[] = [];
  const send = () => {
    sendTimer = undefined;
    let snapshots = outbox.splice(0);
    const next = unsent;
    unsent = null;
    if (!next || snapshots.length > MAX_SNAPSHOTS_WITH_STATE) {
      if (snapshots.length) void storage.saveSnapshots(snapshots);
      snapshots = [];
      if (!next) return;
    }
    const { visible, snoozed } = next;
    const tabState: SentTabState = {
      ...visible,
      // what quotes the page stays in the page (a group's key and label go: one card per line on every surface)
      findings: findingsForTabState(visible.findings),
      snoozed,
      visit: visit(),
    };
    // Rule ids shown for the first time in this page view go with the state: the background adds them to the
    // day's counts (aggregates: rule id and date only).
    const fresh = [...new Set(visible.findings.map((f) => f.ruleId))].filter((id) => !counted.has(id));
    for (const id of fresh) counted.add(id);
    const message = {
      type: 'tab-state',
      state: tabState,
      ...(fresh.length ? { count: { ruleIds: fresh, date } } : {}),
      ...(snapshots.length ? { snapshots } : {}),
    };
    // a failed message may mean the extension was reloaded: then this copy stops
    browser.runtime.sendMessage(message).then(answered, () => ctx.check());
  };
  /** Sends 100 ms after the last change: the features of a page report in a burst. */
  const sendSoon = () => {
    if (sendTimer !== undefined) clearTimeout(sendTimer);
    sendTimer = setTimeout(send, 100);
  };
  // leaving the page: what is still to send goes now
  ctx.addEventListener(window, 'pagehide', () => {
    if (sendTimer === undefined || !outbox.length) return;
    clearTimeout(sendTimer);
    send();
  });
  return {
    state(visible, snoozed) {
      unsent = { visible, snoozed };
      sendSoon();
    },
    snapshots(snapshots) {
      outbox.push(...snapshots);
      sendSoon();
    },
    newPage() {
      counted = new Set<string>();
    },
  };
}

/** The popup and the toolbar button learn that this tab's page is not recognised (nothing checked there). */
export function sendUnknownPageState(): void {
  const state: SentTabState = { page: 'unknown', findings: [], cannotCheck: [], failed: [], ran: [], snoozed: 0 };
  browser.runtime.sendMessage({ type: 'tab-state', state }).catch(() => {});
}
