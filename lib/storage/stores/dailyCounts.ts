/** `dailyCounts` store: how many findings a rule produced on a day (date + ruleId -> count). */
import { guardedPut } from '../guard';
import { toResult, type StorageResult } from '../result';
import type { DailyCount } from '../schema';
import { keyRange, readResult, readRows, type StorageContext, withWriteTx } from './common';

/** Atomic increment (read-modify-write in one transaction: concurrent increments all count). */
export async function countFinding(ctx: StorageContext, input: { ruleId: string; date: string; by?: number }): Promise<StorageResult<DailyCount>> {
  return toResult(async () => {
    const db = await ctx.conn.get();
    return withWriteTx(db, 'dailyCounts', async (tx) => {
      const key: [string, string] = [String(input?.date), String(input?.ruleId)];
      const current = await tx.store.get(key);
      const base = current && Number.isInteger(current.count) ? current.count : 0;
      return guardedPut(tx.store, 'dailyCounts', { date: input?.date, ruleId: input?.ruleId, count: base + (input?.by ?? 1) });
    });
  });
}

export function listDailyCounts(ctx: StorageContext, q: { date?: string; ruleId?: string } = {}): Promise<StorageResult<DailyCount[]>> {
  return readResult(async () => {
    const { valid, quarantined } = q.ruleId
      ? await readRows(ctx, 'dailyCounts', q.ruleId, 'byRule')
      : q.date
        ? await readRows(ctx, 'dailyCounts', keyRange().bound([q.date, ''], [q.date, '\uffff']))
        : await readRows(ctx, 'dailyCounts');
    return { value: q.date ? valid.filter((c) => c.date === q.date) : valid, quarantined };
  });
}
