import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, IMPORT_MAX_BYTES } from '../../../lib/storage/data';
import { CURRENT_VERSION } from '../../../lib/storage/migrations';
import { makeService, rawDump, snap } from './helpers';

async function populated() {
  const ctx = makeService();
  const s = ctx.service;
  await s['settings.save']({ patch: { profession: 'medecin-generaliste', departement: '69' } });
  await s['snapshot.put']({ snapshots: [snap('rosp.grippe', '2026-10-01', 40), snap('rosp.grippe', '2026-11-01', 45)] });
  await s['snooze.set']({ ruleId: 'aat.duree', until: '2026-12-01T00:00:00.000Z' });
  await s['count.finding']({ ruleId: 'aat.duree', date: '2026-11-28' });
  await s['error.record']({ featureId: 'badge', message: 'sélecteur introuvable' });
  await s['vitale.set']({ extension: 'present', extensionVersion: '1.0.0', atsam: 'ok' });
  await s['checklist.start']({ checklistId: 'c', itemIds: ['a'] });
  return ctx;
}

const file = (stores: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: EXPORT_FORMAT, schemaVersion: CURRENT_VERSION, exportedAt: '2026-11-28T10:00:00.000Z', stores, ...extra });

describe('export / import / erase', () => {
  it('exports a versioned JSON that imports back identically (replace)', async () => {
    const { service, factory } = await populated();
    const before = await rawDump(factory);
    const exp = await service['data.export']({});
    if (!exp.ok) throw new Error(exp.error.message);
    expect(exp.value).toMatchObject({ format: EXPORT_FORMAT, schemaVersion: CURRENT_VERSION, exportedAt: '2026-11-28T10:00:00.000Z' });
    expect(Object.keys(exp.value.stores).sort()).toEqual([
      'checklistRuns',
      'dailyCounts',
      'deadlines',
      'errors',
      'settings',
      'snapshots',
      'snoozes',
      'vitaleStatus',
    ]);
    expect(await service['data.erase']({})).toEqual({ ok: true, value: null });
    const emptied = await rawDump(factory);
    expect(Object.values(emptied).every((records) => records.length === 0)).toBe(true);
    const imp = await service['data.import']({ text: JSON.stringify(exp.value), mode: 'replace' });
    expect(imp).toMatchObject({ ok: true, value: { mode: 'replace', counts: { snapshots: 2, settings: 1, errors: 1 } } });
    const after = await rawDump(factory);
    const noIds = (rs: unknown[]) => rs.map((r) => ({ ...(r as object), id: undefined }));
    expect(after['snapshots']).toEqual(before['snapshots']);
    expect(after['settings']).toEqual(before['settings']);
    expect(noIds(after['errors']!)).toEqual(noIds(before['errors']!));
  });

  it('merge keeps local records, the file wins for the same key, errors are not duplicated', async () => {
    const { service, factory } = await populated();
    const exp = await service['data.export']({});
    if (!exp.ok) throw new Error();
    const text = file({
      snapshots: [
        snap('rosp.grippe', '2026-11-01', 99, { capturedAt: '2026-11-28T09:00:00.000Z' }),
        snap('rosp.hpv', '2026-11-01', 5, { capturedAt: '2026-11-28T09:00:00.000Z' }),
      ],
      errors: exp.value.stores.errors,
    });
    const r = await service['data.import']({ text, mode: 'merge' });
    expect(r).toMatchObject({ ok: true, value: { counts: { snapshots: 2, errors: 0 } } });
    const dump = await rawDump(factory);
    const vals = (dump['snapshots'] as { indicatorId: string; asOf: string; value: number }[]).map((s) => `${s.indicatorId}@${s.asOf}=${s.value}`);
    expect(vals).toEqual(['rosp.grippe@2026-10-01=40', 'rosp.grippe@2026-11-01=99', 'rosp.hpv@2026-11-01=5']);
    expect(dump['errors']).toHaveLength(1);
    expect(dump['settings']).toHaveLength(1);
  });

  it('drops from an older export the tiles stored under their page label (autre.*)', async () => {
    const { service, factory } = makeService();
    const v2 = JSON.stringify({
      format: EXPORT_FORMAT,
      schemaVersion: 2,
      exportedAt: '2026-06-01T00:00:00.000Z',
      stores: {
        snapshots: [
          {
            indicatorId: 'autre.jean-dupont-ne-le-12-05-1985',
            value: 1,
            target: null,
            asOf: '2026-06-01',
            capturedAt: '2026-06-02T00:00:00.000Z',
            pageType: 'convention-medecin',
          },
          {
            indicatorId: 'donum.socle.logiciel',
            value: 1,
            target: 1,
            asOf: '2026-06-01',
            capturedAt: '2026-06-02T00:00:00.000Z',
            pageType: 'convention-medecin',
          },
        ],
      },
    });
    expect(await service['data.import']({ text: v2, mode: 'merge' })).toMatchObject({ ok: true });
    const dump = await rawDump(factory);
    expect(dump['snapshots']).toEqual([expect.objectContaining({ indicatorId: 'donum.socle.logiciel' })]);
    expect(JSON.stringify(dump)).not.toMatch(/dupont/i);
  });

  it('imports an export of an older schema version (v1 field names)', async () => {
    const { service, factory } = makeService();
    const v1 = JSON.stringify({
      format: EXPORT_FORMAT,
      schemaVersion: 1,
      exportedAt: '2026-02-01T00:00:00.000Z',
      stores: {
        settings: [{ id: 'settings', profession: 'pharmacien', specialty: null, departement: '13', referenceDate: null, disabledFeatures: [] }],
        snapshots: [{ id: 3, indicatorId: 'rosp.x', value: 1, target: null, date: '2026-01-01', capturedAt: '2026-01-02T00:00:00.000Z', pageType: 'home' }],
      },
    });
    expect(await service['data.import']({ text: v1, mode: 'merge' })).toMatchObject({ ok: true, value: { schemaVersion: 1 } });
    const dump = await rawDump(factory);
    expect(dump['snapshots']).toEqual([expect.objectContaining({ indicatorId: 'rosp.x', asOf: '2026-01-01' })]);
    expect(dump['settings']).toEqual([expect.objectContaining({ lang: 'fr', departement: '13' })]);
  });

  const bad: [string, string, Record<string, unknown>][] = [
    ['not JSON', '{"format": "compagnon', { code: 'not-json' }],
    ['JSON but not an export', JSON.stringify({ hello: 1 }), { code: 'format', path: 'format' }],
    ['a newer schema version', file({}, { schemaVersion: CURRENT_VERSION + 1 }), { code: 'newer-version', path: 'schemaVersion' }],
    ['a broken schema version', file({}, { schemaVersion: '2' }), { code: 'format', path: 'schemaVersion' }],
    ['an unknown store', file({ patients: [] }), { code: 'invalid', path: 'stores.patients' }],
    ['a store that is not a list', file({ snapshots: {} }), { code: 'invalid', path: 'stores.snapshots' }],
    [
      'a wrong record, named by its path',
      file({
        snapshots: [
          snap('a', '2026-01-01', 1, { capturedAt: '2026-01-02T00:00:00.000Z' }),
          snap('b', '2026-01-01', 'beaucoup' as never, { capturedAt: '2026-01-02T00:00:00.000Z' }),
        ],
      }),
      { code: 'invalid', path: 'stores.snapshots[1].value' },
    ],
    ['two settings records', file({ settings: [{}, {}] }), { code: 'invalid', path: 'stores.settings' }],
    ['a file over 5 MB', file({}, { padding: 'x'.repeat(IMPORT_MAX_BYTES) }), { code: 'too-big' }],
  ];
  for (const [what, text, error] of bad) {
    it(`refuses ${what}, says why, and changes nothing`, async () => {
      const { service, factory } = await populated();
      const before = await rawDump(factory);
      const r = await service['data.import']({ text, mode: 'replace' });
      expect(r).toMatchObject({ ok: false, error });
      expect(r.ok ? '' : r.error.message.length).toBeGreaterThan(20);
      expect(await rawDump(factory)).toEqual(before);
    });
  }

  it('refuses an unknown import mode', async () => {
    const { service } = makeService();
    expect(await service['data.import']({ text: file({}), mode: 'overwrite' as never })).toMatchObject({ ok: false, error: { code: 'invalid', path: 'mode' } });
  });

  it('a record that fails validation on read goes to the quarantine, is reported, and never throws', async () => {
    const { service, factory } = await populated();
    // Corrupt a record behind the repositories' back (another version, a manual edit...).
    const { openDB } = await import('idb');
    const prev = globalThis.indexedDB;
    globalThis.indexedDB = factory;
    const db = await openDB('compagnon-amelipro');
    await db.put('snapshots', { ...snap('rosp.grippe', '2026-10-01'), value: 'NaN', capturedAt: 'hier' });
    db.close();
    globalThis.indexedDB = prev;
    const h = await service['snapshot.history']({ indicatorId: 'rosp.grippe' });
    expect(h).toMatchObject({ ok: true, quarantined: 1 });
    expect(h.ok && h.value.map((s) => s.asOf)).toEqual(['2026-11-01']);
    const q = await service['quarantine.list']({});
    expect(q.ok && q.value).toEqual([
      expect.objectContaining({ store: 'snapshots', reason: expect.stringContaining('value'), raw: expect.stringContaining('NaN') }),
    ]);
    expect((await rawDump(factory))['snapshots']).toHaveLength(1);
    expect(await service['quarantine.clear']({})).toEqual({ ok: true, value: null });
    expect(await service['quarantine.list']({})).toEqual({ ok: true, value: [] });
  });
});
