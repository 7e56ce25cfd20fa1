import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { createStorageService, type ServiceOptions } from '../../../lib/storage/service';
import { DB_NAME } from '../../../lib/storage/schema';

export const NOW = new Date('2026-11-28T10:00:00.000Z');

export function makeService(opts: ServiceOptions = {}) {
  const factory = opts.factory ?? new IDBFactory();
  const service = createStorageService({ now: () => NOW, ...opts, factory });
  return { factory, service };
}

/** Every record of every store, read raw (no validation), as a JSON string: what a privacy test searches. */
export async function rawDump(factory: IDBFactory, name = DB_NAME): Promise<Record<string, unknown[]>> {
  const prev = (globalThis as { indexedDB: IDBFactory }).indexedDB;
  (globalThis as { indexedDB: IDBFactory }).indexedDB = factory;
  try {
    const db = await openDB(name);
    const out: Record<string, unknown[]> = {};
    for (const store of Array.from(db.objectStoreNames)) out[store] = await db.getAll(store);
    db.close();
    return out;
  } finally {
    (globalThis as { indexedDB: IDBFactory }).indexedDB = prev;
  }
}

export function snap(indicatorId: string, asOf: string, value = 1, extra: Record<string, unknown> = {}) {
  return { indicatorId, asOf, value, target: 10, pageType: 'convention-medecin' as const, ...extra };
}
