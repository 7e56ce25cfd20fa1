import type { StoreNames } from 'idb';
import { readValidated, type ReadContext } from '../guard';
import { toResult, type StorageResult } from '../result';
import type { AmeliproDB, StoreName } from '../schema';

export type StorageContext = ReadContext;

/** Reads (values and primary keys) from a store or one of its indexes, then validates every record. */
export async function readRows<S extends StoreName>(ctx: StorageContext, store: S, query?: IDBKeyRange | IDBValidKey, index?: string) {
  const db = await ctx.conn.get();
  const tx = db.transaction(store as StoreNames<AmeliproDB>, 'readonly');
  // idb's index typing depends on the store literal; stores are validated by name at runtime anyway.
  const source = (index ? tx.store.index(index as never) : tx.store) as unknown as {
    getAll(q?: IDBKeyRange | IDBValidKey): Promise<unknown[]>;
    getAllKeys(q?: IDBKeyRange | IDBValidKey): Promise<IDBValidKey[]>;
  };
  const [values, keys] = await Promise.all([source.getAll(query), source.getAllKeys(query), tx.done]);
  const rows = values.map((value, i) => ({ key: keys[i]!, value }));
  return readValidated(ctx, store, rows);
}

/** Wraps a read that may quarantine: `{ ok, value, quarantined }`, never throws. */
export async function readResult<T>(fn: () => Promise<{ value: T; quarantined: number }>): Promise<StorageResult<T>> {
  const r = await toResult(fn);
  if (!r.ok) return r;
  return r.value.quarantined > 0 ? { ok: true, value: r.value.value, quarantined: r.value.quarantined } : { ok: true, value: r.value.value };
}

export function keyRange(): typeof IDBKeyRange {
  return (globalThis as unknown as { IDBKeyRange: typeof IDBKeyRange }).IDBKeyRange;
}

export const nowIso = (ctx: StorageContext) => ctx.now().toISOString();

/**
 * A readwrite transaction whose `done` rejection is always observed (callers still await `tx.done`):
 * a refused write aborts the transaction on purpose and must not surface as an unhandled rejection.
 */
export function writeTx<S extends StoreNames<AmeliproDB>>(db: import('../db').Db, stores: S | S[]) {
  const tx = db.transaction(stores as S, 'readwrite');
  tx.done.catch(() => {});
  return tx;
}
