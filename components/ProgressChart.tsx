/**
 * An indicator's values over time as a small SVG, readable without colour: each reading is labelled with its
 * value, its marker's shape says whether the target was reached (filled square / hollow circle), the target is a
 * labelled dotted line; the same data is given as a table (text alternative) and an aria description.
 */
import { tr, type Lang } from '../lib/i18n';
import { S, fmtDate, fmtIndicator } from './surface-text';
import { BLUE, INK, MUTED, WHITE } from '../lib/colors';

export interface ChartPoint {
  /** YYYY-MM-DD */
  date: string;
  value: number;
}

export interface ProgressChartProps {
  id: string;
  label: string;
  points: readonly ChartPoint[];
  target: number | null;
  lang: Lang;
  width?: number;
  height?: number;
  /** The legend under the chart; a list of charts shows it once instead (ChartLegend). */
  showLegend?: boolean;
  /** Written after each value and the target ("72 %"); a count or a ratio's numerator has none. */
  unit?: '%' | 'count' | 'ratio' | undefined;
}

const PAD = { l: 8, r: 8, t: 16, b: 20 };
/** Column at the right kept for the target's label ("Objectif 60 %" at 10 px), so that it never sits on a reading's value label. */
const TARGET_LABEL_W = 80;

/** What the shapes and the dotted line mean: once per list of charts. */
export function ChartLegend({ lang }: { lang: Lang }) {
  return (
    <p class="ca-muted ca-legend" data-testid="chart-legend">
      {tr(S.legend, lang)}
    </p>
  );
}

export function reachedTarget(value: number, target: number | null): boolean | undefined {
  return target === null ? undefined : value >= target;
}

export function ProgressChart({ id, label, points, target, lang, width = 300, height = 120, showLegend = true, unit }: ProgressChartProps) {
  const fmt = (v: number) => fmtIndicator(v, unit === 'ratio' ? 'count' : unit, null, lang);
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (sorted.length === 0) return null;
  const values = sorted.map((p) => p.value).concat(target === null ? [] : [target]);
  const max = Math.max(...values, 0);
  const min = Math.min(...values, 0);
  const span = max - min || 1;
  const t0 = Date.parse(sorted[0]!.date);
  const t1 = Date.parse(sorted[sorted.length - 1]!.date);
  // the readings stay left of the target's label column
  const right = width - PAD.r - (target === null ? 0 : TARGET_LABEL_W);
  const x = (d: string) => (sorted.length === 1 ? (PAD.l + right) / 2 : PAD.l + ((Date.parse(d) - t0) / (t1 - t0 || 1)) * (right - PAD.l - 24) + 12);
  const y = (v: number) => PAD.t + (1 - (v - min) / span) * (height - PAD.t - PAD.b);
  const first = fmtDate(sorted[0]!.date);
  const last = fmtDate(sorted[sorted.length - 1]!.date);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const desc =
    tr(S.chartDesc(label, sorted.length, first, last), lang) +
    ' ' +
    sorted
      .map((p) => {
        const r = reachedTarget(p.value, target);
        return `${fmtDate(p.date)} : ${fmt(p.value)}${r === undefined ? '' : ` (${tr(r ? S.reached : S.notReached, lang).toLowerCase()})`}`;
      })
      .join(' ; ') +
    (target === null ? '' : `. ${tr(S.target, lang)} : ${fmt(target)}.`);

  return (
    <figure class="ca-chart" data-chart-id={id}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" height={height} role="img" aria-labelledby={titleId} aria-describedby={descId} focusable="false">
        <title id={titleId}>{`${tr(S.history, lang)} — ${label}`}</title>
        <desc id={descId}>{desc}</desc>
        <line x1={PAD.l} x2={width - PAD.r} y1={height - PAD.b} y2={height - PAD.b} stroke={MUTED} stroke-width="1" />
        {target !== null && (
          <g data-target={target}>
            <line x1={PAD.l} x2={right} y1={y(target)} y2={y(target)} stroke={INK} stroke-width="1.5" stroke-dasharray="2 3" />
            <text x={width - PAD.r} y={y(target) + 3} text-anchor="end" font-size="10" fill={INK}>
              {`${tr(S.target, lang)} ${fmt(target)}`}
            </text>
          </g>
        )}
        {sorted.length > 1 && <polyline fill="none" stroke={BLUE} stroke-width="2" points={sorted.map((p) => `${x(p.date)},${y(p.value)}`).join(' ')} />}
        {sorted.map((p) => {
          const r = reachedTarget(p.value, target);
          const cx = x(p.date);
          const cy = y(p.value);
          return (
            <g key={p.date} data-point={p.date} data-reached={r === undefined ? 'unknown' : String(r)}>
              {r === true ? (
                <rect x={cx - 4} y={cy - 4} width="8" height="8" fill={BLUE} stroke={BLUE} />
              ) : (
                <circle cx={cx} cy={cy} r="4" fill={WHITE} stroke={BLUE} stroke-width="2" />
              )}
              <text x={cx} y={cy - 7} text-anchor="middle" font-size="10" fill={INK}>
                {fmt(p.value)}
              </text>
            </g>
          );
        })}
        <text x={PAD.l} y={height - 5} font-size="10" fill={INK}>
          {first}
        </text>
        {sorted.length > 1 && (
          <text x={width - PAD.r} y={height - 5} font-size="10" text-anchor="end" fill={INK}>
            {last}
          </text>
        )}
      </svg>
      {showLegend && target !== null && <figcaption class="ca-muted">{tr(S.legend, lang)}</figcaption>}
      <details class="ca-table">
        <summary>{tr(S.table, lang)}</summary>
        <table>
          <caption class="ca-sr">{`${tr(S.history, lang)} — ${label}`}</caption>
          <thead>
            <tr>
              <th scope="col">{tr(S.date, lang)}</th>
              <th scope="col">{tr(S.value, lang)}</th>
              {target !== null && <th scope="col">{tr(S.target, lang)}</th>}
            </tr>
          </thead>
          <tbody>
            {sorted.map((p) => {
              const r = reachedTarget(p.value, target);
              return (
                <tr key={p.date}>
                  <td>{fmtDate(p.date)}</td>
                  <td>{fmt(p.value)}</td>
                  {target !== null && (
                    <td>
                      {fmt(target)} — {tr(r ? S.reached : S.notReached, lang)}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export interface TargetBarProps {
  id: string;
  label: string;
  value: number;
  target: number;
  /** How the portal writes the value: "72 %", "1/2" (value out of target), "6". Yes/no indicators get no bar. */
  unit: '%' | 'count' | 'ratio' | undefined;
  lang: Lang;
  width?: number;
}

/** Geometry of the target bar (viewBox units): the bar between the value's label above and the target's label below. */
export const TARGET_BAR = { barY: 20, barH: 12, height: 54, font: 13 } as const;

/**
 * A first reading against its target, before there are two readings to draw a line: a bar up to the value, a mark
 * at the target. The value's label sits above the bar and the target's label below it, so they never overlap; both
 * keep the unit. The scale leaves room past the larger of the two, so the mark is never on the edge.
 */
export function TargetBar({ id, label, value, target, unit, lang, width = 300 }: TargetBarProps) {
  const { barY, barH, height, font } = TARGET_BAR;
  const inner = width - PAD.l - PAD.r;
  const max = Math.max(value, target, 0) * 1.15 || 1;
  const x = (v: number) => PAD.l + (Math.min(Math.max(v, 0), max) / max) * inner;
  // a label near an edge is anchored on that edge so that it stays inside the drawing
  const anchor = (px: number) => (px < PAD.l + inner * 0.2 ? 'start' : px > PAD.l + inner * 0.8 ? 'end' : 'middle');
  const valueText = fmtIndicator(value, unit, target, lang);
  const targetValue = fmtIndicator(target, unit === 'ratio' ? 'count' : unit, null, lang);
  const targetText = `${tr(S.target, lang)} ${targetValue}`;
  const reached = reachedTarget(value, target) === true;
  const xv = x(value);
  const xt = x(target);
  return (
    <figure class="ca-chart ca-target-bar" data-chart-id={id} data-readings="1">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        height={height}
        role="img"
        aria-label={tr(S.singleReading(label, valueText, targetValue, tr(reached ? S.reached : S.notReached, lang).toLowerCase()), lang)}
        focusable="false"
      >
        <rect x={PAD.l} y={barY} width={inner} height={barH} fill={WHITE} stroke={MUTED} stroke-width="1" />
        <rect data-bar="value" x={PAD.l} y={barY} width={Math.max(0, xv - PAD.l)} height={barH} fill={BLUE} />
        <line data-bar="target" x1={xt} x2={xt} y1={barY - 4} y2={barY + barH + 4} stroke={INK} stroke-width="2" stroke-dasharray="3 2" />
        <text data-label="value" x={xv} y={barY - 6} text-anchor={anchor(xv)} font-size={font} fill={INK}>
          {valueText}
        </text>
        <text data-label="target" x={xt} y={barY + barH + 4 + font} text-anchor={anchor(xt)} font-size={font} fill={INK}>
          {targetText}
        </text>
      </svg>
    </figure>
  );
}
