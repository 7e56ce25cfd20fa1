/**
 * Content-script side: one `VitaleMonitor` per page, the runtime-message channel the popup and side panel use
 * ("vitale-status", "vitale-test"), and persistence of the last known status through an injected sink.
 *
 * `startVitaleChannel(ctx)` should be called once, early, by the content script's runtime; the vitale feature
 * also calls it (idempotent), so the channel works on the pages it runs on even before that.
 */
import { browser } from 'wxt/browser';
import { onMessage } from '../ext/messaging';
import { VitaleMonitor, type MonitorOptions } from './monitor';
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
let listening = false;

/** The page's monitor (created and started on first use). */
export function getVitaleMonitor(win: Window = window, opts?: MonitorOptions): VitaleMonitor {
  if (current && current.win === win) return current.monitor;
  current?.monitor.stop();
  const monitor = new VitaleMonitor(win, opts);
  const page: PageVitale = { win, monitor, persist: null, lastSaved: '' };
  current = page;
  monitor.subscribe((s) => save(page, s));
  monitor.start();
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

/** Starts passive detection now and answers "vitale-status" / "vitale-test". Idempotent. */
export function startVitaleChannel(ctx?: ChannelContext): void {
  getVitaleMonitor(window);
  if (listening) return;
  listening = true;
  const unlisten = onMessage((raw: unknown, sender: Sender) => handleVitaleMessage(raw, sender));
  ctx?.onInvalidated?.(() => {
    unlisten();
    listening = false;
    current?.monitor.stop();
    current = null;
  });
}

/** For tests: forget the page's monitor. */
export function resetVitaleChannel(): void {
  current?.monitor.stop();
  current = null;
}
