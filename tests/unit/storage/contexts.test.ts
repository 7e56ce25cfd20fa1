import { describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { StorageConnection } from '../../../lib/storage/db';
import { CURRENT_VERSION } from '../../../lib/storage/migrations';
import { DB_NAME } from '../../../lib/storage/schema';
import { makeService, rawDump, snap } from './helpers';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** A real v1 database, held by a connection that does not close on versionchange. */
async function openV1Ignoring(factory: IDBFactory): Promise<IDBDatabase> {
  const conn = new StorageConnection({ factory, version: 1 });
  const raw = unwrap(await conn.get()) as IDBDatabase;
  raw.onversionchange = null;
  raw.onclose = null;
  return raw;
}

describe('several contexts on one database', () => {
  it('two writers at the same moment lose nothing (snapshots, counters, settings patches)', async () => {
    const factory = new IDBFactory();
    const a = makeService({ factory }).service;
    const b = makeService({ factory }).service;
    const batch = (id: string) =>
      Array.from({ length: 100 }, (_, i) => snap(id, `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`, i));
    const results = await Promise.all([
      a['snapshot.put']({ snapshots: batch('tab-a') }),
      b['snapshot.put']({ snapshots: batch('tab-b') }),
      ...Array.from({ length: 50 }, () => a['count.finding']({ ruleId: 'r', date: '2026-11-28' })),
      ...Array.from({ length: 50 }, () => b['count.finding']({ ruleId: 'r', date: '2026-11-28' })),
      a['settings.save']({ patch: { lang: 'en' } }),
      b['settings.save']({ patch: { departement: '75' } }),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const dump = await rawDump(factory);
    expect(dump['snapshots']).toHaveLength(200);
    expect(dump['dailyCounts']).toEqual([{ date: '2026-11-28', ruleId: 'r', count: 100 }]);
    const s = await a['settings.get']({});
    expect(s.ok && s.value).toMatchObject({ lang: 'en', departement: '75' });
  });

  it('versionchange: an open connection closes at once (never blocks a delete) and reopens lazily', async () => {
    const { service, factory } = makeService();
    await service['snapshot.put']({ snapshots: [snap('a', '2026-11-01')] });
    const blocked = vi.fn();
    const del = factory.deleteDatabase(DB_NAME);
    del.onblocked = blocked;
    await request(del);
    expect(blocked).not.toHaveBeenCalled();
    expect(service.connection.opens).toBe(1);
    expect(await service['snapshot.put']({ snapshots: [snap('b', '2026-11-01')] })).toEqual({ ok: true, value: { saved: 1 } });
    expect(service.connection.opens).toBe(2);
    expect((await rawDump(factory))['snapshots']).toHaveLength(1);
  });

  it('a newer version opened elsewhere is not blocked; this context then answers a typed "version" error', async () => {
    const { service, factory } = makeService();
    await service['settings.get']({});
    const req = factory.open(DB_NAME, CURRENT_VERSION + 1);
    const blocked = vi.fn();
    req.onblocked = blocked;
    const newer = await request(req);
    expect(blocked).not.toHaveBeenCalled();
    newer.close();
    const r = await service['settings.get']({});
    expect(r).toMatchObject({ ok: false, error: { code: 'version' } });
  });

  it('blocked: reports it, gives up with a clear error instead of hanging, and upgrades once the old connection goes', async () => {
    const factory = new IDBFactory();
    // An old context at v1 that ignores versionchange (as a buggy or old page would).
    const old = await openV1Ignoring(factory);
    const onBlocked = vi.fn();
    const { service } = makeService({ factory, onBlocked, blockedTimeoutMs: 50 });
    const r = await service['settings.get']({});
    expect(r).toMatchObject({ ok: false, error: { code: 'blocked' } });
    expect(r.ok ? '' : r.error.message).toMatch(/Fermez les autres pages/);
    expect(onBlocked).toHaveBeenCalledWith({ currentVersion: 1, requestedVersion: CURRENT_VERSION });
    old.close();
    const again = await service['settings.get']({});
    expect(again.ok).toBe(true);
  });

  it('blocked then released before the timeout: the open simply completes', async () => {
    const factory = new IDBFactory();
    const old = await openV1Ignoring(factory);
    const { service } = makeService({
      factory,
      blockedTimeoutMs: 5_000,
      onBlocked: () => setTimeout(() => old.close(), 10),
    });
    expect((await service['settings.get']({})).ok).toBe(true);
  });
});
