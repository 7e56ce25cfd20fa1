/**
 * Content-script side: one `VitaleMonitor` per page, the runtime-message channel the popup and side panel use
 * ("vitale-status", "vitale-test"), and persistence of the last known status through an injected sink.
 *
 * `startVitaleChannel(ctx)` should be called once, early, by the content script's runtime: it answers the popup
 * and keeps the extension's announcement event, without starting the monitor. The monitor starts on first use:
 * the vitale feature (the pages with the carte Vitale button, and the help page), or the popup's first question
 * on another page (then "absent" is known 2 s after that question; the popup asks again while undecided). A page
 * where nobody asks pays no detection at all.
 */
import { browser } from 'wxt/browser';
import { onMessage } from '../ext/messaging';
import { announcementDetail, VitaleMonitor, type MonitorOptions } from './monitor';
import { EVENT_DIAGAM } from './protocol';
import { toStored, type StoredVitaleStatus, type VitaleStatus } from './status';

/** Where the last known status is kept (lib/storage's `setVitaleStatus` through the feature services sink). */
export type VitalePersist = (status: StoredVitaleStatus) => Promise<unknown> | void;

interface PageVitale {
  win: Window;
  monitor: VitaleMonitor;
  persist: VitalePersist | null;
  lastSaved: string;
}

let current: PageVitale | null = null;
/** Removes the runtime-message listener; null when not listening. */
let unlisten: (() => void) | null = null;
/** The announcement event seen before the monitor existed (the extension sends it once), and the listener keeping it. */
interface EarlyAnnouncement {
  win: Window;
  seen: boolean;
  detail: unknown;
  stop: AbortController;
}
let early: EarlyAnnouncement | null = null;

/** The page's monitor (created and started on first use). */
export function getVitaleMonitor(win: Window = window, opts?: MonitorOptions): VitaleMonitor {
  if (current && current.win === win) return current.monitor;
  current?.monitor.stop();
  const monitor = new VitaleMonitor(win, opts);
  const page: PageVitale = { win, monitor, persist: null, lastSaved: '' };
  current = page;
  monitor.subscribe((s) => save(page, s));
  monitor.start();
  const kept: EarlyAnnouncement | null = early;
  early = null;
  if (kept) {
    kept.stop.abort();
    if (kept.seen && kept.win === win) monitor.announced(kept.detail);
  }
  return monitor;
}

/** Sets the persistence sink (the latest caller wins); saves the current status if it is already known. */
export function setVitalePersist(persist: VitalePersist | undefined, win: Window = window): void {
  const monitor = getVitaleMonitor(win);
  if (!current) return;
  current.persist = persist ?? null;
  save(current, monitor.status);
}

function save(page: PageVitale, s: VitaleStatus): void {
  if (!page.persist || s.extension === 'unknown') return;
  const stored = toStored(s);
  // Same content as last time (checkedAt aside): no write.
  const key = JSON.stringify({ ...stored, checkedAt: undefined });
  if (key === page.lastSaved) return;
  page.lastSaved = key;
  try {
    void Promise.resolve(page.persist(stored)).catch(() => {});
  } catch {
    // storage unavailable: the status is still shown
  }
}

type Sender = { id?: string; tab?: unknown };

/** Answers the extension's own pages only (popup, side panel, background), never other tabs' scripts. */
export function handleVitaleMessage(raw: unknown, sender: Sender, win: Window = window): Promise<VitaleStatus> | undefined {
  if (!sender || sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
  // Only two messages, without payload: checked by hand (no validator in the content script).
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (type !== 'vitale-status' && type !== 'vitale-test') return undefined;
  const monitor = getVitaleMonitor(win);
  return type === 'vitale-status' ? Promise.resolve(monitor.status) : monitor.test();
}

export interface ChannelContext {
  onInvalidated?: (cb: () => void) => unknown;
}

/** Answers "vitale-status" / "vitale-test" and keeps the announcement event until the monitor starts. Idempotent. */
export function startVitaleChannel(ctx?: ChannelContext, win: Window = window): void {
  if (!current && !early) {
    const stop = new AbortController();
    const kept: EarlyAnnouncement = { win, seen: false, detail: null, stop };
    early = kept;
    win.addEventListener(
      EVENT_DIAGAM,
      (e) => {
        kept.seen = true;
        kept.detail = announcementDetail(e);
      },
      { capture: true, signal: stop.signal },
    );
  }
  if (unlisten) return;
  unlisten = onMessage((raw: unknown, sender: Sender) => handleVitaleMessage(raw, sender, win));
  ctx?.onInvalidated?.(resetVitaleChannel);
}

/** Stops everything: the listener, the monitor, the kept announcement (the script is invalidated; tests). */
export function resetVitaleChannel(): void {
  unlisten?.();
  unlisten = null;
  current?.monitor.stop();
  current = null;
  early?.stop.abort();
  early = null;
}
