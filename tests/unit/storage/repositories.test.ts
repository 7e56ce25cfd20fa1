import { describe, expect, it } from 'vitest';
import { makeService, NOW, rawDump, snap } from './helpers';
import { DEFAULT_SETTINGS } from '../../../lib/storage/defaults';

describe('repositories', () => {
  it('settings: defaults, patch, validation', async () => {
    const { service } = makeService();
    expect(await service['settings.get']({})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    const saved = await service['settings.save']({ patch: { profession: 'pharmacien', departement: '2A', lang: 'en' } });
    expect(saved.ok && saved.value).toMatchObject({ profession: 'pharmacien', departement: '2A', lang: 'en', disabledFeatures: [] });
    const bad = await service['settings.save']({ patch: { departement: '20' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid', path: 'settings.departement' } });
    const unknownField = await service['settings.save']({ patch: { note: 'texte libre' } as never });
    expect(unknownField).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const after = await service['settings.get']({});
    expect(after.ok && after.value.departement).toBe('2A');
  });

  it('snapshots: de-duplicated on (indicatorId, asOf), later capture wins, history ordered', async () => {
    const { service } = makeService();
    await service['snapshot.put']({
      snapshots: [snap('rosp.grippe', '2026-10-01', 40), snap('rosp.grippe', '2026-11-01', 45), snap('rosp.hba1c', '2026-11-01', 70)],
    });
    const again = await service['snapshot.put']({ snapshots: [snap('rosp.grippe', '2026-11-01', 47, { capturedAt: '2026-11-28T11:00:00.000Z' })] });
    expect(again).toEqual({ ok: true, value: { saved: 1 } });
    const older = await service['snapshot.put']({ snapshots: [snap('rosp.grippe', '2026-11-01', 1, { capturedAt: '2026-01-01T00:00:00.000Z' })] });
    expect(older).toEqual({ ok: true, value: { saved: 0 } });
    const h = await service['snapshot.history']({ indicatorId: 'rosp.grippe' });
    expect(h.ok && h.value.map((s) => [s.asOf, s.value])).toEqual([
      ['2026-10-01', 40],
      ['2026-11-01', 47],
    ]);
    const ranged = await service['snapshot.history']({ indicatorId: 'rosp.grippe', from: '2026-10-15' });
    expect(ranged.ok && ranged.value.length).toBe(1);
    const latest = await service['snapshot.latest']({});
    expect(latest.ok && latest.value.map((s) => s.indicatorId)).toEqual(['rosp.grippe', 'rosp.hba1c']);
  });

  it('snapshots: one invalid snapshot refuses the whole batch, naming it', async () => {
    const { service, factory } = makeService();
    await service['snapshot.put']({ snapshots: [snap('kept', '2026-10-01')] });
    const r = await service['snapshot.put']({ snapshots: [snap('a', '2026-11-01'), snap('b', '2026-13-45')] });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid', path: 'snapshots[1].asOf' } });
    expect((await rawDump(factory))['snapshots']).toEqual([expect.objectContaining({ indicatorId: 'kept' })]);
  });

  it('snoozes: active ones listed, expired ones removed', async () => {
    const { service, factory } = makeService();
    await service['snooze.set']({ ruleId: 'aat.duree', until: '2026-12-01T00:00:00.000Z' });
    await service['snooze.set']({ ruleId: 'aat.motif', until: '2026-11-01T00:00:00.000Z' });
    const list = await service['snooze.list']({});
    expect(list.ok && list.value.map((s) => s.ruleId)).toEqual(['aat.duree']);
    expect((await rawDump(factory))['snoozes']).toHaveLength(1);
    await service['snooze.clear']({ ruleId: 'aat.duree' });
    expect(await service['snooze.list']({})).toEqual({ ok: true, value: [] });
  });

  it('dailyCounts: increments per (date, rule), listed by date or rule', async () => {
    const { service } = makeService();
    await service['count.finding']({ ruleId: 'r1', date: '2026-11-28' });
    await service['count.finding']({ ruleId: 'r1', date: '2026-11-28', by: 2 });
    await service['count.finding']({ ruleId: 'r1', date: '2026-11-27' });
    await service['count.finding']({ ruleId: 'r2', date: '2026-11-28' });
    const day = await service['count.list']({ date: '2026-11-28' });
    expect(day.ok && day.value).toEqual([
      { date: '2026-11-28', ruleId: 'r1', count: 3 },
      { date: '2026-11-28', ruleId: 'r2', count: 1 },
    ]);
    const rule = await service['count.list']({ ruleId: 'r1' });
    expect(rule.ok && rule.value.map((c) => c.count).sort()).toEqual([1, 3]);
  });

  it('checklist runs: start, update items, complete; unknown run is not-found', async () => {
    const { service } = makeService();
    const started = await service['checklist.start']({ checklistId: 'avant-teletransmission', itemIds: ['ald', 'dates'] });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.value).toMatchObject({ status: 'in-progress', itemStates: { ald: 'todo', dates: 'todo' }, startedAt: NOW.toISOString() });
    const done = await service['checklist.update']({ id: started.value.id, itemStates: { ald: 'done', dates: 'not-applicable' }, status: 'completed' });
    expect(done.ok && done.value).toMatchObject({ status: 'completed', completedAt: NOW.toISOString(), abandonedAt: null });
    const badState = await service['checklist.update']({ id: started.value.id, itemStates: { ald: 'peut-être' as never } });
    expect(badState).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await service['checklist.update']({ id: 'run-x', status: 'abandoned' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const list = await service['checklist.list']({ checklistId: 'avant-teletransmission' });
    expect(list.ok && list.value).toHaveLength(1);
  });

  it('deadlines: one per Ma Convention page, dates only (no count, no page text)', async () => {
    const { service } = makeService();
    expect(await service['deadline.list']({})).toEqual({ ok: true, value: [] });
    await service['deadline.put']({ page: 'convention-medecin', closesOn: '2027-01-31', seenOn: '2026-12-01' });
    await service['deadline.put']({ page: 'convention-pharmacien', closesOn: '2027-02-15', seenOn: '2026-12-01' });
    await service['deadline.put']({ page: 'convention-medecin', closesOn: '2027-02-07', seenOn: '2026-12-02' });
    const got = await service['deadline.list']({});
    expect(got.ok && got.value).toEqual([
      { page: 'convention-medecin', closesOn: '2027-02-07', seenOn: '2026-12-02' },
      { page: 'convention-pharmacien', closesOn: '2027-02-15', seenOn: '2026-12-01' },
    ]);
    for (const bad of [
      { page: 'convention-medecin', closesOn: '2027-02-07', seenOn: '2026-12-02', declared: 1 },
      { page: 'convention-medecin', closesOn: 'clôture le 07/02/2027', seenOn: '2026-12-02' },
      { page: 'aat', closesOn: '2027-02-07', seenOn: '2026-12-02' },
    ]) {
      expect(await service['deadline.put'](bad as never)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
  });

  it('vitale status: get null, set, get', async () => {
    const { service } = makeService();
    expect(await service['vitale.get']({})).toEqual({ ok: true, value: null });
    await service['vitale.set']({ extension: 'present', extensionVersion: '3.2.1', atsam: 'ok' });
    const got = await service['vitale.get']({});
    expect(got.ok && got.value).toEqual({ id: 'vitale', extension: 'present', extensionVersion: '3.2.1', atsam: 'ok', checkedAt: NOW.toISOString() });
  });

  it('errors: sanitised, and only the newest 200 kept', async () => {
    const { service } = makeService();
    for (let i = 0; i < 205; i++) await service['error.record']({ featureId: 'badge', name: 'TypeError', message: `échec ${i}` });
    const list = await service['error.list']({});
    expect(list.ok && list.value).toHaveLength(200);
    expect(list.ok && list.value[0]!.message).toBe('échec 5');
  });
});

describe('generated ids', () => {
  it('checklist run ids never look like patient data', async () => {
    const { newRunId } = await import('../../../lib/storage/run-id');
    const { findPatientData } = await import('../../../lib/storage/privacy');
    for (let i = 0; i < 2000; i++) expect(findPatientData(newRunId())).toBeNull();
  });
});
