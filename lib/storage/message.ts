/**
 * The storage message envelope, without the validator: what a client needs to send a request and read the
 * answer. Kept free of zod so the content script stays small; the owner (background) validates every request
 * and every record with zod (protocol.ts, schema.ts) before answering, so the client only checks the envelope.
 */
import { STORAGE_ERROR_CODES, type StorageResult } from './result';
import type { OpInput, OpName } from './service';

export const STORAGE_MESSAGE_TYPE = 'storage';

/**
 * Indicator snapshots may travel with a page's tab state (lib/messages.ts), at most this many: beyond, the content
 * script saves them in a "snapshot.put" of their own.
 */
export const MAX_SNAPSHOTS_WITH_STATE = 200;

export { SNOOZE_DAYS, type SnoozeDays } from './snooze-days';

export interface StorageRequest<K extends OpName = OpName> {
  type: typeof STORAGE_MESSAGE_TYPE;
  op: K;
  payload: OpInput<K>;
}

export function isStorageMessage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === STORAGE_MESSAGE_TYPE;
}

const CODES: ReadonlySet<string> = new Set(STORAGE_ERROR_CODES);

/** The answer's envelope, or null when it is not a storage answer. */
export function readStorageResponse(raw: unknown): StorageResult<unknown> | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as { ok?: unknown; value?: unknown; quarantined?: unknown; error?: { code?: unknown; message?: unknown; path?: unknown } };
  if (r.ok === true && 'value' in r) {
    const q = r.quarantined;
    return typeof q === 'number' && Number.isInteger(q) && q > 0 ? { ok: true, value: r.value, quarantined: q } : { ok: true, value: r.value };
  }
  if (r.ok === false && r.error && typeof r.error.code === 'string' && CODES.has(r.error.code) && typeof r.error.message === 'string') {
    return {
      ok: false,
      error: {
        code: r.error.code as (typeof STORAGE_ERROR_CODES)[number],
        message: r.error.message,
        ...(typeof r.error.path === 'string' ? { path: r.error.path } : {}),
      },
    };
  }
  return null;
}
