/**
 * What the side panel shows about indicators: which programmes matter for the profession that year, the latest
 * saved value of each against its target, and the declaration deadlines (catalogue windows and, when a
 * «Ma Convention» tab is open, the window the portal announces). Pure.
 */
import type { Text } from '../i18n';
import type { Profession } from '../pages/types';
import { INDICATORS, PROGRAMME_LABELS, definitionOf, type Programme } from '../indicators/definitions';
import { daysBetween } from '../rules/dates';
import { rules } from '../rules/engine';
import type { ShownFinding } from '../features/types';
import type { Snapshot } from '../storage/schema';

export const isDoctor = (p: Profession): boolean => p !== 'pharmacien';

/** Programmes followed by the profession in the year of `date` (DONUM replaced ROSP / forfait structure in 2026). */
export function programmesFor(profession: Profession, date: string): Programme[] {
  if (!isDoctor(profession)) return ['pharmacien-numerique', 'pharmacien-bups'];
  return Number(date.slice(0, 4)) >= 2026 ? ['donum'] : ['rosp', 'forfait-structure'];
}

export const conventionPageOf = (p: Profession) => (isDoctor(p) ? 'convention-medecin' : 'convention-pharmacien');

export interface IndicatorRow {
  id: string;
  label: Text;
  programme: Programme;
  latest?: Snapshot;
}

function labelOf(id: string): Text {
  const def = definitionOf(id);
  if (def) return def.label;
  const words = id.replace(/^autre\./, '').replace(/-/g, ' ');
  const label = words.charAt(0).toUpperCase() + words.slice(1);
  return { fr: label, en: label };
}

/**
 * Known indicators of the year's programmes (with their latest value when saved), then any other indicator read
 * on the profession's «Ma Convention» page (tiles the extension does not know yet, or older programmes).
 */
export function indicatorRows(profession: Profession, date: string, latest: readonly Snapshot[]): IndicatorRow[] {
  const programmes = programmesFor(profession, date);
  const page = conventionPageOf(profession);
  const byId = new Map(latest.map((s) => [s.indicatorId, s]));
  const rows: IndicatorRow[] = INDICATORS.filter((d) => d.professions.includes(profession) && programmes.includes(d.programme)).map((d) => ({
    id: d.id,
    label: d.label,
    programme: d.programme,
    ...(byId.has(d.id) ? { latest: byId.get(d.id)! } : {}),
  }));
  const shown = new Set(rows.map((r) => r.id));
  for (const s of latest) {
    if (shown.has(s.indicatorId) || s.pageType !== page) continue;
    const def = definitionOf(s.indicatorId);
    if (def && !def.professions.includes(profession)) continue;
    rows.push({ id: s.indicatorId, label: labelOf(s.indicatorId), programme: def?.programme ?? 'autre', latest: s });
    shown.add(s.indicatorId);
  }
  return rows;
}

export const programmeLabel = (p: Programme): Text => PROGRAMME_LABELS[p];

/** 0..1 (capped at 1) when there is a target; undefined otherwise. */
export function progressOf(s: Pick<Snapshot, 'value' | 'target'>): number | undefined {
  if (s.target === null || s.target <= 0) return undefined;
  return Math.max(0, Math.min(1, s.value / s.target));
}

export interface Deadline {
  title: Text;
  /** Last day to declare (inclusive). */
  closesOn: string;
  opensOn?: string;
  state: 'open' | 'upcoming';
  /** Days until closing (open) or until opening (upcoming). */
  days: number;
  declared?: number;
  total?: number;
  ruleId?: string;
  origin: 'catalogue' | 'page';
}

/** Declaration windows of the catalogue open on `date`, or opening within `horizon` days. */
export function catalogueDeadlines(profession: Profession, date: string, horizon = 120): Deadline[] {
  const out: Deadline[] = [];
  for (const r of rules) {
    if (!r.id.startsWith('indicators.declaration-window.') || !r.professions.includes(profession) || !r.until) continue;
    if (r.from <= date && date <= r.until) {
      out.push({
        title: r.title,
        closesOn: r.until,
        opensOn: r.from,
        state: 'open',
        days: daysBetween(date, r.until),
        ruleId: r.id,
        origin: 'catalogue',
      });
    } else if (r.from > date && daysBetween(date, r.from) <= horizon) {
      out.push({
        title: r.title,
        closesOn: r.until,
        opensOn: r.from,
        state: 'upcoming',
        days: daysBetween(date, r.from),
        ruleId: r.id,
        origin: 'catalogue',
      });
    }
  }
  return out;
}

export type ConventionPage = 'convention-medecin' | 'convention-pharmacien';

/** Title of the window a «Ma Convention» page announces: the GP's and the pharmacist's are told apart. */
export function pageDeadlineTitle(page: ConventionPage): Text {
  return page === 'convention-medecin'
    ? { fr: 'Déclaration des indicateurs médecin (Ma Convention)', en: 'Doctor indicators declaration (Ma Convention)' }
    : { fr: 'Déclaration des indicateurs pharmacien (Ma Convention)', en: 'Pharmacist indicators declaration (Ma Convention)' };
}

/** The window announced by a «Ma Convention» page, from the data of its `indicators.declaration-open` finding. */
export function deadlineFromFinding(f: Pick<ShownFinding, 'ruleId' | 'data'>, date: string, page: ConventionPage = 'convention-medecin'): Deadline | undefined {
  if (f.ruleId !== 'indicators.declaration-open' || f.data?.kind !== 'declaration' || !f.data.closesOn) return undefined;
  const { closesOn, declared, total } = f.data;
  const days = daysBetween(date, closesOn);
  if (days < 0) return undefined;
  return { title: pageDeadlineTitle(page), closesOn, state: 'open', days, declared, total, ruleId: f.ruleId, origin: 'page' };
}

/** The deadlines kept from «Ma Convention» pages (dates only) still to come on `date`, nearest first. */
export function keptDeadlines(kept: readonly { page: ConventionPage; closesOn: string }[], date: string): Deadline[] {
  return kept
    .map(
      (k): Deadline => ({
        title: pageDeadlineTitle(k.page),
        closesOn: k.closesOn,
        state: 'open',
        days: daysBetween(date, k.closesOn),
        ruleId: 'indicators.declaration-open',
        origin: 'page',
      }),
    )
    .filter((d) => d.days >= 0)
    .sort((a, b) => a.days - b.days);
}

/** Deadlines without repeats (same title and closing day): the first one given wins (the open tab's, with its counts). */
export function uniqueDeadlines(list: readonly Deadline[]): Deadline[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.title.fr}|${d.closesOn}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
