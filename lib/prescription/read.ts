/**
 * Reading a prescription, line by line: the products named (with the regime of the presentation written, from the
 * lexicon's core), the mentions written in letters or digits, the duration. Facts only, no decision: the rule
 * catalogue's checks decide (check.ts). With the prescription-line checks (reader.ts), this is the reader the content
 * script loads on demand, only on pages with a medicine field (wxt.config.ts builds it apart), so it must not
 * import the rule engine or the catalogue.
 */
import type { Check } from '../rules/check';
import type { Facts } from '../rules/facts';
import type { Profession } from '../pages/types';
import { currentIndex, type ProductClass, type Profile, type Regime } from './lexicon';
import { findProducts, type ProductMatch } from './match';
import { readMentions } from './mentions';
import { foldFr } from './normalize';

export type PrescriptionLineFacts = NonNullable<Facts['prescriptionLine']>;

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

/** One non-empty input line as read: what the checks need (`facts`, absent when the line names no product). */
export interface ReadLine {
  text: string;
  products: PrescriptionProduct[];
  facts?: PrescriptionLineFacts;
}

/** What the content script's on-demand chunk exports (reader.ts, built by wxt.config.ts). */
export interface PrescriptionReader {
  readPrescription: typeof readPrescription;
  prescriptionChecks: Readonly<Record<string, Check>>;
}

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
function lineFacts(text: string, matches: ProductMatch[], profession: Profession): PrescriptionLineFacts {
  const folded = foldFr(text);
  return {
    products: matches.map((p) => ({ name: nameOf(p), profiles: p.profiles.map((x) => ({ ...x })) })),
    mentions: readMentions(
      text,
      matches.flatMap((p) => p.words),
    ),
    says: {
      singleDispensing: /une seule fois/.test(folded),
      pharmacyNamed: /\bpharmaci(?:e|en|enne)\b/.test(folded),
      overlapAllowed: /chevauchement/.test(folded),
    },
    reader: profession === 'pharmacien' ? 'pharmacist' : 'prescriber',
  };
}

function readLine(text: string, profession: Profession): Omit<ReadLine, 'text'> {
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
  return matches.length === 0 ? { products } : { products, facts: lineFacts(analysed, matches, profession) };
}

/** One entry per non-empty input line, in order. Never throws (a line that cannot be read has no facts). */
export function readPrescription(text: string, profession: Profession): ReadLine[] {
  const input = typeof text === 'string' ? text : String(text ?? '');
  const lines: ReadLine[] = [];
  for (const rawLine of input.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    if (rawLine.trim() === '') continue;
    // control characters and HTML tags are not words: blank them out for the analysis, keep the line text;
    // invisible format characters (soft hyphen, zero-width space/joiner, bidi marks, BOM) come with text copied from
    // PDFs or word processors and would split a medicine's name: removed; full-width letters read as plain ones
    const cleaned = rawLine
      .replace(/<[^<>]{0,200}>/g, ' ')
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\p{Cf}/gu, '')
      .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    try {
      lines.push({ ...readLine(cleaned.trim(), profession), text: rawLine.trim() });
    } catch {
      lines.push({ text: rawLine.trim(), products: [] });
    }
  }
  return lines;
}
