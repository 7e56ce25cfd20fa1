/** `checklistRuns` store: one record per run of a checklist (item states only: no free text). */
import { guardedPut } from '../guard';
import { MESSAGES, StorageFailure, toResult, type StorageResult } from '../result';
import type { ChecklistRun, ITEM_STATES, RUN_STATUSES } from '../schema';
import { newRunId } from '../run-id';
import { nowIso, readResult, readRows, type StorageContext, withWriteTx } from './common';

export type ItemState = (typeof ITEM_STATES)[number];
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * Starts a run. `id` (drawn by the caller with `newRunId`) lets the caller record the run's id without waiting
 * for this write; an id already used is refused, never overwritten. `itemStates` are the first states (the tick
 * that started the run), so that a popup closed right after it loses nothing.
 */
export async function startChecklistRun(
  ctx: StorageContext,
  input: { checklistId: string; itemIds: string[]; id?: string; itemStates?: Record<string, ItemState> },
): Promise<StorageResult<ChecklistRun>> {
  return toResult(async () => {
    const itemIds = Array.isArray(input?.itemIds) ? input.itemIds : [];
    const first = input?.itemStates ?? {};
    const run = {
      id: input?.id ?? newRunId(),
      checklistId: input?.checklistId,
      itemStates: Object.fromEntries(itemIds.map((id) => [id, Object.hasOwn(first, id) ? first[id] : 'todo'])),
      startedAt: nowIso(ctx),
      completedAt: null,
      abandonedAt: null,
      status: 'in-progress',
    };
    const db = await ctx.conn.get();
    return withWriteTx(db, 'checklistRuns', async (tx) => {
      if (await tx.store.get(run.id)) throw new StorageFailure('invalid', 'Ce déroulé de checklist existe déjà : il n’a pas été remplacé.');
      return guardedPut(tx.store, 'checklistRuns', run);
    });
  });
}

export interface ChecklistRunChange {
  id: string;
  itemStates?: Record<string, ItemState>;
  status?: RunStatus;
}

export async function updateChecklistRun(ctx: StorageContext, change: ChecklistRunChange): Promise<StorageResult<ChecklistRun>> {
  return toResult(async () => {
    const db = await ctx.conn.get();
    return withWriteTx(db, 'checklistRuns', async (tx) => {
      const current = typeof change?.id === 'string' ? await tx.store.get(change.id) : undefined;
      if (!current) throw new StorageFailure('not-found', `${MESSAGES.notFound} (déroulé de checklist)`);
      const now = nowIso(ctx);
      const status = change.status ?? current.status;
      const next = {
        ...current,
        itemStates: { ...current.itemStates, ...(change.itemStates ?? {}) },
        status,
        completedAt: status === 'completed' ? (current.completedAt ?? now) : null,
        abandonedAt: status === 'abandoned' ? (current.abandonedAt ?? now) : null,
      };
      return guardedPut(tx.store, 'checklistRuns', next);
    });
  });
}

/** Most recent first. */
export function listChecklistRuns(ctx: StorageContext, q: { checklistId?: string; limit?: number } = {}): Promise<StorageResult<ChecklistRun[]>> {
  return readResult(async () => {
    const { valid, quarantined } = q.checklistId ? await readRows(ctx, 'checklistRuns', q.checklistId, 'byChecklist') : await readRows(ctx, 'checklistRuns');
    valid.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
    return { value: q.limit ? valid.slice(0, q.limit) : valid, quarantined };
  });
}
