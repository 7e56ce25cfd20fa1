/**
 * Searchable help over the whole rule catalogue (side panel): accent-insensitive, case-insensitive French search
 * on the title, message, source, dates and id of each rule, in both languages.
 */
import type { Text } from '../i18n';
import { formatFr } from '../rules/dates';
import type { Profession } from '../pages/types';
// engine, source and types only: the rules index also exports the zod schemas, which the surfaces never need
import { phaseOf, rules, type RulePhase } from '../rules/engine';
import type { Confidence, Rule } from '../rules/schema';
import { formatSource } from '../rules/source';

/** "Arrêt de travail — Œdème" → "arret de travail oedeme" */
export function normalizeSearch(s: string): string {
  return s
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`]/g, ' ')
    .replace(/[^a-z0-9/.-]+/g, ' ')
    .trim();
}

export interface HelpEntry {
  id: string;
  title: Text;
  message: Text;
  /** The source, by its official title (never a file name). */
  source: Text;
  from: string;
  until?: string;
  transition?: { from: string; until: string; message: Text };
  link: string;
  confidence: Confidence;
  professions: readonly Profession[];
  phase: RulePhase;
  checklist?: Text;
  /** Normalised text searched (built on first use). */
  readonly haystack: string;
  /** Normalised titles, searched first (built on first use). */
  readonly titles: string;
}

export function helpEntry(r: Rule, date: string): HelpEntry {
  const source = formatSource(r.source);
  const dates = [r.from, formatFr(r.from), r.until ?? '', r.until ? formatFr(r.until) : ''].join(' ');
  // The search texts are built on the first search, not when the side panel opens (an empty query needs none).
  let titles: string | undefined;
  let haystack: string | undefined;
  return {
    id: r.id,
    title: r.title,
    message: r.message,
    source,
    from: r.from,
    ...(r.until ? { until: r.until } : {}),
    ...(r.transition ? { transition: r.transition } : {}),
    link: r.link,
    confidence: r.confidence,
    professions: r.professions,
    phase: phaseOf(r, date),
    ...(r.checklist ? { checklist: r.checklist } : {}),
    get titles() {
      return (titles ??= normalizeSearch(`${r.title.fr} ${r.title.en}`));
    },
    get haystack() {
      return (haystack ??= normalizeSearch(
        [
          r.id,
          r.title.fr,
          r.title.en,
          r.message.fr,
          r.message.en,
          source.fr,
          source.en,
          r.source.catalogue,
          dates,
          r.checklist?.fr ?? '',
          r.checklist?.en ?? '',
        ].join(' '),
      ));
    },
  };
}

/** Every rule of the catalogue as a help entry (the help covers ended and upcoming rules too). */
export function helpEntries(date: string): HelpEntry[] {
  return rules.map((r) => helpEntry(r, date));
}

const PHASE_ORDER: Record<RulePhase, number> = { transition: 0, 'in-force': 0, upcoming: 1, ended: 2 };

/**
 * Entries whose text contains every word of the query (accents and case ignored). Title matches first, then rules
 * in force, then upcoming, then ended ones. An empty query returns every entry in that order.
 */
export function searchHelp(entries: readonly HelpEntry[], query: string): HelpEntry[] {
  const words = normalizeSearch(query).split(' ').filter(Boolean);
  const hits = entries.filter((e) => words.every((w) => e.haystack.includes(w)));
  const score = (e: HelpEntry) => (words.length && words.every((w) => e.titles.includes(w)) ? 0 : 10) + PHASE_ORDER[e.phase];
  return hits
    .map((e, i) => ({ e, i, s: score(e) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map((x) => x.e);
}
