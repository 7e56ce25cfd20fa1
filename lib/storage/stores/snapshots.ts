/** `snapshots` store: indicator values keyed by (indicatorId, asOf); a later capture of the same day replaces an earlier one. */
import { guardedPut, checkRecord } from '../guard';
import { StorageFailure, toResult, type StorageResult } from '../result';
import type { Snapshot } from '../schema';
import { keyRange, nowIso, readResult, readRows, type StorageContext, withWriteTx } from './common';

export type SnapshotInput = Omit<Snapshot, 'capturedAt'> & { capturedAt?: string };
export const MAX_SNAPSHOTS_PER_CALL = 20_000;

/** All or nothing: one refused snapshot (invalid or patient data) refuses the batch, naming it. */
export async function saveSnapshots(ctx: StorageContext, inputs: SnapshotInput[]): Promise<StorageResult<{ saved: number }>> {
  return toResult(async () => {
    if (!Array.isArray(inputs)) throw new StorageFailure('invalid', 'Donnée invalide : snapshots : liste attendue', 'snapshots');
    if (inputs.length > MAX_SNAPSHOTS_PER_CALL) {
      throw new StorageFailure('invalid', `Donnée invalide : au plus ${MAX_SNAPSHOTS_PER_CALL} relevés par envoi`, 'snapshots');
    }
    const capturedAt = nowIso(ctx);
    const records: Snapshot[] = [];
    inputs.forEach((input, i) => {
      const rec = typeof input === 'object' && input !== null ? { capturedAt, ...input } : input;
      const checked = checkRecord('snapshots', rec, `snapshots[${i}]`);
      if (!checked.ok) throw new StorageFailure(checked.code, checked.message, checked.path);
      records.push(checked.value);
    });
    const db = await ctx.conn.get();
    return withWriteTx(db, 'snapshots', async (tx) => {
      let saved = 0;
      await Promise.all(
        records.map(async (rec) => {
          const existing = await tx.store.get([rec.indicatorId, rec.asOf]);
          if (existing && typeof existing.capturedAt === 'string' && existing.capturedAt > rec.capturedAt) return;
          await guardedPut(tx.store, 'snapshots', rec);
          saved++;
        }),
      );
      return { saved };
    });
  });
}

export interface HistoryQuery {
  indicatorId: string;
  /** Inclusive bounds, AAAA-MM-JJ. */
  from?: string;
  to?: string;
}

/** Snapshots of one indicator ordered by asOf: the side panel's progress over time. */
export function getHistory(ctx: StorageContext, q: HistoryQuery): Promise<StorageResult<Snapshot[]>> {
  return readResult(async () => {
    const range = keyRange().bound([q.indicatorId, q.from ?? ''], [q.indicatorId, q.to ?? '\uffff']);
    const { valid, quarantined } = await readRows(ctx, 'snapshots', range);
    return { value: valid, quarantined };
  });
}

/** The most recent snapshot of every indicator. */
export function listLatestSnapshots(ctx: StorageContext): Promise<StorageResult<Snapshot[]>> {
  return readResult(async () => {
    const { valid, quarantined } = await readRows(ctx, 'snapshots');
    const latest = new Map<string, Snapshot>();
    for (const s of valid) latest.set(s.indicatorId, s); // key order: (indicatorId, asOf) ascending
    return { value: [...latest.values()], quarantined };
  });
}
