import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { StorageConnection } from '../../../lib/storage/db';
import { CURRENT_VERSION, MIGRATIONS } from '../../../lib/storage/migrations';
import { checkRecord } from '../../../lib/storage/guard';
import { ALL_STORES, DATA_STORES, type StoreName } from '../../../lib/storage/schema';
import { makeService, rawDump } from './helpers';

const here = dirname(fileURLToPath(import.meta.url));
interface Fixture {
  schemaVersion: number;
  stores: Record<string, Record<string, unknown>[]>;
}
const fixtures = readdirSync(join(here, 'fixtures'))
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(here, 'fixtures', f), 'utf8')) as Fixture)
  .sort((a, b) => a.schemaVersion - b.schemaVersion);

/** Builds a database at the fixture's version (its own migrations) and writes its records raw. */
async function loadFixture(fx: Fixture): Promise<IDBFactory> {
  const factory = new IDBFactory();
  const conn = new StorageConnection({ factory, version: fx.schemaVersion });
  const db = (await conn.get()) as unknown as import('idb').IDBPDatabase<unknown>;
  for (const [store, records] of Object.entries(fx.stores)) {
    const tx = db.transaction(store, 'readwrite');
    for (const r of records) await tx.store.put(r);
    await tx.done;
  }
  conn.close();
  return factory;
}

/** Every read the application does, so invalid records reach the quarantine. */
async function readEverything(service: ReturnType<typeof makeService>['service']) {
  await service['settings.get']({});
  await service['snapshot.latest']({});
  await service['checklist.list']({});
  await service['snooze.list']({ at: '2000-01-01T00:00:00.000Z' });
  await service['count.list']({});
  await service['vitale.get']({});
  await service['deadline.list']({});
  await service['error.list']({});
}

describe('migrations', () => {
  it('are numbered 1..N without gaps, and every version has a frozen fixture', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(fixtures.map((f) => f.schemaVersion)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(CURRENT_VERSION).toBe(MIGRATIONS.length);
  });

  for (const fx of fixtures) {
    it(`upgrades the v${fx.schemaVersion} example database to v${CURRENT_VERSION} with every record accounted for`, async () => {
      const factory = await loadFixture(fx);
      const { service } = makeService({ factory });
      await readEverything(service);
      const after = await rawDump(factory);
      const countBefore = (s: string) => fx.stores[s]?.length ?? 0;
      const oldQuarantine = countBefore('quarantine');
      const newQuarantine = (after['quarantine'] ?? []).slice(oldQuarantine) as { store: string; reason: string }[];
      for (const store of DATA_STORES) {
        const kept = after[store]?.length ?? 0;
        const quarantined = newQuarantine.filter((q) => q.store === store);
        expect(kept + quarantined.length, `${store}: kept ${kept} + quarantined ${quarantined.length}`).toBe(countBefore(store));
        for (const q of quarantined) expect(q.reason.length).toBeGreaterThan(5);
        for (const rec of after[store] ?? []) expect(checkRecord(store, rec).ok, `${store}: ${JSON.stringify(rec)}`).toBe(true);
      }
      // Past quarantine entries are kept as they were.
      expect((after['quarantine'] ?? []).slice(0, oldQuarantine)).toEqual(fx.stores['quarantine']);
      expect(Object.keys(after).sort()).toEqual([...ALL_STORES].sort() as StoreName[]);
    });
  }

  it('v1 -> v2 specifics: rename date -> asOf, latest duplicate kept, settings defaults, new indexes', async () => {
    const fx = fixtures.find((f) => f.schemaVersion === 1)!;
    const factory = await loadFixture(fx);
    const { service } = makeService({ factory });
    const h = await service['snapshot.history']({ indicatorId: 'rosp.grippe-65' });
    expect(h.ok && h.value.map((s) => [s.asOf, s.value])).toEqual([
      ['2026-01-01', 40],
      ['2026-02-01', 43],
    ]);
    const s = await service['settings.get']({});
    expect(s.ok && s.value).toMatchObject({ departement: '69', lang: 'fr', lastSeenVersion: null, disabledFeatures: ['badge-compteur'] });
    const byRule = await service['count.list']({ ruleId: 'aat.duree-maximale' });
    expect(byRule.ok && byRule.value.length).toBe(2);
    const q = await service['quarantine.list']({});
    const reasons = q.ok ? q.value.map((e) => String(e['reason'])) : [];
    expect(reasons.some((r) => r.includes('doublon'))).toBe(true);
    expect(reasons.some((r) => r.includes('indicatorId ou date'))).toBe(true);
    await service['snooze.list']({ at: '2000-01-01T00:00:00.000Z' });
    await service['snapshot.latest']({});
    const all = await service['quarantine.list']({});
    // 1 older entry + duplicate + unkeyable snapshot (migration) + value "abc" + snooze "demain" (reads).
    expect(all.ok && all.value.map((e) => e['store'])).toEqual(['settings', 'snapshots', 'snapshots', 'snoozes', 'snapshots']);
  });

  it('v2 -> v3: a tile stored under its page label (autre.*) is deleted, and nothing of it is kept anywhere', async () => {
    const fx = fixtures.find((f) => f.schemaVersion === 2)!;
    const planted = {
      indicatorId: 'autre.jean-dupont-ne-le-12-05-1985',
      value: 1,
      target: null,
      asOf: '2026-06-01',
      capturedAt: '2026-06-02T08:00:00.000Z',
      pageType: 'convention-medecin',
    };
    const factory = await loadFixture({ ...fx, stores: { ...fx.stores, snapshots: [...fx.stores['snapshots']!, planted] } });
    const { service } = makeService({ factory });
    await readEverything(service);
    const after = await rawDump(factory);
    expect(JSON.stringify(after)).not.toMatch(/jean|dupont|1985/i);
    expect((after['snapshots'] ?? []).map((r) => (r as { indicatorId: string }).indicatorId)).not.toContain(planted.indicatorId);
    const q = (after['quarantine'] ?? []) as { store: string; reason: string }[];
    expect(q.filter((e) => e.reason.includes('migration v3'))).toHaveLength(1);
  });
});
