/** `vitaleStatus` store: the last known state of the carte Vitale setup (one record). */
import { guardedPut } from '../guard';
import { toResult, type StorageResult } from '../result';
import type { VitaleStatus } from '../schema';
import { nowIso, readResult, readRows, type StorageContext, withWriteTx } from './common';

export type VitaleStatusInput = Omit<VitaleStatus, 'id' | 'checkedAt'> & { checkedAt?: string };

export function getVitaleStatus(ctx: StorageContext): Promise<StorageResult<VitaleStatus | null>> {
  return readResult(async () => {
    const { valid, quarantined } = await readRows(ctx, 'vitaleStatus');
    return { value: valid[0] ?? null, quarantined };
  });
}

export async function setVitaleStatus(ctx: StorageContext, input: VitaleStatusInput): Promise<StorageResult<VitaleStatus>> {
  return toResult(async () => {
    const db = await ctx.conn.get();
    const record = typeof input === 'object' && input !== null ? { checkedAt: nowIso(ctx), ...input, id: 'vitale' } : input;
    return withWriteTx(db, 'vitaleStatus', (tx) => guardedPut(tx.store, 'vitaleStatus', record));
  });
}
