/**
 * The "Avant de transmettre" checklist: built from the rule catalogue (rules with the 'checklist' context and a
 * `checklist` question) for a profession and a reference date, pre-filled from what the current tab already found.
 * Pure: no browser globals. A run stores only the checklist id, item ids (rule ids) and item states.
 */
import type { Text } from '../i18n';
import type { PageType, Profession } from '../pages/types';
import { effectiveSeverity, isInTransition, rulesFor } from '../rules/engine';
import type { Rule } from '../rules/schema';
import { mostSeriousFirst, type Severity } from '../rules/severity';
import { formatSource } from '../rules/source';
import type { CannotCheck, ShownFinding } from '../features/types';

export const CHECKLIST_PREFIX = 'avant-transmission';

/** One checklist per profession, so that runs of a doctor and of a pharmacist never mix. */
export const checklistIdFor = (profession: Profession): string => `${CHECKLIST_PREFIX}.${profession}`;

/** The end-of-day list (billing in the practice software), one per profession too. */
export const endOfDayIdFor = (profession: Profession): string => `fin-de-journee.${profession}`;

/** A question of the end-of-day list (the rule's `checklistWhen`, lib/rules/schema.ts), never of a page's checklist. */
export const isEndOfDay = (rule: Pick<Rule, 'checklistWhen'>): boolean => rule.checklistWhen === 'end-of-day';

/**
 * The secured-prescription regimes' findings (stupéfiants, assimilés, secured form, tramadol/codeine…) all speak
 * about the "ordonnance sécurisée" question, whose rule family is secure-prescription.
 */
const SECURE_REGIMES = ['secure-prescription', 'stupefiants', 'assimiles', 'secure-form'];

/** Why an item is already marked: something the current tab found. */
export type Prefill =
  | { kind: 'finding'; ruleId: string; severity: ShownFinding['severity']; title: Text; message: Text; detail?: Text }
  | { kind: 'cannot-check'; ruleId: string; reason: Text };

export interface ChecklistItem {
  /** The rule id (stable, storable). */
  id: string;
  question: Text;
  title: Text;
  severity: Severity;
  /** Low confidence: shown "à vérifier". */
  toVerify: boolean;
  /** Tolerance period message, when the rule is in its transition. */
  transition?: Text;
  link: string;
  /** The source, by its official title (never a file name). */
  source: Text;
  /** Findings (and checks that could not run) of the current tab that concern this item. */
  prefill: Prefill[];
}

export interface ChecklistInput {
  profession: Profession;
  /**
   * The current tab's page: only the questions of the rules in force on that page (its context), billing
   * reminders left to the end-of-day list. Absent: every checklist question (the side panel's full list).
   */
  page?: PageType;
  /** YYYY-MM-DD */
  date: string;
  findings?: readonly ShownFinding[];
  cannotCheck?: readonly CannotCheck[];
}

const family = (ruleId: string): string => ruleId.split('.')[0]!;

/**
 * The item a tab's finding speaks about: the item of the same rule; a secured-prescription regime's finding
 * (`stupefiants.letters.dosage`, `secure-form.max-duration` …) goes to the "ordonnance sécurisée" item. Nothing
 * else is guessed from a family: the AAT duration finding is not about the paper Cerfa, a billing finding not
 * about another billing question; those are shown apart.
 */
export function relatedItemId(ruleId: string, itemIds: readonly string[]): string | undefined {
  if (itemIds.includes(ruleId)) return ruleId;
  if (!SECURE_REGIMES.includes(family(ruleId))) return undefined;
  const secure = itemIds.filter((id) => family(id) === 'secure-prescription');
  return secure.length === 1 ? secure[0] : undefined;
}

/**
 * A profession's own question replaces the shared one of the same family (the pharmacist's « délivrés seulement
 * sur ordonnance sécurisée » instead of the prescriber's « ordonnance sécurisée »): one question per topic.
 */
function ownQuestionsFirst(selected: Rule[], profession: Profession): Rule[] {
  const own = new Set(selected.filter((r) => r.professions.length === 1 && r.professions[0] === profession).map((r) => family(r.id)));
  return selected.filter((r) => !(r.professions.length > 1 && own.has(family(r.id))));
}

/** The end-of-day list for a profession on a date: the billing questions (see isEndOfDay), not pre-filled. */
export function buildEndOfDayList({ profession, date }: Pick<ChecklistInput, 'profession' | 'date'>): ChecklistItem[] {
  const ids = new Set(
    rulesFor({ profession, date, context: 'checklist' })
      .filter(isEndOfDay)
      .map((r) => r.id),
  );
  return buildChecklist({ profession, date }).filter((i) => ids.has(i.id));
}

/** The checklist for a profession on a date, catalogue order, pre-filled from the current tab's findings. */
export function buildChecklist({ profession, date, page, findings = [], cannotCheck = [] }: ChecklistInput): ChecklistItem[] {
  let selected: Rule[] = rulesFor({ profession, date, context: 'checklist' }).filter((r) => r.checklist !== undefined);
  if (page !== undefined) {
    selected = ownQuestionsFirst(
      selected.filter((r) => (r.contexts as readonly string[]).includes(page) && !isEndOfDay(r)),
      profession,
    );
  }
  const items: ChecklistItem[] = selected.map((r) => ({
    id: r.id,
    question: r.checklist!,
    title: r.title,
    severity: effectiveSeverity(r, date),
    toVerify: r.confidence === 'low',
    ...(isInTransition(r, date) && r.transition ? { transition: r.transition.message } : {}),
    link: r.link,
    source: formatSource(r.source),
    prefill: [],
  }));
  const ids = items.map((i) => i.id);
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const f of findings) {
    const target = relatedItemId(f.ruleId, ids);
    if (!target) continue;
    byId.get(target)!.prefill.push({
      kind: 'finding',
      ruleId: f.ruleId,
      severity: f.severity,
      title: f.title,
      message: f.message,
      ...(f.detail ? { detail: f.detail } : {}),
    });
  }
  for (const c of cannotCheck) {
    if (!c.ruleId || !ids.includes(c.ruleId)) continue;
    byId.get(c.ruleId)!.prefill.push({ kind: 'cannot-check', ruleId: c.ruleId, reason: c.reason });
  }
  for (const item of items)
    item.prefill.sort((a, b) => (a.kind === 'finding' && b.kind === 'finding' ? mostSeriousFirst(a, b) : a.kind === 'finding' ? -1 : 1));
  return items;
}

/** True when the tab found a problem about this item: the practitioner should look before ticking it. */
export const needsReview = (item: ChecklistItem): boolean => item.prefill.some((p) => p.kind === 'finding');

/** Findings of the tab that no checklist item covers (still shown, apart). */
export function uncoveredFindings(items: readonly ChecklistItem[], findings: readonly ShownFinding[]): ShownFinding[] {
  const ids = items.map((i) => i.id);
  return findings.filter((f) => relatedItemId(f.ruleId, ids) === undefined);
}

export type ItemState = 'todo' | 'done' | 'skipped' | 'not-applicable';

export interface RunSummary {
  total: number;
  done: number;
  notApplicable: number;
  todo: number;
}

export function summarize(states: Readonly<Record<string, ItemState>>): RunSummary {
  const values = Object.values(states);
  return {
    total: values.length,
    done: values.filter((s) => s === 'done').length,
    notApplicable: values.filter((s) => s === 'not-applicable').length,
    todo: values.filter((s) => s === 'todo' || s === 'skipped').length,
  };
}

/** A stored in-progress run can be resumed only if it has exactly the items of today's checklist. */
export function sameItems(states: Readonly<Record<string, unknown>>, items: readonly { id: string }[]): boolean {
  const keys = Object.keys(states).sort();
  const ids = items.map((i) => i.id).sort();
  return keys.length === ids.length && keys.every((k, i) => k === ids[i]);
}
