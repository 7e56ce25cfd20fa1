/**
 * The catalogue's decision on prescription lines already read (read.ts): each line's facts go through the rules
 * that name a `prescription.*` check (lib/rules), which decide; here only their findings are put in order.
 */
import { evaluate, rules } from '../rules/engine';
import { asIsoDate, isIsoDate, todayIso } from '../rules/dates';
import type { Check } from '../rules/check';
import type { Text } from '../rules/i18n';
import { PROFESSIONS, type Profession } from '../pages/types';
import { foldFr } from './normalize';
import type { PrescriptionProduct, ReadLine } from './read';

export type Severity = 'blocking' | 'warning' | 'info';

export interface PrescriptionFinding {
  ruleId: string;
  severity: Severity;
  /** What the check found on this line, in French (tolerance period appended): the text shown to the user. */
  message: string;
  /** The same in both languages. */
  text: Text;
  /** The rule's title. */
  title: Text;
  link?: string;
  /** Low-confidence rule: shown as "à vérifier". */
  toVerify: boolean;
}

export interface PrescriptionCannotCheck {
  ruleId: string;
  reason: Text;
}

export interface PrescriptionLine {
  text: string;
  products: PrescriptionProduct[];
  findings: PrescriptionFinding[];
  /** Rules that apply to this line but could not be checked (e.g. no duration written for a maximum duration). */
  cannotCheck: PrescriptionCannotCheck[];
  /**
   * The line with every mention written in digits written out in words, when the words can be generated for all of
   * them (French: the prescription is French, whatever the interface's language); absent otherwise.
   */
  inWords?: string;
}

export interface PrescriptionContext {
  /** Prescription date, YYYY-MM-DD (an invalid date falls back to today). */
  date: string;
  /** 'medecin-generaliste' | 'medecin-specialiste' | 'pharmacien'; omitted or unknown = prescriber (GP). */
  profession?: string;
}

export interface PrescriptionResult {
  lines: PrescriptionLine[];
}

/** The catalogue's rules that read a prescription line (they name a `prescription.*` check). */
export const PRESCRIPTION_RULE_IDS: readonly string[] = rules.filter((r) => r.check?.startsWith('prescription.')).map((r) => r.id);

/** The date and profession a check uses: an invalid date is today, an unknown profession a prescriber (GP). */
export function settleContext(context: PrescriptionContext | undefined): { date: string; profession: Profession } {
  const date = context && typeof context.date === 'string' && isIsoDate(context.date) ? asIsoDate(context.date) : todayIso();
  const profession: Profession = (PROFESSIONS as readonly string[]).includes(context?.profession ?? '')
    ? (context!.profession as Profession)
    : 'medecin-generaliste';
  return { date, profession };
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, blocking: 2 };

/** Longest line written out in words (a longer one is not a prescription line: the reader analyses less). */
const MAX_IN_WORDS = 4000;

/**
 * The line folded as the mention reader folds it (foldFr), when every character keeps its place: no combining mark
 * or ligature that would shift the places of the mentions found in the folded text; otherwise null.
 */
function foldInPlace(text: string): string | null {
  if (text.length > MAX_IN_WORDS || /[\u0300-\u036fœŒ]/.test(text)) return null;
  const folded = foldFr(text);
  return folded.length === text.length ? folded : null;
}

/**
 * The line with its digit mentions replaced by their words (see {@link PrescriptionLine.inWords}). The posology's
 * words say the whole posology (units per intake and intakes): they replace the stretch from its first digit
 * mention to its last.
 */
export function lineInWords(line: string, facts: ReadLine['facts']): string | undefined {
  if (!facts) return undefined;
  const m = facts.mentions;
  const folded = foldInPlace(line);
  if (folded === null) return undefined;
  const spans: Array<{ at: number; end: number; words: string }> = [];
  const place = (texts: readonly string[], words: string | undefined): boolean => {
    if (!words) return false;
    let at = Infinity;
    let end = -1;
    for (const t of texts) {
      const i = folded.indexOf(t);
      if (i < 0) return false;
      at = Math.min(at, i);
      end = Math.max(end, i + t.length);
    }
    if (spans.some((s) => at < s.end && s.at < end)) return false;
    spans.push({ at, end, words });
    return true;
  };
  for (const d of [...m.dosageDigits, ...m.durationDigits]) if (!place([d.text], d.words)) return undefined;
  if (
    m.posologyDigits.length &&
    !place(
      m.posologyDigits.map((d) => d.text),
      m.posologyDigits[0]!.words,
    )
  )
    return undefined;
  if (spans.length === 0) return undefined;
  let out = line;
  for (const s of spans.sort((a, b) => b.at - a.at)) out = out.slice(0, s.at) + s.words + out.slice(s.end);
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function checkLine(line: ReadLine, date: string, profession: Profession, checks: Readonly<Record<string, Check>>): PrescriptionLine {
  if (!line.facts) return { text: line.text, products: line.products, findings: [], cannotCheck: [] };
  const ev = evaluate(
    { page: 'prescription', facts: { prescriptionLine: line.facts } },
    { date, profile: { profession }, only: PRESCRIPTION_RULE_IDS, checks },
  );
  const findings = [...ev.findings]
    .sort((a, b) => RANK[b.severity] - RANK[a.severity])
    .map((f): PrescriptionFinding => {
      const said = f.detail ?? f.message;
      const text = f.transition ? { fr: `${said.fr} ${f.transition.fr}`, en: `${said.en} ${f.transition.en}` } : said;
      return { ruleId: f.ruleId, severity: f.severity, message: text.fr, text, title: f.title, link: f.link, toVerify: f.toVerify };
    });
  const inWords = findings.length ? lineInWords(line.text, line.facts) : undefined;
  return {
    text: line.text,
    products: line.products,
    findings,
    cannotCheck: ev.cannotCheck.map((c) => ({ ruleId: c.ruleId, reason: c.reason })),
    ...(inWords ? { inWords } : {}),
  };
}

/**
 * The catalogue's findings on lines already read, in the same order, with the prescription-line checks
 * (`prescriptionChecks` of lib/rules/checks-prescription.ts, or the same from the content script's reader). Never throws.
 */
export function checkReadLines(lines: readonly ReadLine[], context: PrescriptionContext, checks: Readonly<Record<string, Check>>): PrescriptionResult {
  const { date, profession } = settleContext(context);
  return {
    lines: lines.map((line) => {
      try {
        return checkLine(line, date, profession, checks);
      } catch {
        return { text: line.text, products: line.products, findings: [], cannotCheck: [] };
      }
    }),
  };
}
