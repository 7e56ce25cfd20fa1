/**
 * What content scripts and extension pages call. Every call is a message to the single owner (background);
 * the transport is injectable so tests (and the background itself) can call the owner directly.
 * Functions never throw: they resolve to `{ ok: true, value }` or `{ ok: false, error: { code, message } }`.
 */
import { browser } from 'wxt/browser';
import { readStorageResponse, STORAGE_MESSAGE_TYPE, type SnoozeDays, type StorageRequest } from './message';
import { sanitizeErrorMessage } from './privacy';
import { MESSAGES, type StorageResult } from './result';
import type { OpInput, OpName, OpOutput } from './service';
import type { SettingsPatch } from './stores/settings';
import type { SnapshotInput } from './stores/snapshots';
import type { ChecklistRunChange } from './stores/checklistRuns';
import type { VitaleStatusInput } from './stores/vitaleStatus';
import type { ImportMode } from './data';

export type StorageTransport = (request: StorageRequest) => Promise<unknown>;

/** The default: `browser.runtime.sendMessage` to the background. */
export const runtimeTransport: StorageTransport = (request) => browser.runtime.sendMessage(request) as Promise<unknown>;

export interface StorageClient {
  getSettings(): Promise<StorageResult<OpOutput<'settings.get'>>>;
  saveSettings(patch: SettingsPatch): Promise<StorageResult<OpOutput<'settings.save'>>>;
  saveSnapshots(snapshots: SnapshotInput[]): Promise<StorageResult<OpOutput<'snapshot.put'>>>;
  getHistory(indicatorId: string, range?: { from?: string; to?: string }): Promise<StorageResult<OpOutput<'snapshot.history'>>>;
  listLatestSnapshots(): Promise<StorageResult<OpOutput<'snapshot.latest'>>>;
  snooze(ruleId: string, until: string | Date): Promise<StorageResult<OpOutput<'snooze.set'>>>;
  /** From a page's overlay: one of the offered lengths; the background counts the end. */
  snoozeFor(ruleId: string, days: SnoozeDays): Promise<StorageResult<OpOutput<'snooze.days'>>>;
  unsnooze(ruleId: string): Promise<StorageResult<null>>;
  listSnoozes(at?: string | Date): Promise<StorageResult<OpOutput<'snooze.list'>>>;
  countFinding(ruleId: string, date: string, by?: number): Promise<StorageResult<OpOutput<'count.finding'>>>;
  countFindings(ruleIds: string[], date: string): Promise<StorageResult<OpOutput<'count.findings'>>>;
  /** The settings and the snoozes in force at `at`, in one message. */
  contentStart(at?: string | Date): Promise<StorageResult<OpOutput<'content.start'>>>;
  listDailyCounts(q?: { date?: string; ruleId?: string }): Promise<StorageResult<OpOutput<'count.list'>>>;
  /** Accepts an Error (or anything thrown); its message is sanitised here and again by the owner. */
  recordError(featureId: string, error: unknown): Promise<StorageResult<OpOutput<'error.record'>>>;
  listErrors(): Promise<StorageResult<OpOutput<'error.list'>>>;
  /** `first`: the run's id, drawn by the caller (`newRunId`), and the states of the tick that starts it. */
  startChecklistRun(
    checklistId: string,
    itemIds: string[],
    first?: Pick<OpInput<'checklist.start'>, 'id' | 'itemStates'>,
  ): Promise<StorageResult<OpOutput<'checklist.start'>>>;
  updateChecklistRun(id: string, change: Omit<ChecklistRunChange, 'id'>): Promise<StorageResult<OpOutput<'checklist.update'>>>;
  listChecklistRuns(q?: { checklistId?: string; limit?: number }): Promise<StorageResult<OpOutput<'checklist.list'>>>;
  getVitaleStatus(): Promise<StorageResult<OpOutput<'vitale.get'>>>;
  setVitaleStatus(status: VitaleStatusInput): Promise<StorageResult<OpOutput<'vitale.set'>>>;
  listDeadlines(): Promise<StorageResult<OpOutput<'deadline.list'>>>;
  putDeadline(deadline: OpInput<'deadline.put'>): Promise<StorageResult<OpOutput<'deadline.put'>>>;
  exportAll(): Promise<StorageResult<OpOutput<'data.export'>>>;
  importAll(text: string, mode: ImportMode): Promise<StorageResult<OpOutput<'data.import'>>>;
  eraseAll(): Promise<StorageResult<null>>;
  listQuarantine(): Promise<StorageResult<OpOutput<'quarantine.list'>>>;
  clearQuarantine(): Promise<StorageResult<null>>;
}

const iso = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString());

function errorParts(error: unknown): { name?: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: sanitizeErrorMessage(error.message) };
  return { message: sanitizeErrorMessage(typeof error === 'string' ? error : 'Erreur non décrite') };
}

export function createStorageClient(transport: StorageTransport = runtimeTransport): StorageClient {
  async function call<K extends OpName>(op: K, payload: OpInput<K>): Promise<StorageResult<OpOutput<K>>> {
    let raw: unknown;
    try {
      raw = await transport({ type: STORAGE_MESSAGE_TYPE, op, payload } as StorageRequest);
    } catch {
      return { ok: false, error: { code: 'unavailable', message: MESSAGES.unavailable } };
    }
    if (raw === undefined) return { ok: false, error: { code: 'unavailable', message: MESSAGES.unavailable } };
    // The owner validated the records with zod before answering; here only the envelope is checked.
    const res = readStorageResponse(raw);
    if (!res) return { ok: false, error: { code: 'unknown', message: 'Réponse du stockage illisible.' } };
    return res as StorageResult<OpOutput<K>>;
  }
  return {
    getSettings: () => call('settings.get', {}),
    saveSettings: (patch) => call('settings.save', { patch }),
    saveSnapshots: (snapshots) => call('snapshot.put', { snapshots }),
    getHistory: (indicatorId, range = {}) => call('snapshot.history', { indicatorId, ...range }),
    listLatestSnapshots: () => call('snapshot.latest', {}),
    snooze: (ruleId, until) => call('snooze.set', { ruleId, until: iso(until) }),
    snoozeFor: (ruleId, days) => call('snooze.days', { ruleId, days }),
    unsnooze: (ruleId) => call('snooze.clear', { ruleId }),
    listSnoozes: (at) => call('snooze.list', at === undefined ? {} : { at: iso(at) }),
    countFinding: (ruleId, date, by) => call('count.finding', by === undefined ? { ruleId, date } : { ruleId, date, by }),
    countFindings: (ruleIds, date) => call('count.findings', { ruleIds, date }),
    contentStart: (at) => call('content.start', at === undefined ? {} : { at: iso(at) }),
    listDailyCounts: (q = {}) => call('count.list', q),
    recordError: (featureId, error) => call('error.record', { featureId, ...errorParts(error) }),
    listErrors: () => call('error.list', {}),
    startChecklistRun: (checklistId, itemIds, first = {}) => call('checklist.start', { ...first, checklistId, itemIds }),
    updateChecklistRun: (id, change) => call('checklist.update', { ...change, id }),
    listChecklistRuns: (q = {}) => call('checklist.list', q),
    getVitaleStatus: () => call('vitale.get', {}),
    setVitaleStatus: (status) => call('vitale.set', status),
    listDeadlines: () => call('deadline.list', {}),
    putDeadline: (deadline) => call('deadline.put', deadline),
    exportAll: () => call('data.export', {}),
    importAll: (text, mode) => call('data.import', { text, mode }),
    eraseAll: () => call('data.erase', {}),
    listQuarantine: () => call('quarantine.list', {}),
    clearQuarantine: () => call('quarantine.clear', {}),
  };
}

/** The client every content script and extension page uses: messages to the background owner. */
export const storage: StorageClient = createStorageClient(runtimeTransport);
export const {
  getSettings,
  saveSettings,
  saveSnapshots,
  getHistory,
  listLatestSnapshots,
  snooze,
  unsnooze,
  listSnoozes,
  countFinding,
  listDailyCounts,
  recordError,
  listErrors,
  startChecklistRun,
  updateChecklistRun,
  listChecklistRuns,
  getVitaleStatus,
  setVitaleStatus,
  exportAll,
  importAll,
  eraseAll,
  listQuarantine,
  clearQuarantine,
} = storage;
