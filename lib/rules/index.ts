/** Public API of the rule catalogue and engine. */
export { rules, getRule, findRule, isInForce, isInTransition, phaseOf, rulesFor, upcomingFor, UPCOMING_DAYS } from './engine';
export type { RulePhase, RuleQuery } from './engine';
export { RuleSchema, parseCatalogue, defineRules, RULE_CONTEXTS, SEVERITIES, CONFIDENCES, SEED_FILES, OFFICIAL_HOSTS } from './schema';
export type { Rule, RuleInput, RuleContext, Severity, Confidence } from './schema';
export { t } from './i18n';
export type { Lang, Text } from './i18n';
export { todayIso, toIsoDate, asIsoDate, isIsoDate, addDays, daysBetween, formatFr } from './dates';
export type { IsoDate } from './dates';
