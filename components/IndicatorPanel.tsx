/**
 * Side panel: the practitioner's indicators for the year's programmes (latest value against target, progress
 * chart over time from the saved snapshots) and the declaration windows with the days left.
 */
import { useEffect, useState } from 'preact/hooks';
import { tr, type Lang } from '../lib/i18n';
import type { Profession } from '../lib/pages/types';
import type { Programme } from '../lib/indicators/definitions';
import { catalogueDeadlines, indicatorRows, programmeLabel, progressOf, type Deadline, type IndicatorRow } from '../lib/checklist/indicators';
import type { StorageClient } from '../lib/storage/client';
import type { Snapshot } from '../lib/storage/schema';
import { definitionOf } from '../lib/indicators/definitions';
import { ChartLegend, ProgressChart, TargetBar } from './ProgressChart';
import { S, fmtAmount, fmtDate, fmtIndicator, fmtNumber } from './surface-text';
import { PAYMENT_KINDS, type ConventionStakes } from '../lib/indicators/stakes';

export type IndicatorClient = Pick<StorageClient, 'listLatestSnapshots' | 'getHistory'>;

export interface IndicatorPanelProps {
  profession: Profession;
  date: string;
  lang: Lang;
  client: IndicatorClient;
  /** Windows announced by «Ma Convention»: the current tab's and those kept from earlier visits. */
  pageDeadlines?: Deadline[];
  /** Changes when new snapshots may have been saved (reloads). */
  refreshKey?: string | number;
  /** The points and payments the current «Ma Convention» tab shows (from its tab state; never stored). */
  stakes?: ConventionStakes;
}

/**
 * What the current «Ma Convention» page shows of the points acquired and the last payments: as read, or "could not
 * be read" when the page shows a tile or a table the reader could not make out. Nothing when the page shows neither.
 */
export function StakesSummary({ stakes, lang }: { stakes: ConventionStakes | undefined; lang: Lang }) {
  if (!stakes) return null;
  const { points, payments, unreadable = [] } = stakes;
  if (!points && !payments?.length && unreadable.length === 0) return null;
  return (
    <section data-testid="stakes" aria-labelledby="stakes-title">
      <h3 id="stakes-title">{tr(S.stakesTitle, lang)}</h3>
      {points ? (
        <p class="ca-msg" data-testid="points">
          {tr(S.pointsAcquired(fmtNumber(points.acquired), points.max === undefined ? undefined : fmtNumber(points.max)), lang)}
        </p>
      ) : (
        unreadable.includes('points') && (
          <p class="ca-muted" data-testid="points-unreadable">
            {tr(S.pointsUnreadable, lang)}
          </p>
        )
      )}
      {payments?.length ? (
        <>
          <h4>{tr(S.lastPayments, lang)}</h4>
          <ul class="ca-list ca-payments" data-testid="payments">
            {payments.map((p, i) => (
              <li key={`${i}-${p.kind}`} data-amount={p.amount}>
                {tr(PAYMENT_KINDS[p.kind].label, lang)}
                {p.year !== undefined && ` (${p.year})`}
                {p.paidOn && <> · {tr(S.paidOn(fmtDate(p.paidOn)), lang)}</>} · <strong>{fmtAmount(p.amount)}</strong>
              </li>
            ))}
          </ul>
        </>
      ) : (
        unreadable.includes('payments') && (
          <p class="ca-muted" data-testid="payments-unreadable">
            {tr(S.paymentsUnreadable, lang)}
          </p>
        )
      )}
    </section>
  );
}

export function DeadlineList({ deadlines, lang }: { deadlines: Deadline[]; lang: Lang }) {
  if (deadlines.length === 0) return <p class="ca-muted">{tr(S.noDeadline, lang)}</p>;
  return (
    <ul class="ca-list" data-testid="deadlines">
      {deadlines.map((d) => (
        <li key={`${d.origin}-${d.ruleId ?? ''}-${d.closesOn}`} class="ca-finding ca-warning" data-deadline={d.closesOn} data-days={d.days}>
          <strong class="ca-title">{tr(d.title, lang)}</strong>
          <p class="ca-msg">
            {d.state === 'open' ? tr(S.closesIn(fmtDate(d.closesOn), d.days), lang) : tr(S.opensIn(fmtDate(d.opensOn ?? d.closesOn), d.days), lang)}
            {d.declared !== undefined && d.total !== undefined && <> · {tr(S.declaredCount(d.declared, d.total), lang)}</>}
          </p>
          <p class="ca-source">{tr(d.origin === 'page' ? S.fromPortal : S.fromCatalogue, lang)}</p>
        </li>
      ))}
    </ul>
  );
}

/** Yes/no indicators get no chart: a line between "reached" and "not reached" says nothing more. */
const charted = (row: IndicatorRow, history: Snapshot[]) => history.length > 1 && definitionOf(row.id)?.unit !== 'done';
/**
 * A first reading with a target (not yes/no) is drawn against it, until a second reading makes a line. Decided once
 * the history is loaded (`undefined` before), so that a chart of several readings does not first flash as a bar.
 */
const firstReadingBar = (row: IndicatorRow, history: Snapshot[] | undefined) =>
  history !== undefined && history.length <= 1 && row.latest?.target !== null && row.latest?.target !== undefined && definitionOf(row.id)?.unit !== 'done';

function IndicatorItem({ row, history: loaded, lang }: { row: IndicatorRow; history: Snapshot[] | undefined; lang: Lang }) {
  const history = loaded ?? [];
  const s = row.latest;
  const label = tr(row.label, lang);
  const unit = definitionOf(row.id)?.unit;
  const p = s && unit !== 'done' ? progressOf(s) : undefined;
  const safeId = `ind-${row.id.replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <li class="ca-indicator" data-indicator-id={row.id}>
      <h4 id={`${safeId}-h`}>{label}</h4>
      {s ? (
        <>
          <p class="ca-msg" data-testid="latest">
            <strong>{fmtIndicator(s.value, unit, s.target, lang)}</strong>
            {s.target !== null && unit !== 'done' && unit !== 'ratio' && (
              <>
                {' '}
                · {tr(S.target, lang)} : {fmtIndicator(s.target, unit, null, lang)}
              </>
            )}{' '}
            · {tr(S.asOf(fmtDate(s.asOf)), lang)}
          </p>
          {p !== undefined && !firstReadingBar(row, loaded) && (
            <div
              class="ca-bar"
              role="progressbar"
              aria-labelledby={`${safeId}-h`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(p * 100)}
              aria-valuetext={tr(S.ofTarget(fmtNumber(Math.round(p * 100))), lang)}
            >
              <span style={{ width: `${Math.round(p * 100)}%` }} />
              <em>{tr(S.ofTarget(fmtNumber(Math.round(p * 100))), lang)}</em>
            </div>
          )}
          {firstReadingBar(row, loaded) && s.target !== null && unit !== 'done' && (
            <TargetBar id={safeId} label={label} value={s.value} target={s.target} unit={unit} lang={lang} />
          )}
          {charted(row, history) && (
            <ProgressChart
              id={safeId}
              label={label}
              points={history.map((h) => ({ date: h.asOf, value: h.value }))}
              target={s.target}
              lang={lang}
              showLegend={false}
              unit={unit === 'done' ? undefined : unit}
            />
          )}
        </>
      ) : (
        <p class="ca-muted">{tr(S.noValue, lang)}</p>
      )}
    </li>
  );
}

export function IndicatorPanel({ profession, date, lang, client, pageDeadlines = [], refreshKey, stakes }: IndicatorPanelProps) {
  const [latest, setLatest] = useState<Snapshot[] | null>(null);
  const [histories, setHistories] = useState<Record<string, Snapshot[]>>({});

  useEffect(() => {
    let alive = true;
    void (async () => {
      const res = await client.listLatestSnapshots();
      if (!alive) return;
      const snaps = res.ok ? res.value : [];
      setLatest(snaps);
      const rows = indicatorRows(profession, date, snaps).filter((r) => r.latest);
      const pairs = await Promise.all(rows.map(async (r) => [r.id, await client.getHistory(r.id)] as const));
      if (!alive) return;
      setHistories(Object.fromEntries(pairs.map(([id, h]) => [id, h.ok ? h.value : []])));
    })();
    return () => {
      alive = false;
    };
  }, [profession, date, client, refreshKey]);

  const deadlines = [...pageDeadlines, ...catalogueDeadlines(profession, date)];
  const rows = latest ? indicatorRows(profession, date, latest) : [];
  const anyValue = rows.some((r) => r.latest);
  const anyChart = rows.some((r) => r.latest && r.latest.target !== null && charted(r, histories[r.id] ?? []));
  const groups = new Map<Programme, IndicatorRow[]>();
  for (const r of rows) groups.set(r.programme, [...(groups.get(r.programme) ?? []), r]);

  return (
    <div class="ca-indicators">
      <h3>{tr(S.deadlines, lang)}</h3>
      <DeadlineList deadlines={deadlines} lang={lang} />
      <StakesSummary stakes={stakes} lang={lang} />
      {latest === null ? (
        <p class="ca-muted">…</p>
      ) : !anyValue ? (
        <p class="ca-empty" data-testid="indicators-empty">
          {tr(S.indicatorsEmpty, lang)}
        </p>
      ) : (
        [...groups].map(([programme, list]) => (
          <section key={programme} data-programme={programme} aria-label={tr(programmeLabel(programme), lang)}>
            <h3>{tr(programmeLabel(programme), lang)}</h3>
            <ul class="ca-indicator-list">
              {list.map((r) => (
                <IndicatorItem key={r.id} row={r} history={histories[r.id]} lang={lang} />
              ))}
            </ul>
          </section>
        ))
      )}
      {anyChart && <ChartLegend lang={lang} />}
    </div>
  );
}
