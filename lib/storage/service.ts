/**
 * The storage service: every operation of the single owner, by op name, over one connection.
 * Only the background (the owner) creates it in the running extension; tests and the bench create it directly.
 */
import { StorageConnection, type ConnectionOptions } from './db';
import { exportAll, importAll, eraseAll, type ExportFile, type ImportMode, type ImportSummary } from './data';
import type { StorageResult } from './result';
import type { ChecklistRun, DailyCount, Deadline, ErrorEntry, QuarantineEntry, Settings, Snapshot, Snooze, VitaleStatus } from './schema';
import type { StorageContext } from './stores/common';
import { getSettings, saveSettings, type SettingsPatch } from './stores/settings';
import { getHistory, listLatestSnapshots, saveSnapshots, type HistoryQuery, type SnapshotInput } from './stores/snapshots';
import { listChecklistRuns, startChecklistRun, updateChecklistRun, type ChecklistRunChange, type ItemState } from './stores/checklistRuns';
import { listSnoozes, snooze, snoozeForDays, unsnooze } from './stores/snoozes';
import type { SnoozeDays } from './snooze-days';
import { countFinding, listDailyCounts } from './stores/dailyCounts';
import { getVitaleStatus, setVitaleStatus, type VitaleStatusInput } from './stores/vitaleStatus';
import { listErrors, recordError, type ErrorInput } from './stores/errors';
import { listDeadlines, putDeadline } from './stores/deadlines';
import { clearQuarantine, listQuarantine } from './stores/quarantine';
import { todayIso } from '../rules/dates';

/** Input and output of every operation (the message protocol carries exactly these). */
export interface OpTypes {
  'settings.get': { in: Record<string, never>; out: Settings };
  'settings.save': { in: { patch: SettingsPatch }; out: Settings };
  'snapshot.put': { in: { snapshots: SnapshotInput[] }; out: { saved: number } };
  'snapshot.history': { in: HistoryQuery; out: Snapshot[] };
  'snapshot.latest': { in: Record<string, never>; out: Snapshot[] };
  'snooze.set': { in: { ruleId: string; until: string }; out: Snooze };
  /** A page's snooze: one of the overlay's lengths, the end counted here (see snoozeForDays). */
  'snooze.days': { in: { ruleId: string; days: SnoozeDays }; out: Snooze };
  'snooze.clear': { in: { ruleId: string }; out: null };
  'snooze.list': { in: { at?: string }; out: Snooze[] };
  'count.finding': { in: { ruleId: string; date: string; by?: number }; out: DailyCount };
  /** Several findings counted once each, in one message (the content script's start-up sends few messages). */
  'count.findings': { in: { ruleIds: string[]; date: string }; out: DailyCount[] };
  /**
   * What a content script needs to start, in one message: the settings, the snoozes in force and today's local
   * date (computed here: the page's first local-time Date costs the content script about a millisecond).
   */
  'content.start': { in: { at?: string }; out: { settings: Settings; snoozes: Snooze[]; today: string } };
  'count.list': { in: { date?: string; ruleId?: string }; out: DailyCount[] };
  'error.record': { in: ErrorInput; out: ErrorEntry };
  'error.list': { in: Record<string, never>; out: ErrorEntry[] };
  'checklist.start': { in: { checklistId: string; itemIds: string[]; id?: string; itemStates?: Record<string, ItemState> }; out: ChecklistRun };
  'checklist.update': { in: ChecklistRunChange; out: ChecklistRun };
  'checklist.list': { in: { checklistId?: string; limit?: number }; out: ChecklistRun[] };
  'vitale.get': { in: Record<string, never>; out: VitaleStatus | null };
  'vitale.set': { in: VitaleStatusInput; out: VitaleStatus };
  'deadline.list': { in: Record<string, never>; out: Deadline[] };
  /** Written by the background from the data of a «Ma Convention» finding (never by a page). */
  'deadline.put': { in: Deadline; out: Deadline };
  'data.export': { in: Record<string, never>; out: ExportFile };
  'data.import': { in: { text: string; mode: ImportMode }; out: ImportSummary };
  'data.erase': { in: Record<string, never>; out: null };
  'quarantine.list': { in: Record<string, never>; out: QuarantineEntry[] };
  'quarantine.clear': { in: Record<string, never>; out: null };
}
export type OpName = keyof OpTypes;
export type OpInput<K extends OpName> = OpTypes[K]['in'];
export type OpOutput<K extends OpName> = OpTypes[K]['out'];
export type StorageService = { [K in OpName]: (input: OpInput<K>) => Promise<StorageResult<OpOutput<K>>> };

export interface ServiceOptions extends ConnectionOptions {
  /** Called with the entries moved to the quarantine by a read (e.g. to log or badge it). */
  onQuarantine?: StorageContext['onQuarantine'];
  /** Reuse an existing connection instead of opening one. */
  connection?: StorageConnection;
}

export function createStorageService(opts: ServiceOptions = {}): StorageService & { connection: StorageConnection } {
  const connection = opts.connection ?? new StorageConnection(opts);
  const ctx: StorageContext = {
    conn: connection,
    now: opts.now ?? (() => new Date()),
    ...(opts.onQuarantine ? { onQuarantine: opts.onQuarantine } : {}),
  };
  const service: StorageService = {
    'settings.get': () => getSettings(ctx),
    'settings.save': (i) => saveSettings(ctx, i?.patch),
    'snapshot.put': (i) => saveSnapshots(ctx, i?.snapshots),
    'snapshot.history': (i) => getHistory(ctx, i),
    'snapshot.latest': () => listLatestSnapshots(ctx),
    'snooze.set': (i) => snooze(ctx, i),
    'snooze.days': async (i) => {
      const settings = await getSettings(ctx);
      if (!settings.ok) return settings;
      return snoozeForDays(ctx, i, settings.value.referenceDate ?? todayIso(ctx.now()));
    },
    'snooze.clear': (i) => unsnooze(ctx, i),
    'snooze.list': (i) => listSnoozes(ctx, i ?? {}),
    'count.finding': (i) => countFinding(ctx, i),
    'count.findings': async (i) => {
      const counts: DailyCount[] = [];
      for (const ruleId of i.ruleIds) {
        const r = await countFinding(ctx, { ruleId, date: i.date });
        if (!r.ok) return r;
        counts.push(r.value);
      }
      return { ok: true, value: counts };
    },
    'content.start': async (i) => {
      const settings = await getSettings(ctx);
      if (!settings.ok) return settings;
      const snoozes = await listSnoozes(ctx, i ?? {});
      if (!snoozes.ok) return snoozes;
      const quarantined = (settings.quarantined ?? 0) + (snoozes.quarantined ?? 0);
      const today = todayIso(ctx.now());
      return { ok: true, value: { settings: settings.value, snoozes: snoozes.value, today }, ...(quarantined ? { quarantined } : {}) };
    },
    'count.list': (i) => listDailyCounts(ctx, i ?? {}),
    'error.record': (i) => recordError(ctx, i),
    'error.list': () => listErrors(ctx),
    'checklist.start': (i) => startChecklistRun(ctx, i),
    'checklist.update': (i) => updateChecklistRun(ctx, i),
    'checklist.list': (i) => listChecklistRuns(ctx, i ?? {}),
    'vitale.get': () => getVitaleStatus(ctx),
    'vitale.set': (i) => setVitaleStatus(ctx, i),
    'deadline.list': () => listDeadlines(ctx),
    'deadline.put': (i) => putDeadline(ctx, i),
    'data.export': () => exportAll(ctx),
    'data.import': (i) => importAll(ctx, i),
    'data.erase': () => eraseAll(ctx),
    'quarantine.list': () => listQuarantine(ctx),
    'quarantine.clear': () => clearQuarantine(ctx),
  };
  return Object.assign(service, { connection });
}
