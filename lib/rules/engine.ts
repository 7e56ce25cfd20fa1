/**
 * The rule engine: pure TypeScript, no browser globals. Dates are ISO `YYYY-MM-DD` strings
 * (or Date objects, read in local time); the reference date defaults to today.
 */
import type { Profession } from '../pages/types';
import { addDays, asIsoDate, todayIso, type IsoDate } from './dates';
import { rawCatalogue } from './catalogue';
import { parseCatalogue, type Rule, type RuleContext } from './schema';

/** The validated catalogue (validation runs when this module loads: an invalid rule fails the build and the tests). */
export const rules: readonly Rule[] = Object.freeze(parseCatalogue(rawCatalogue));

const byId = new Map(rules.map((r) => [r.id, r]));

/** The rule with this id. Throws if unknown, so that a typo in a caller fails loudly in tests. */
export function getRule(id: string): Rule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`Unknown rule id "${id}"`);
  return rule;
}

/** Like getRule, but undefined when the id is unknown. */
export function findRule(id: string): Rule | undefined {
  return byId.get(id);
}

/** Where a rule stands on a given day. */
export type RulePhase = 'upcoming' | 'transition' | 'in-force' | 'ended';

/** True from `from` to `until` inclusive (transition included: the rule applies, with tolerance). */
export function isInForce(rule: Rule, date: IsoDate | Date = todayIso()): boolean {
  const d = asIsoDate(date);
  return rule.from <= d && (rule.until === undefined || d <= rule.until);
}

/** True during the rule's tolerance period (from and until inclusive). */
export function isInTransition(rule: Rule, date: IsoDate | Date = todayIso()): boolean {
  const d = asIsoDate(date);
  return rule.transition !== undefined && rule.transition.from <= d && d <= rule.transition.until;
}

export function phaseOf(rule: Rule, date: IsoDate | Date = todayIso()): RulePhase {
  const d = asIsoDate(date);
  if (d < rule.from) return 'upcoming';
  if (rule.until !== undefined && d > rule.until) return 'ended';
  return isInTransition(rule, d) ? 'transition' : 'in-force';
}

export interface RuleQuery {
  profession: Profession;
  date?: IsoDate | Date;
  context?: RuleContext;
}

/** Rules in force that day for that profession (and context, when given). */
export function rulesFor({ profession, date, context }: RuleQuery): Rule[] {
  const d = asIsoDate(date ?? todayIso());
  return rules.filter(
    (r) => r.professions.includes(profession) && isInForce(r, d) && (context === undefined || r.contexts.includes(context)),
  );
}

/** How far ahead "bientôt" looks. */
export const UPCOMING_DAYS = 60;

/** Rules starting after `date` and at most UPCOMING_DAYS days later. */
export function upcomingFor({ profession, date, context }: RuleQuery, days = UPCOMING_DAYS): Rule[] {
  const d = asIsoDate(date ?? todayIso());
  const horizon = addDays(d, days);
  return rules.filter(
    (r) =>
      r.professions.includes(profession) &&
      r.from > d &&
      r.from <= horizon &&
      (context === undefined || r.contexts.includes(context)),
  );
}
