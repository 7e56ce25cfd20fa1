/**
 * The rule engine: pure TypeScript, no browser globals. Dates are ISO `YYYY-MM-DD` strings
 * (or Date objects, read in local time); the reference date defaults to today.
 */
import type { PageType, Profession } from '../pages/types';
import { checkFor, type Check } from './checks';
import type { Echo } from './check';
import type { Facts } from './facts';
import { detailOf, type FindingData } from './finding-data';
import type { Text } from './i18n';
import { addDays, asIsoDate, todayIso, type IsoDate } from './dates';
import { rawCatalogue } from './catalogue';
import type { Rule, RuleContext } from './schema';
import { lessSerious, type Severity } from './severity';

/**
 * The catalogue. It is validated with zod (`parseCatalogue`) at build time by wxt.config.ts and in the tests
 * (an invalid or duplicate rule fails both, naming the rule); the schema has no defaults or transforms, so the
 * validated data is the data itself and the shipped code does not carry the validator.
 */
export const rules: readonly Rule[] = Object.freeze(rawCatalogue as Rule[]);

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
  return rules.filter((r) => r.professions.includes(profession) && isInForce(r, d) && (context === undefined || r.contexts.includes(context)));
}

/** How far ahead "bientôt" looks. */
export const UPCOMING_DAYS = 60;

/** Rules starting after `date` and at most UPCOMING_DAYS days later. */
export function upcomingFor({ profession, date, context }: RuleQuery, days = UPCOMING_DAYS): Rule[] {
  const d = asIsoDate(date ?? todayIso());
  const horizon = addDays(d, days);
  return rules.filter((r) => r.professions.includes(profession) && r.from > d && r.from <= horizon && (context === undefined || r.contexts.includes(context)));
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** One rule that failed its check, ready for the UI (both languages; pick one with `t`). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  title: Text;
  message: Text;
  /** What the check saw (e.g. "45 jours (arrêt initial)"), rendered from `data` when the check gave data. */
  detail?: Text;
  /** What the check saw, as values: surfaces compute from this, never from `detail`. */
  data?: FindingData;
  /** An information that only repeats what the page shows (lib/rules/check.ts `Echo`): never set on a warning. */
  echoes?: Echo;
  /** Tolerance period message, when the rule is in its transition. */
  transition?: Text;
  /** Low-confidence rule: show as "à vérifier". */
  toVerify: boolean;
  link: string;
}

/** A rule whose check could not decide, and why: shown as "impossible de vérifier", never as a pass. */
export interface CannotCheck {
  ruleId: string;
  reason: Text;
}

export interface Evaluation {
  findings: Finding[];
  cannotCheck: CannotCheck[];
  /** Rules in force without a check: shown as advice in their contexts. */
  reminders: Rule[];
  /** Rules starting within UPCOMING_DAYS days ("bientôt"). */
  upcoming: Rule[];
}

export interface EvaluationContext {
  /** Where the user is; omitted = every context. */
  page?: PageType | 'prescription' | 'checklist';
  facts?: Facts;
}

export interface EvaluationOptions {
  /** Reference date (ISO or Date); defaults to today. */
  date?: IsoDate | Date;
  profile: { profession: Profession };
  /** Only these rules (a feature's own): the others in force on the page are not checked. */
  only?: readonly string[];
  /**
   * Show the rules as reminders, not checked (the page cannot tell): each one in force for the profession and
   * context becomes an information finding.
   */
  remind?: boolean;
  /** Checks by name beside the page's (the prescription-line checks, which come with the prescription reader). */
  checks?: Readonly<Record<string, Check>>;
}

/** Severity shown on a given day: never blocking during a tolerance period or when confidence is low. */
export function effectiveSeverity(rule: Rule, date: IsoDate | Date = todayIso()): Severity {
  if (rule.severity === 'blocking' && (rule.confidence === 'low' || isInTransition(rule, date))) return 'warning';
  return rule.severity;
}

const checkById = new Map<string, Check>();
for (const r of rules) {
  const c = checkFor(r);
  if (c) checkById.set(r.id, c);
}

/** True when the rule has a check (otherwise it is a reminder): one of the page's, or one it names (a prescription line's). */
export function hasCheck(id: string): boolean {
  return checkById.has(id) || byId.get(id)?.check !== undefined;
}

const CHECK_NOT_LOADED: Text = {
  fr: "La vérification de cette règle n'est pas chargée ici.",
  en: "This rule's check is not loaded here.",
};

/** Evaluate every rule in force for the profession and context (or those of `options.only`) against the facts. */
export function evaluate(context: EvaluationContext, options: EvaluationOptions): Evaluation {
  const date = asIsoDate(options.date ?? todayIso());
  const profession = options.profile.profession;
  const page = context.page === 'unknown' ? undefined : context.page;
  if (context.page === 'unknown') {
    // Not recognised: nothing runs as if it were a known page.
    return { findings: [], cannotCheck: [], reminders: [], upcoming: [] };
  }
  const facts = context.facts ?? {};
  const findings: Finding[] = [];
  const cannotCheck: CannotCheck[] = [];
  const reminders: Rule[] = [];
  const upcoming: Rule[] = [];
  const horizon = addDays(date, UPCOMING_DAYS);

  for (const rule of rules) {
    if (options.only && !options.only.includes(rule.id)) continue;
    if (!rule.professions.includes(profession)) continue;
    if (page !== undefined && !rule.contexts.includes(page)) continue;
    if (rule.from > date) {
      if (rule.from <= horizon) upcoming.push(rule);
      continue;
    }
    if (rule.until !== undefined && date > rule.until) continue;
    if (options.remind) {
      findings.push(findingOf(rule, date, 'info'));
      continue;
    }
    const named = rule.check !== undefined && options.checks && Object.hasOwn(options.checks, rule.check) ? options.checks[rule.check] : undefined;
    const check = checkById.get(rule.id) ?? named;
    if (!check) {
      // a rule that names its check is never a reminder: without that check here, it is not checked, and says so
      if (rule.check !== undefined) cannotCheck.push({ ruleId: rule.id, reason: CHECK_NOT_LOADED });
      else reminders.push(rule);
      continue;
    }
    const result = check(facts, rule, date);
    if (result.status === 'pass') continue;
    if (result.status === 'cannot-check') {
      cannotCheck.push({ ruleId: rule.id, reason: result.reason });
      continue;
    }
    const detail = result.data ? detailOf(result.data, date) : result.detail;
    const severity = lessSerious(effectiveSeverity(rule, date), result.severity);
    const finding = findingOf(rule, date, severity, detail, result.data);
    // only an information may stay out of the page: a warning or a blocking finding is always said there
    findings.push(result.echoes && severity === 'info' ? { ...finding, echoes: result.echoes } : finding);
  }
  return { findings, cannotCheck, reminders, upcoming };
}

function findingOf(rule: Rule, date: IsoDate, severity: Severity, detail?: Text, data?: FindingData): Finding {
  return {
    ruleId: rule.id,
    severity,
    title: rule.title,
    message: rule.message,
    ...(detail ? { detail } : {}),
    ...(data ? { data } : {}),
    ...(isInTransition(rule, date) && rule.transition ? { transition: rule.transition.message } : {}),
    toVerify: rule.confidence === 'low',
    link: rule.link,
  };
}
