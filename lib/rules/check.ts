/**
 * What every check shares: its type, its results, and how it reads the numbers of its rule.
 * A check reads facts and `rule.params`, never the DOM. Missing facts -> 'cannot-check', never 'pass'.
 */
import type { IsoDate } from './dates';
import type { Facts } from './facts';
import type { FindingData } from './finding-data';
import type { Text } from './i18n';
import type { Rule, Severity } from './schema';

export type CheckResult =
  | { status: 'pass' }
  /**
   * `severity` may lower the rule's severity for this case (never raise it). `data` is what the check saw, as
   * values: the engine renders the finding's detail from it (lib/rules/finding-data.ts) and surfaces compute from it
   * (a deadline, a count). A check that has data writes no prose; `detail` is for the checks whose text quotes the
   * prescription line it read, which stays in the page. `echoes: 'page'`: the page itself shows what the finding
   * says, next to it (the portal's declaration block: its close date and count); see `Echo`.
   */
  | ({ status: 'fail'; severity?: Severity; echoes?: Echo } & ({ data: FindingData; detail?: never } | { detail?: Text; data?: never }))
  | { status: 'cannot-check'; reason: Text };

/**
 * `'page'`: the finding only repeats what the page shows. When it is an information, it does not put the overlay in
 * the page by itself (the engine keeps the mark on informations only): it is listed in the toolbar window and the
 * side panel, and in the overlay when the overlay is there for something else.
 */
export const ECHOES = ['page'] as const;
export type Echo = (typeof ECHOES)[number];

export type Check = (facts: Facts, rule: Rule, date: IsoDate) => CheckResult;

export const pass: CheckResult = { status: 'pass' };
export const cannot = (fr: string, en: string): CheckResult => ({ status: 'cannot-check', reason: { fr, en } });
export const fail = (fr: string, en: string): CheckResult => ({ status: 'fail', detail: { fr, en } });
/** A failure said by its data: the engine renders the detail from it. */
export const failWith = (data: FindingData, severity?: Severity): CheckResult => ({ status: 'fail', data, ...(severity ? { severity } : {}) });

/** A number from rule.params; a missing or non-numeric param is a catalogue bug and throws. */
export function numParam(rule: Rule, name: string): number {
  const v = rule.params?.[name];
  if (typeof v !== 'number') throw new Error(`Rule "${rule.id}": params.${name} must be a number`);
  return v;
}

export function listParam(rule: Rule, name: string): string[] {
  const v = rule.params?.[name];
  if (!Array.isArray(v)) throw new Error(`Rule "${rule.id}": params.${name} must be a list`);
  return v;
}

export function strParam(rule: Rule, name: string): string {
  const v = rule.params?.[name];
  if (typeof v !== 'string') throw new Error(`Rule "${rule.id}": params.${name} must be a string`);
  return v;
}
