/** `snoozes` store: a rule is silenced until a date-time. Expired snoozes are removed when listed. */
import { guardedPut } from '../guard';
import { toResult, type StorageResult } from '../result';
import type { Snooze } from '../schema';
import { readResult, readRows, type StorageContext, withWriteTx } from './common';

export async function snooze(ctx: StorageContext, input: { ruleId: string; until: string }): Promise<StorageResult<Snooze>> {
  return toResult(async () => {
    const db = await ctx.conn.get();
    return withWriteTx(db, 'snoozes', (tx) => guardedPut(tx.store, 'snoozes', { ruleId: input?.ruleId, until: input?.until }));
  });
}

export async function unsnooze(ctx: StorageContext, input: { ruleId: string }): Promise<StorageResult<null>> {
  return toResult(async () => {
    const db = await ctx.conn.get();
    await db.delete('snoozes', String(input?.ruleId));
    return null;
  });
}

/** Snoozes still active at `at` (default: now). */
export function listSnoozes(ctx: StorageContext, input: { at?: string } = {}): Promise<StorageResult<Snooze[]>> {
  return readResult(async () => {
    const at = new Date(input.at ?? ctx.now().toISOString()).getTime();
    const { valid, quarantined } = await readRows(ctx, 'snoozes');
    const active = valid.filter((s) => new Date(s.until).getTime() > at);
    const expired = valid.filter((s) => new Date(s.until).getTime() <= at);
    if (expired.length > 0) {
      const db = await ctx.conn.get();
      await withWriteTx(db, 'snoozes', (tx) => Promise.all(expired.map((s) => tx.store.delete(s.ruleId))));
    }
    return { value: active, quarantined };
  });
}
