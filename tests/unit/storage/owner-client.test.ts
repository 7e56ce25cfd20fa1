import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import { registerStorageOwner, type StorageMessageSender } from '../../../lib/storage/owner';
import { createStorageClient, type StorageTransport } from '../../../lib/storage/client';
import { NOW, rawDump, snap } from './helpers';
import { todayIso } from '../../../lib/rules/dates';
import { ask, deliver } from '../helpers/runtime';
import { newRunId } from '../../../lib/storage/run-id';
import { CONTENT_SCRIPT_OPS, MAX_PAGE_SNAPSHOTS, pageSnapshotAsOfRange } from '../../../lib/storage/protocol';

const EXT_ID = fakeBrowser.runtime.id;
const CONTENT: StorageMessageSender = { id: EXT_ID, url: 'https://espacepro.ameli.fr/PortailPS/appmanager/portailps/professionnelsante', tab: { id: 3 } };
const OPTIONS_PAGE: StorageMessageSender = { id: EXT_ID, url: `chrome-extension://${EXT_ID}/options.html` };

/** A transport that delivers through fake-browser's onMessage.trigger, as the real runtime would. */
function triggerTransport(sender: StorageMessageSender, sent: unknown[] = []): StorageTransport {
  return async (request) => {
    sent.push(request);
    return ask(request, sender);
  };
}

describe('storage owner (background) and clients', () => {
  let factory: IDBFactory;
  beforeEach(() => {
    fakeBrowser.reset();
    factory = new IDBFactory();
    registerStorageOwner({ factory, now: () => NOW });
  });

  it('an extension page saves snapshots, settings, snoozes, counts and errors through messages', async () => {
    const client = createStorageClient(triggerTransport(OPTIONS_PAGE));
    expect(await client.saveSnapshots([snap('rosp.grippe', '2026-11-01', 45)])).toEqual({ ok: true, value: { saved: 1 } });
    expect((await client.saveSettings({ lang: 'en' })).ok).toBe(true);
    expect(await client.snooze('aat.duree', new Date('2026-12-01T00:00:00.000Z'))).toEqual({
      ok: true,
      value: { ruleId: 'aat.duree', until: '2026-12-01T00:00:00.000Z' },
    });
    expect(await client.countFinding('aat.duree', '2026-11-28')).toMatchObject({ ok: true, value: { count: 1 } });
    expect((await client.recordError('badge', new TypeError('x is null'))).ok).toBe(true);
    const history = await client.getHistory('rosp.grippe');
    expect(history.ok && history.value).toHaveLength(1);
    const snoozes = await client.listSnoozes();
    expect(snoozes.ok && snoozes.value).toHaveLength(1);
    const run = await client.startChecklistRun('avant-envoi', ['ald']);
    if (!run.ok) throw new Error(run.error.message);
    expect(await client.updateChecklistRun(run.value.id, { status: 'abandoned' })).toMatchObject({ ok: true, value: { status: 'abandoned' } });
    expect(await client.setVitaleStatus({ extension: 'absent', extensionVersion: null, atsam: 'unknown' })).toMatchObject({ ok: true });
    expect(await client.getVitaleStatus()).toMatchObject({ ok: true, value: { extension: 'absent' } });
  });

  it('a checklist run may be started with the id its page drew and the tick that starts it; an id is never reused, and only run ids pass', async () => {
    const client = createStorageClient(triggerTransport(OPTIONS_PAGE));
    const id = newRunId();
    const first = await client.startChecklistRun('avant-envoi', ['ald', 'dates'], { id, itemStates: { ald: 'done', autre: 'done' } });
    expect(first).toMatchObject({ ok: true, value: { id, status: 'in-progress', itemStates: { ald: 'done', dates: 'todo' } } });
    expect(first.ok && Object.keys(first.value.itemStates)).toEqual(['ald', 'dates']);
    const again = await client.startChecklistRun('avant-envoi', ['ald', 'dates'], { id });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const runs = await client.listChecklistRuns({ checklistId: 'avant-envoi' });
    expect(runs.ok && runs.value.map((r) => [r.id, r.itemStates.ald])).toEqual([[id, 'done']]);
    for (const bad of ['run-1234567890123', 'settings', `${id}x`]) {
      expect(await client.startChecklistRun('avant-envoi', ['ald'], { id: bad })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(await client.startChecklistRun('avant-envoi', ['ald'], { itemStates: { ald: 'peut-être' as never } })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });

  it('a content script does what it uses, no more: start, snapshots of catalogue indicators, offered snoozes and their undo, error classes, the carte Vitale status', async () => {
    expect([...CONTENT_SCRIPT_OPS].sort()).toEqual(['content.start', 'error.record', 'snapshot.put', 'snooze.clear', 'snooze.days', 'vitale.set']);
    const page = createStorageClient(triggerTransport(CONTENT));
    const today = todayIso(new Date());
    expect(await page.saveSnapshots([snap('donum.socle.usage-teleservices', today, 45)])).toEqual({ ok: true, value: { saved: 1 } });
    expect(await page.snoozeFor('aat.duree', 7)).toEqual({ ok: true, value: { ruleId: 'aat.duree', until: '2026-12-05T23:59:59.000Z' } });
    expect(await page.recordError('badge', Object.assign(new Error(''), { name: 'TypeError' }))).toMatchObject({
      ok: true,
      value: { name: 'TypeError', message: '' },
    });
    expect(await page.setVitaleStatus({ extension: 'absent', extensionVersion: null, atsam: 'unknown' })).toMatchObject({ ok: true });
    expect(await page.contentStart()).toMatchObject({ ok: true });
    // the overlay's « Annuler » just after a snooze: lifting one only shows more
    expect(await page.snoozeFor('aat.autre', 1)).toMatchObject({ ok: true });
    expect(await page.unsnooze('aat.autre')).toEqual({ ok: true, value: null });
    // everything else is refused, before anything is read or written
    const forbidden = [
      await page.getSettings(),
      await page.saveSettings({ lang: 'en' }),
      await page.snooze('aat.duree', '9999-12-31T23:59:59.000Z'),
      await page.listSnoozes(),
      await page.countFinding('aat.duree', '2026-11-28', 1000),
      await page.countFindings(['aat.duree'], '2026-11-28'),
      await page.listDailyCounts(),
      await page.getHistory('donum.socle.usage-teleservices'),
      await page.listLatestSnapshots(),
      await page.listErrors(),
      await page.startChecklistRun('avant-envoi', ['ald']),
      await page.listChecklistRuns(),
      await page.getVitaleStatus(),
      await page.exportAll(),
    ];
    for (const r of forbidden) expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const dump = await rawDump(factory);
    expect(dump['snoozes']).toHaveLength(1);
    expect(dump['settings'] ?? []).toEqual([]);
    expect(dump['dailyCounts'] ?? []).toEqual([]);
  });

  it("a content script's snooze is 1, 7 or 30 days, counted by the background from the reference date", async () => {
    const page = createStorageClient(triggerTransport(CONTENT));
    for (const days of [0, 2, 365, 3650000, -1, 1.5, '30']) {
      expect(await ask({ type: 'storage', op: 'snooze.days', payload: { ruleId: 'aat.duree', days } }, CONTENT)).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
    }
    expect(await ask({ type: 'storage', op: 'snooze.set', payload: { ruleId: 'aat.duree', until: '9999-12-31T23:59:59.000Z' } }, CONTENT)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const options = createStorageClient(triggerTransport(OPTIONS_PAGE));
    expect(await options.listSnoozes()).toEqual({ ok: true, value: [] });
    await options.saveSettings({ referenceDate: '2026-02-27' });
    expect(await page.snoozeFor('aat.duree', 1)).toMatchObject({ ok: true, value: { until: '2026-02-28T23:59:59.000Z' } });
    expect(await page.snoozeFor('aat.motif', 30)).toMatchObject({ ok: true, value: { until: '2026-03-29T23:59:59.000Z' } });
  });

  it("a content script's error is a class, never a message; its snapshots are the catalogue's, bounded in number and date", async () => {
    expect(
      await ask({ type: 'storage', op: 'error.record', payload: { featureId: 'aat', name: 'TypeError', message: 'Patient jean dupont' } }, CONTENT),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    const page = createStorageClient(triggerTransport(CONTENT));
    const today = todayIso(new Date());
    const refused = [
      [snap('autre.jean-dupont-ne-le-12-05-1985', today)],
      [snap('donum.socle.usage-teleservices', '1990-01-01')],
      [snap('donum.socle.usage-teleservices', '2999-01-01')],
      Array.from({ length: MAX_PAGE_SNAPSHOTS + 1 }, () => snap('donum.socle.usage-teleservices', today)),
    ];
    for (const batch of refused) expect(await page.saveSnapshots(batch)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await createStorageClient(triggerTransport(OPTIONS_PAGE)).listLatestSnapshots()).toEqual({ ok: true, value: [] });
    const { from, to } = pageSnapshotAsOfRange(new Date());
    expect(await page.saveSnapshots([snap('donum.socle.usage-teleservices', from), snap('pharmacien.numerique.dmp', to)])).toMatchObject({
      ok: true,
      value: { saved: 2 },
    });
  });

  it('a content script starts with one message (settings + snoozes in force)', async () => {
    const sent: unknown[] = [];
    const client = createStorageClient(triggerTransport(CONTENT, sent));
    const options = createStorageClient(triggerTransport(OPTIONS_PAGE));
    expect(await options.saveSettings({ profession: 'pharmacien' })).toMatchObject({ ok: true });
    expect(await options.snooze('aat.online-preferred', '2099-01-01T00:00:00.000Z')).toMatchObject({ ok: true });
    expect(await options.snooze('old.rule', '2000-01-01T00:00:00.000Z')).toMatchObject({ ok: true });
    sent.length = 0;
    const start = await client.contentStart();
    expect(sent).toHaveLength(1);
    if (!start.ok) throw new Error(start.error.message);
    expect(start.value.settings.profession).toBe('pharmacien');
    expect(start.value.snoozes.map((z) => z.ruleId)).toEqual(['aat.online-preferred']);
    expect(start.value.today).toBe(todayIso(NOW));
    // (its findings are counted with its tab state, by the background's own client: senders.test.ts)
    const counts = await options.countFindings(['a.rule', 'b.rule', 'a.rule'], '2026-11-28');
    expect(counts).toMatchObject({ ok: true });
    const daily = await options.listDailyCounts({ date: '2026-11-28' });
    expect(daily.ok && Object.fromEntries(daily.value.map((c) => [c.ruleId, c.count]))).toEqual({ 'a.rule': 2, 'b.rule': 1 });
    // bad input is refused whole, nothing counted
    expect(await options.countFindings(['x'.repeat(500)], '2026-11-28')).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('the client sanitises error messages before they leave the page', async () => {
    const sent: unknown[] = [];
    const client = createStorageClient(triggerTransport(CONTENT, sent));
    await client.recordError('bandeau', new Error('Patient DUPONT Jean 1 85 05 75 123 456 78'));
    expect(JSON.stringify(sent)).not.toMatch(/DUPONT|Jean|123 456/);
    expect(JSON.stringify(await rawDump(factory))).not.toMatch(/DUPONT|Jean|123 456/);
  });

  it('content scripts may not export, import, erase or read the quarantine; extension pages may', async () => {
    const page = createStorageClient(triggerTransport(CONTENT));
    for (const r of [await page.exportAll(), await page.eraseAll(), await page.importAll('{}', 'merge'), await page.listQuarantine()]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const options = createStorageClient(triggerTransport(OPTIONS_PAGE));
    expect(await options.exportAll()).toMatchObject({ ok: true, value: { format: 'compagnon-amelipro-export' } });
    expect(await options.eraseAll()).toEqual({ ok: true, value: null });
  });

  it('refuses messages whose sender is not this extension', async () => {
    const stranger = createStorageClient(triggerTransport({ id: 'another-extension', url: 'https://example.org/' }));
    expect(await stranger.saveSnapshots([snap('a', '2026-11-01')])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await createStorageClient(triggerTransport({ url: OPTIONS_PAGE.url })).getSettings()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await rawDump(factory))['snapshots'] ?? []).toEqual([]);
  });

  it('leaves other messages to other listeners, and rejects malformed storage requests', async () => {
    expect(await deliver({ type: 'badge', count: 2 }, OPTIONS_PAGE)).toEqual({ answered: false });
    const bad = await ask({ type: 'storage', op: 'snapshot.drop', payload: {} }, OPTIONS_PAGE);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const bad2 = await ask({ type: 'storage', op: 'count.finding', payload: { ruleId: 3 } }, OPTIONS_PAGE);
    expect(bad2).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('a client whose background does not answer gets a typed "unavailable" error', async () => {
    const dead = createStorageClient(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await dead.getSettings()).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await createStorageClient(async () => undefined).getSettings()).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    // a malformed envelope is refused (the records themselves are validated by the owner before it answers)
    expect(await createStorageClient(async () => ({ nope: 1 })).getSettings()).toMatchObject({ ok: false, error: { code: 'unknown' } });
    expect(await createStorageClient(async () => ({ ok: false, error: { code: 'weird', message: 'x' } })).getSettings()).toMatchObject({
      ok: false,
      error: { code: 'unknown' },
    });
    expect(await createStorageClient(async () => ({ ok: true })).getSettings()).toMatchObject({ ok: false, error: { code: 'unknown' } });
  });

  it("the background's own client calls the owner directly; unregister removes the listener", async () => {
    fakeBrowser.reset();
    const owner = registerStorageOwner({ factory: new IDBFactory(), now: () => NOW });
    expect(await owner.client.countFinding('r', '2026-11-28', 2)).toMatchObject({ ok: true, value: { count: 2 } });
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
    owner.unregister();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });
});

describe('single writer, one choke point (conventions)', () => {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../lib/storage');
  const files = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : []));

  it('only guard.ts (and the frozen migrations) call put/add on a store', () => {
    const offenders = files(dir).filter((f) => !/(guard|migrations)\.ts$/.test(f) && /\.(put|add)\(/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the client (bundled in content scripts) never imports IndexedDB code', () => {
    const src = readFileSync(join(dir, 'client.ts'), 'utf8');
    const valueImports = [...src.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => m[1]);
    // './message' is the zod-free envelope: the validator stays in the background (the owner)
    expect(valueImports.sort()).toEqual(['./message', './privacy', './result', 'wxt/browser']);
    expect(readFileSync(join(dir, 'message.ts'), 'utf8')).not.toMatch(/from 'zod'|indexedDB|openDB|from 'idb'/);
    expect(src).not.toMatch(/indexedDB|openDB|from 'idb'/);
  });
});
