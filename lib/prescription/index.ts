/**
 * Secure-prescription checker: reads a pasted prescription line by line — the products named (with the regime of the
 * presentation written, from the public drug database), the mentions written in letters or digits, the duration —
 * and lets the rule catalogue's checks decide (lib/rules: regimes, dates, limits, severities, messages in French and
 * English). Nothing here decides what a regime requires.
 *
 *   import { checkPrescription, loadLexicon } from '~/lib/prescription';
 *   await loadLexicon();            // optional: adds CIS codes and full product names (lazy chunk)
 *   checkPrescription(text, { date: '2025-03-15', profession: 'medecin-generaliste' });
 */
import { evaluate, rules } from '../rules/engine';
import { asIsoDate, isIsoDate, todayIso } from '../rules/dates';
import type { Facts } from '../rules/facts';
import type { Text } from '../rules/i18n';
import { PROFESSIONS, type Profession } from '../pages/types';
import { currentIndex, loadLexicon, type ProductClass, type Profile, type Regime } from './lexicon';
import { findProducts, type ProductMatch } from './match';
import { readMentions } from './mentions';
import { foldFr } from './normalize';

export { loadLexicon, isLexiconLoaded } from './lexicon';
export type { ProductClass, Regime } from './lexicon';

import type { Severity } from '../rules/severity';

export type { Severity };

export interface PrescriptionProduct {
  label: string;
  cis?: string;
  substances: string[];
  classes: ProductClass[];
  /** The regime of the presentation written; absent when none or when the line does not say which presentation. */
  regime?: Regime;
  /** The regimes of the presentations the line may stand for, when it does not settle one ("Rivotril" alone). */
  possibleRegimes?: Regime[];
}

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

/** Longest line analysed (a prescription line is never this long; the rest of the line is kept in `text`). */
const MAX_ANALYSED = 4000;

function nameOf(p: ProductMatch): string {
  const short = p.label.split(/,\s/)[0]!;
  return p.substances.length && !p.substances.includes(short) ? `${short} (${p.substances.join(', ')})` : short;
}

function regimesOf(profiles: readonly Profile[]): Regime[] {
  return [...new Set(profiles.map((p) => p.regime).filter((r) => r !== undefined))];
}

/** What the line says, as the catalogue's checks read it. */
function lineFacts(text: string, matches: ProductMatch[], profession: Profession): NonNullable<Facts['prescriptionLine']> {
  const folded = foldFr(text);
  return {
    products: matches.map((p) => ({ name: nameOf(p), profiles: p.profiles.map((x) => ({ ...x })) })),
    mentions: readMentions(text, matches.flatMap((p) => p.words)),
    says: {
      singleDispensing: /une seule fois/.test(folded),
      pharmacyNamed: /\bpharmaci(?:e|en|enne)\b/.test(folded),
      overlapAllowed: /chevauchement/.test(folded),
    },
    reader: profession === 'pharmacien' ? 'pharmacist' : 'prescriber',
  };
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, blocking: 2 };

function checkLine(text: string, date: string, profession: Profession): Omit<PrescriptionLine, 'text'> {
  const analysed = text.length > MAX_ANALYSED ? text.slice(0, MAX_ANALYSED) : text;
  const matches = findProducts(analysed, currentIndex());
  const products: PrescriptionProduct[] = matches.map((p) => {
    const regimes = regimesOf(p.profiles);
    const settled = p.profiles.length === 1 || (regimes.length === 1 && p.profiles.every((x) => x.regime === regimes[0]));
    return {
      label: p.label,
      ...(p.cis ? { cis: p.cis } : {}),
      substances: p.substances,
      classes: p.classes,
      ...(settled && regimes[0] ? { regime: regimes[0] } : {}),
      ...(!settled && regimes.length > 0 ? { possibleRegimes: regimes } : {}),
    };
  });
  if (matches.length === 0) return { products, findings: [], cannotCheck: [] };
  const ev = evaluate(
    { page: 'prescription', facts: { prescriptionLine: lineFacts(analysed, matches, profession) } },
    { date, profile: { profession }, only: PRESCRIPTION_RULE_IDS },
  );
  const findings = [...ev.findings].sort((a, b) => RANK[b.severity] - RANK[a.severity]).map((f): PrescriptionFinding => {
    const said = f.detail ?? f.message;
    const text = f.transition ? { fr: `${said.fr} ${f.transition.fr}`, en: `${said.en} ${f.transition.en}` } : said;
    return { ruleId: f.ruleId, severity: f.severity, message: text.fr, text, title: f.title, link: f.link, toVerify: f.toVerify };
  });
  return { products, findings, cannotCheck: ev.cannotCheck.map((c) => ({ ruleId: c.ruleId, reason: c.reason })) };
}

/** One entry per non-empty input line, in order. Never throws. */
export function checkPrescription(text: string, context: PrescriptionContext): PrescriptionResult {
  const input = typeof text === 'string' ? text : String(text ?? '');
  const date = context && typeof context.date === 'string' && isIsoDate(context.date) ? asIsoDate(context.date) : todayIso();
  const profession: Profession = (PROFESSIONS as readonly string[]).includes(context?.profession ?? '')
    ? (context!.profession as Profession)
    : 'medecin-generaliste';
  const lines: PrescriptionLine[] = [];
  for (const rawLine of input.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    // control characters and HTML tags are not words: blank them out for the analysis, keep the line text
    if (rawLine.trim() === '') continue;
    // invisible format characters (soft hyphen, zero-width space/joiner, bidi marks, BOM) come with text copied from
    // PDFs or word processors and would split a medicine's name: removed; full-width letters read as plain ones
    const cleaned = rawLine
      .replace(/<[^<>]{0,200}>/g, ' ')
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\p{Cf}/gu, '')
      .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    try {
      const line = checkLine(cleaned.trim(), date, profession);
      lines.push({ ...line, text: rawLine.trim() });
    } catch {
      lines.push({ text: rawLine.trim(), products: [], findings: [], cannotCheck: [] });
    }
  }
  return { lines };
}

/** Same as {@link checkPrescription}, after loading the product table (CIS codes and full names). */
export async function checkPrescriptionWithLexicon(text: string, context: PrescriptionContext): Promise<PrescriptionResult> {
  await loadLexicon();
  return checkPrescription(text, context);
}
