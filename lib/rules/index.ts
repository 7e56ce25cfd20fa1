/** Public API of the rule catalogue and engine. */
export {
  rules,
  getRule,
  findRule,
  isInForce,
  isInTransition,
  phaseOf,
  rulesFor,
  upcomingFor,
  evaluate,
  effectiveSeverity,
  hasCheck,
  UPCOMING_DAYS,
} from './engine';
export type { RulePhase, RuleQuery, Finding, CannotCheck, Evaluation, EvaluationContext, EvaluationOptions } from './engine';
export { RuleSchema, parseCatalogue, RULE_CONTEXTS, SEVERITIES, CONFIDENCES, SEED_FILES, OFFICIAL_HOSTS } from './schema';
export { defineRules } from './define';
export type { Rule, RuleInput, RuleContext, Severity, Confidence } from './schema';
export { FactsSchema } from './facts';
export type { Facts } from './facts';
import { checks as pageChecks, checkFor as pageCheckFor, type Check } from './checks';
import { prescriptionChecks } from './checks-prescription';
import type { Rule } from './schema';
/** Every check: those of the page's facts and those of a prescription line. */
export const checks: Readonly<Record<string, Check>> = { ...pageChecks, ...prescriptionChecks };
/** The check of a rule (by its `check` name, else its id), if any, in {@link checks}. */
export function checkFor(rule: Pick<Rule, 'id' | 'check'> | string): Check | undefined {
  const name = typeof rule === 'string' ? rule : (rule.check ?? rule.id);
  return pageCheckFor(name) ?? (Object.hasOwn(prescriptionChecks, name) ? prescriptionChecks[name] : undefined);
}
export { prescriptionChecks };
export type { Check, CheckResult } from './checks';
export { t } from './i18n';
export type { Lang, Text } from './i18n';
export { todayIso, toIsoDate, asIsoDate, isIsoDate, addDays, daysBetween, formatFr, lastDayOfMonths } from './dates';
export type { IsoDate } from './dates';
export { renderRulesMarkdown } from './docs';
export { formatSource } from './source';
