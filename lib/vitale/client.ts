/**
 * Extension-page side (popup, side panel): asks the content script of an amelipro tab for the carte Vitale
 * status or to run the test, and reads the last stored status. Answers are validated; nothing throws.
 */
import { browser } from 'wxt/browser';
import type { Message } from '../messages';
import type { VitaleStatus } from './status';

/**
 * The validator (zod) is loaded on first use, after the popup or side panel has painted: it is not needed to
 * show them, only to read an answer, which comes later anyway.
 */
const schema = () => import('./status-schema');

/** Time the popup waits for the content script beyond the test's own 5 s. */
const MARGIN_MS = 2000;

export type TabAnswer = { ok: true; status: VitaleStatus } | { ok: false; reason: 'no-tab' | 'no-content-script' | 'invalid' };

async function ask(tabId: number | null, message: Message, timeoutMs: number): Promise<TabAnswer> {
  if (tabId === null) return { ok: false, reason: 'no-tab' };
  let raw: unknown;
  try {
    raw = await Promise.race([browser.tabs.sendMessage(tabId, message), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs))]);
  } catch {
    return { ok: false, reason: 'no-content-script' };
  }
  if (raw === undefined) return { ok: false, reason: 'no-content-script' };
  let parsed: { success: true; data: VitaleStatus } | { success: false };
  try {
    parsed = (await schema()).vitaleStatusSchema.safeParse(raw) as typeof parsed;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  return parsed.success ? { ok: true, status: parsed.data } : { ok: false, reason: 'invalid' };
}

export const fetchTabVitaleStatus = (tabId: number | null): Promise<TabAnswer> => ask(tabId, { type: 'vitale-status' }, 2000);

export const runTabVitaleTest = (tabId: number | null, testTimeoutMs = 5000): Promise<TabAnswer> =>
  ask(tabId, { type: 'vitale-test' }, testTimeoutMs + MARGIN_MS);

/** Persistence behind a small interface (lib/storage's client satisfies it). */
export interface VitaleStatusReader {
  getVitaleStatus(): Promise<{ ok: true; value: unknown } | { ok: false }>;
}

export async function loadStoredVitaleStatus(reader: VitaleStatusReader): Promise<VitaleStatus | null> {
  try {
    const r = await reader.getVitaleStatus();
    return r.ok ? (await schema()).fromStored(r.value) : null;
  } catch {
    return null;
  }
}
