import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBObjectStore as FakeStore } from 'fake-indexeddb';
import { makeService, rawDump, snap } from './helpers';
import { EXPORT_FORMAT } from '../../../lib/storage/data';
import { CURRENT_VERSION } from '../../../lib/storage/migrations';

function quotaOnPut(afterCalls = 0) {
  const original = FakeStore.prototype.put;
  let calls = 0;
  return vi.spyOn(FakeStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (calls++ >= afterCalls) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.apply(this, args);
  });
}

afterEach(() => vi.restoreAllMocks());

describe('quota exceeded', () => {
  it('answers a clear French "quota" error and keeps everything saved before', async () => {
    const { service, factory } = makeService();
    await service['snapshot.put']({ snapshots: [snap('a', '2026-10-01'), snap('a', '2026-11-01')] });
    quotaOnPut(1); // the second put of the next batch fails: the whole batch is rolled back
    const r = await service['snapshot.put']({ snapshots: [snap('b', '2026-10-01'), snap('b', '2026-11-01')] });
    expect(r).toEqual({ ok: false, error: { code: 'quota', message: expect.stringMatching(/espace de stockage du navigateur est plein.*conservé/s) } });
    vi.restoreAllMocks();
    const dump = await rawDump(factory);
    expect((dump['snapshots'] as { indicatorId: string }[]).map((s) => s.indicatorId)).toEqual(['a', 'a']);
  });

  it('on every kind of write (settings, counters, errors), never throwing', async () => {
    const { service } = makeService();
    await service['settings.save']({ patch: { lang: 'en' } });
    quotaOnPut();
    for (const r of [
      await service['settings.save']({ patch: { lang: 'fr' } }),
      await service['count.finding']({ ruleId: 'r', date: '2026-11-28' }),
      await service['error.record']({ featureId: 'f', message: 'm' }),
      await service['snooze.set']({ ruleId: 'r', until: '2026-12-01T00:00:00Z' }),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'quota' } });
    }
    vi.restoreAllMocks();
    const s = await service['settings.get']({});
    expect(s.ok && s.value.lang).toBe('en');
  });

  it('an import in "replace" mode that hits the quota leaves the previous data intact', async () => {
    const { service, factory } = makeService();
    await service['snapshot.put']({ snapshots: [snap('before', '2026-10-01')] });
    const before = await rawDump(factory);
    const file = {
      format: EXPORT_FORMAT,
      schemaVersion: CURRENT_VERSION,
      exportedAt: '2026-11-28T10:00:00.000Z',
      stores: {
        snapshots: [snap('x', '2026-10-01', 1, { capturedAt: '2026-10-02T00:00:00Z' }), snap('y', '2026-10-01', 1, { capturedAt: '2026-10-02T00:00:00Z' })],
      },
    };
    quotaOnPut(1);
    const r = await service['data.import']({ text: JSON.stringify(file), mode: 'replace' });
    expect(r).toMatchObject({ ok: false, error: { code: 'quota' } });
    vi.restoreAllMocks();
    expect(await rawDump(factory)).toEqual(before);
  });
});
