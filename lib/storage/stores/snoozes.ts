/** `snoozes` store: a rule is silenced until a date-time. Expired snoozes are removed when listed. */
import { guardedPut } from '../guard';
import { toResult, type StorageResult } from '../result';
import type { Snooze } from '../schema';
import { SNOOZE_DAYS, type SnoozeDays } from '../snooze-days';
import { addDays } from '../../rules/dates';
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

/**
 * A snooze asked from a page's overlay: one of the offered lengths (SNOOZE_DAYS, checked by the request's schema),
 * counted here from `from` (the reference date, or today), to the end of that day. The page never says until when.
 */
export function snoozeForDays(ctx: StorageContext, input: { ruleId: string; days: SnoozeDays }, from: string): Promise<StorageResult<Snooze>> {
  if (!(SNOOZE_DAYS as readonly number[]).includes(input?.days)) {
    return Promise.resolve({ ok: false, error: { code: 'invalid', message: `Donnée invalide : durée de mise en sourdine (${SNOOZE_DAYS.join(', ')} jours)` } });
  }
  return snooze(ctx, { ruleId: input.ruleId, until: `${addDays(from, input.days)}T23:59:59.000Z` });
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
