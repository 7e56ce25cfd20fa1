/**
 * The "Avant de transmettre" checklist of the popup. Items come from lib/checklist (catalogue + tab findings);
 * a run is saved through the injected storage client (checklist id, item ids and states only) and can be
 * completed or abandoned. A page's checklist is resumed only for the same scope (tab, page, patient: a key the
 * content script makes of a random number and a counter, never of the patient), kept in memory (`memory`, the
 * browser's session storage in the popup); another patient or page starts fresh. Without a scope (the end-of-day
 * list), an unfinished run with the same items is resumed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { tr, type Lang } from '../lib/i18n';
import { needsReview, sameItems, summarize, type ChecklistItem, type ItemState } from '../lib/checklist';
import type { StorageClient } from '../lib/storage/client';
import { newRunId } from '../lib/storage/run-id';
import type { ChecklistRun } from '../lib/storage/schema';
import { UI } from './ui-text';
import { S, fmtDateTime } from './surface-text';

export type ChecklistClient = Pick<StorageClient, 'startChecklistRun' | 'updateChecklistRun' | 'listChecklistRuns'>;

/** Where a page checklist remembers which run belongs to which scope (random ids only). */
export interface ScopeMemory {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

const inMemory = new Map<string, string>();
export const MODULE_MEMORY: ScopeMemory = {
  get: async (key) => inMemory.get(key),
  set: async (key, value) => void inMemory.set(key, value),
};

/** The checklist as plain text (copied to the clipboard), with each item's state and what the tab found. */
export function checklistText(heading: string, items: readonly ChecklistItem[], states: Readonly<Record<string, ItemState>>, lang: Lang): string {
  const mark: Record<ItemState, string> = { done: '[x]', todo: '[ ]', skipped: '[ ]', 'not-applicable': '[–]' };
  const lines = [heading];
  for (const item of items) {
    const state = states[item.id] ?? 'todo';
    lines.push(`${mark[state]} ${tr(item.question, lang)}${state === 'not-applicable' ? ` (${tr(S.notApplicable, lang)})` : ''}`);
    for (const p of item.prefill) {
      lines.push(
        p.kind === 'finding' ? `    ${tr(UI.severity[p.severity], lang)} : ${tr(p.title, lang)}` : `    ${tr(S.notCheckable, lang)} ${tr(p.reason, lang)}`,
      );
    }
  }
  return lines.join('\n');
}

export interface ChecklistProps {
  checklistId: string;
  items: ChecklistItem[];
  client: ChecklistClient;
  lang: Lang;
  /** Address of the side panel's help entry for a rule (opened in a new tab). */
  helpHref?: (ruleId: string) => string;
  /** How many past runs to list. */
  recent?: number;
  /** The page checklist's scope (tab, page, patient): runs are resumed only within it. Absent: no scope. */
  scope?: string | null;
  memory?: ScopeMemory;
  /** The heading of the copied text. */
  heading?: string;
}

const fresh = (items: ChecklistItem[]): Record<string, ItemState> => Object.fromEntries(items.map((i) => [i.id, 'todo' as ItemState]));

export function Checklist({ checklistId, items, client, lang, helpHref, recent = 5, scope, memory = MODULE_MEMORY, heading }: ChecklistProps) {
  const [states, setStates] = useState<Record<string, ItemState>>(() => fresh(items));
  /** The item whose tick waits for confirmation (the tab has a blocking finding on it). */
  const [confirming, setConfirming] = useState<string | null>(null);
  const memoryKey = `checklist:${checklistId}`;
  const [runs, setRuns] = useState<ChecklistRun[]>([]);
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState(false);
  const runId = useRef<string | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const itemKey = items.map((i) => i.id).join('|');

  const loadRuns = async (resume: boolean) => {
    const res = await client.listChecklistRuns({ checklistId, limit: recent + 1 });
    if (!res.ok) {
      setFailed(true);
      return;
    }
    const latest = res.value[0];
    // a page checklist: only the run started for this very scope (same tab, page and patient)
    const ours = scope === undefined || (scope !== null && (await memory.get(memoryKey)) === `${scope} ${latest?.id}`);
    if (resume && ours && latest && latest.status === 'in-progress' && sameItems(latest.itemStates, items)) {
      runId.current = latest.id;
      setStates({ ...latest.itemStates });
      setMessage(tr(S.runResumed, lang));
    }
    setRuns(res.value.filter((r) => r.id !== runId.current).slice(0, recent));
  };

  useEffect(() => {
    runId.current = null;
    setStates(fresh(items));
    setMessage('');
    setConfirming(null);
    void loadRuns(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checklistId, itemKey, scope]);

  /** Runs storage calls one after the other (a start must finish before its updates). */
  const enqueue = (job: () => Promise<void>) => {
    queue.current = queue.current.then(job).catch(() => setFailed(true));
    return queue.current;
  };

  /**
   * Starts the run with its first states. The id is drawn here so that the run and the scope's memory are written
   * at once, in the task of the tick: a popup closed right after the tick that starts a run loses neither.
   */
  const startRun = async (first: Record<string, ItemState>): Promise<string | null> => {
    const id = newRunId();
    const [res] = await Promise.all([
      client.startChecklistRun(
        checklistId,
        items.map((i) => i.id),
        { id, itemStates: first },
      ),
      scope ? memory.set(memoryKey, `${scope} ${id}`) : null,
    ]);
    setFailed(!res.ok);
    if (!res.ok) return null;
    runId.current = id;
    return id;
  };

  const setItem = (id: string, state: ItemState) => {
    setConfirming(null);
    setStates((s) => ({ ...s, [id]: state }));
    setMessage('');
    void enqueue(async () => {
      if (!runId.current) {
        await startRun({ [id]: state });
        return;
      }
      const res = await client.updateChecklistRun(runId.current, { itemStates: { [id]: state } });
      setFailed(!res.ok);
    });
  };

  const finish = (status: 'completed' | 'abandoned') => {
    const snapshot = states;
    void enqueue(async () => {
      const run = runId.current ?? (await startRun(snapshot));
      if (run) {
        const res = await client.updateChecklistRun(run, { itemStates: snapshot, status });
        setFailed(!res.ok);
      }
      runId.current = null;
      setStates(fresh(items));
      setMessage(tr(status === 'completed' ? S.runCompleted : S.runAbandoned, lang));
      await loadRuns(false);
    });
  };

  /** Ticking an item the tab has a blocking finding on asks first. */
  const tick = (item: ChecklistItem, checked: boolean) => {
    if (checked && confirming !== item.id && item.prefill.some((p) => p.kind === 'finding' && p.severity === 'blocking')) {
      setConfirming(item.id);
      return;
    }
    setItem(item.id, checked ? 'done' : 'todo');
  };

  const copy = async () => {
    const text = checklistText(heading ?? tr(S.checklistTitle, lang), items, states, lang);
    try {
      await navigator.clipboard.writeText(text);
      setMessage(tr(S.copied, lang));
    } catch {
      setMessage(tr(S.copyFailed, lang));
    }
  };

  const sum = summarize(states);
  if (items.length === 0) return <p class="ca-muted">{tr(S.checklistEmpty, lang)}</p>;

  return (
    <div class="ca-checklist" data-checklist-id={checklistId}>
      <p class="ca-muted">{tr(S.checklistIntro, lang)}</p>
      <ul class="ca-items">
        {items.map((item) => {
          const state = states[item.id] ?? 'todo';
          const review = needsReview(item);
          const inputId = `chk-${item.id.replace(/[^a-z0-9-]/g, '-')}`;
          const title = tr(item.title, lang);
          return (
            <li
              key={item.id}
              class={`ca-item${review ? ' ca-review' : ''}${state === 'not-applicable' ? ' ca-na' : ''}`}
              data-item-id={item.id}
              data-state={state}
              data-prefill={review ? 'review' : item.prefill.length ? 'cannot-check' : undefined}
            >
              <div class="ca-item-row">
                <input
                  type="checkbox"
                  id={inputId}
                  checked={state === 'done'}
                  disabled={state === 'not-applicable'}
                  onChange={(e) => {
                    const box = e.currentTarget as HTMLInputElement;
                    tick(item, box.checked);
                    box.checked = states[item.id] === 'done';
                  }}
                />
                <label for={inputId}>
                  {review && <span class="ca-tag">{tr(S.toReview, lang)}</span>} {tr(item.question, lang)}
                  {item.toVerify && <span class="ca-muted"> {tr(UI.toVerify, lang)}</span>}
                </label>
              </div>
              {item.prefill.length > 0 && (
                <ul class="ca-prefill">
                  {item.prefill.map((p) =>
                    p.kind === 'finding' ? (
                      <li key={`f-${p.ruleId}`} data-rule-id={p.ruleId}>
                        <span class="ca-sev">{tr(UI.severity[p.severity], lang)}</span> {tr(S.foundOnTab, lang)} <strong>{tr(p.title, lang)}</strong> —{' '}
                        {tr(p.detail ?? p.message, lang)}
                      </li>
                    ) : (
                      <li key={`c-${p.ruleId}`} data-rule-id={p.ruleId}>
                        {tr(S.notCheckable, lang)} {tr(p.reason, lang)}
                      </li>
                    ),
                  )}
                </ul>
              )}
              {confirming === item.id && (
                // biome-ignore lint/a11y/useSemanticElements: a confirmation question and its two buttons, not a form's fieldset
                <div class="ca-confirm" role="group" aria-label={tr(S.confirmTickLabel, lang)}>
                  <p>{tr(S.confirmTick, lang)}</p>
                  <button type="button" class="ca-btn" onClick={() => setItem(item.id, 'done')}>
                    {tr(S.confirmTickYes, lang)}
                  </button>{' '}
                  <button type="button" class="ca-btn secondary" onClick={() => setConfirming(null)}>
                    {tr(S.confirmTickNo, lang)}
                  </button>
                </div>
              )}
              {item.transition && <p class="ca-muted">{tr(item.transition, lang)}</p>}
              <div class="ca-actions">
                <a href={item.link} target="_blank" rel="noopener noreferrer" aria-label={tr(S.learnMoreFor(title), lang)}>
                  {tr(UI.learnMore, lang)}
                </a>
                {helpHref && (
                  <a href={helpHref(item.id)} target="_blank" rel="noopener" aria-label={tr(S.helpFor(title), lang)}>
                    {tr(S.help, lang)}
                  </a>
                )}
                <button
                  type="button"
                  class="ca-link-btn"
                  aria-pressed={state === 'not-applicable'}
                  onClick={() => setItem(item.id, state === 'not-applicable' ? 'todo' : 'not-applicable')}
                >
                  {tr(S.notApplicable, lang)}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <p class="ca-progress" data-testid="checklist-progress">
        {tr(S.progress(sum.done, sum.total - sum.notApplicable), lang)}
      </p>
      <div class="ca-row">
        <button type="button" class="ca-btn" onClick={() => finish('completed')}>
          {tr(S.complete, lang)}
        </button>
        <button type="button" class="ca-btn secondary" onClick={() => finish('abandoned')}>
          {tr(S.abandon, lang)}
        </button>
        <button type="button" class="ca-btn secondary" onClick={() => void copy()}>
          {tr(S.copyList, lang)}
        </button>
      </div>
      <p role="status" class="ca-status-msg" data-testid="checklist-status">
        {message}
        {failed && <span class="ca-bad"> {tr(S.storageDown, lang)}</span>}
      </p>
      <details class="ca-fold">
        <summary>{tr(S.recentRuns, lang)}</summary>
        {runs.length === 0 ? (
          <p class="ca-muted">{tr(S.noRuns, lang)}</p>
        ) : (
          <ul class="ca-runs" data-testid="recent-runs">
            {runs.map((r) => {
              const s = summarize(r.itemStates);
              return (
                <li key={r.id} data-run-status={r.status}>
                  {fmtDateTime(r.completedAt ?? r.abandonedAt ?? r.startedAt)} — {tr(S.runStatus[r.status], lang)} —{' '}
                  {tr(S.progress(s.done, s.total - s.notApplicable), lang)}
                </li>
              );
            })}
          </ul>
        )}
      </details>
    </div>
  );
}
