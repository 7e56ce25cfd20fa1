/** `deadlines` store: the declaration deadlines read on «Ma Convention», one per page (dates only). */
import { guardedPut } from '../guard';
import { toResult, type StorageResult } from '../result';
import type { Deadline } from '../schema';
import { readResult, readRows, type StorageContext, withWriteTx } from './common';

export function listDeadlines(ctx: StorageContext): Promise<StorageResult<Deadline[]>> {
  return readResult(async () => {
    const { valid, quarantined } = await readRows(ctx, 'deadlines');
    return { value: valid, quarantined };
  });
}

/** Keeps the deadline a page shows (replacing that page's previous one). */
export function putDeadline(ctx: StorageContext, input: Deadline): Promise<StorageResult<Deadline>> {
  return toResult(async () => {
    const db = await ctx.conn.get();
    return withWriteTx(db, 'deadlines', (tx) => guardedPut(tx.store, 'deadlines', input));
  });
}
