/** `quarantine` store: records that failed validation (masked raw copy, reason), shown in the options page. */
import { toResult, type StorageResult } from '../result';
import type { QuarantineEntry } from '../schema';
import { readResult, type StorageContext } from './common';

export function listQuarantine(ctx: StorageContext): Promise<StorageResult<QuarantineEntry[]>> {
  return readResult(async () => {
    const db = await ctx.conn.get();
    // Not re-validated into itself: an unreadable quarantine entry is shown as is, by definition.
    const rows = await db.getAll('quarantine');
    return { value: rows, quarantined: 0 };
  });
}

export function clearQuarantine(ctx: StorageContext): Promise<StorageResult<null>> {
  return toResult(async () => {
    const db = await ctx.conn.get();
    await db.clear('quarantine');
    return null;
  });
}
