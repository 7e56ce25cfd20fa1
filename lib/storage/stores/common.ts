import type { IDBPTransaction, StoreNames } from 'idb';
import type { Db } from '../db';
import { readValidated, type ReadContext } from '../guard';
import { toResult, type StorageResult } from '../result';
import type { AmeliproDB, StoreName } from '../schema';

export type StorageContext = ReadContext;

/** Reads (values and primary keys) from a store or one of its indexes, then validates every record. */
export async function readRows<S extends StoreName>(ctx: StorageContext, store: S, query?: IDBKeyRange | IDBValidKey, index?: string) {
  const db = await ctx.conn.get();
  const tx = db.transaction(store as StoreNames<AmeliproDB>, 'readonly');
  // idb's index typing depends on the store literal; stores are validated by name at runtime anyway.
  // biome-ignore lint/plugin: idb types an index by the store literal, which a generic store name cannot give
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
  return globalThis.IDBKeyRange;
}

export const nowIso = (ctx: StorageContext) => ctx.now().toISOString();

/**
 * Runs `fn` in one readwrite transaction and waits for it to commit. Any error (a refused record, a quota
 * error thrown by `put`, a bug) aborts the transaction: a write is all or nothing, and what was committed
 * before stays. The `done` rejection is always observed, so an abort is never an unhandled rejection.
 */
export function withWriteTx<S extends StoreNames<AmeliproDB>, T>(
  db: Db,
  store: S,
  fn: (tx: IDBPTransaction<AmeliproDB, [S], 'readwrite'>) => Promise<T>,
): Promise<T>;
export function withWriteTx<S extends StoreNames<AmeliproDB>, T>(
  db: Db,
  stores: S[],
  fn: (tx: IDBPTransaction<AmeliproDB, S[], 'readwrite'>) => Promise<T>,
): Promise<T>;
export async function withWriteTx<T>(db: Db, stores: StoreNames<AmeliproDB> | StoreNames<AmeliproDB>[], fn: (tx: never) => Promise<T>): Promise<T> {
  const tx = db.transaction(stores as StoreNames<AmeliproDB>[], 'readwrite');
  tx.done.catch(() => {});
  try {
    const out = await fn(tx as never);
    await tx.done;
    return out;
  } catch (err) {
    try {
      tx.abort();
    } catch {
      /* already finished or aborted */
    }
    throw err;
  }
}
