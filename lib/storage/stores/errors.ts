/** `errors` store: feature failures, without patient data (message sanitised and truncated), newest ERRORS_KEPT kept. */
import { guardedPut } from '../guard';
import { sanitizeErrorMessage } from '../privacy';
import { toResult, type StorageResult } from '../result';
import { ERRORS_KEPT, type ErrorEntry } from '../schema';
import { nowIso, readResult, readRows, type StorageContext, withWriteTx } from './common';

export interface ErrorInput {
  featureId: string;
  /** Error class name (TypeError ...); anything else becomes "Error". */
  name?: string;
  message: string;
}

export async function recordError(ctx: StorageContext, input: ErrorInput): Promise<StorageResult<ErrorEntry>> {
  return toResult(async () => {
    const name = typeof input?.name === 'string' && /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(input.name) ? input.name : 'Error';
    const entry = {
      featureId: input?.featureId,
      name,
      message: sanitizeErrorMessage(String(input?.message ?? '')),
      at: nowIso(ctx),
    };
    const db = await ctx.conn.get();
    return withWriteTx(db, 'errors', async (tx) => {
      const saved = await guardedPut(tx.store, 'errors', entry);
      const count = await tx.store.count();
      if (count > ERRORS_KEPT) {
        let cursor = await tx.store.openCursor();
        for (let extra = count - ERRORS_KEPT; cursor && extra > 0; extra--) {
          await cursor.delete();
          cursor = await cursor.continue();
        }
      }
      return saved;
    });
  });
}

export function listErrors(ctx: StorageContext): Promise<StorageResult<ErrorEntry[]>> {
  return readResult(async () => {
    const { valid, quarantined } = await readRows(ctx, 'errors');
    return { value: valid, quarantined };
  });
}
