/**
 * Secure-prescription checker: reads a pasted prescription line by line, recognises tramadol / codeine /
 * dihydrocodeine medicines, stupéfiants and GLP-1 analogues, and says — per line, in French — what is missing for
 * the rules in force on the prescription date (rule catalogue in lib/rules: dates, severity, link and source).
 *
 *   import { checkPrescription, loadLexicon } from '~/lib/prescription';
 *   await loadLexicon();            // optional: adds CIS codes and full product names (lazy chunk)
 *   checkPrescription(text, { date: '2025-03-15', profession: 'medecin-generaliste' });
 */
import { findRule, isInForce, isInTransition } from '../rules/engine';
import { asIsoDate, isIsoDate, todayIso } from '../rules/dates';
import type { Rule } from '../rules/schema';
import { effectiveSeverity } from '../rules/engine';
import { CLASS_BIT, FLAG_AGLP1_FORM, currentIndex, loadLexicon, type ProductClass } from './lexicon';
import { findProducts, type ProductMatch } from './match';
import { readMentions, type Mentions } from './mentions';
import { toFrenchWords } from './numbers';

export { loadLexicon, isLexiconLoaded } from './lexicon';
export type { ProductClass } from './lexicon';

export type Severity = 'blocking' | 'warning' | 'info';

export interface PrescriptionProduct {
  label: string;
  cis?: string;
  substances: string[];
  classes: ProductClass[];
}

export interface PrescriptionFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  link?: string;
}

export interface PrescriptionLine {
  text: string;
  products: PrescriptionProduct[];
  findings: PrescriptionFinding[];
}

export interface PrescriptionContext {
  /** Prescription date, YYYY-MM-DD (an invalid date falls back to today). */
  date: string;
  /** 'medecin-generaliste' | 'medecin-specialiste' | 'pharmacien' …; omitted = prescriber. */
  profession?: string;
}

export interface PrescriptionResult {
  lines: PrescriptionLine[];
}

export const RULE_IDS = {
  required: 'secure-prescription.required',
  dosage: 'secure-prescription.letters.dosage',
  posology: 'secure-prescription.letters.posology',
  duration: 'secure-prescription.letters.duration',
  maxDuration: 'secure-prescription.max-duration',
  aglp1: 'aglp1.justification-form',
  aglp1Pharmacist: 'aglp1.pharmacist-form-on-file',
} as const;

/** Longest line analysed (a prescription line is never this long; the rest of the line is kept in `text`). */
const MAX_ANALYSED = 4000;

function ruleInForce(id: string, date: string): Rule | undefined {
  const rule = findRule(id);
  return rule && isInForce(rule, date) ? rule : undefined;
}

function finding(rule: Rule, date: string, message: string): PrescriptionFinding {
  const tolerance = isInTransition(rule, date) && rule.transition ? ` ${rule.transition.message.fr}` : '';
  return { ruleId: rule.id, severity: effectiveSeverity(rule, date), message: message + tolerance, link: rule.link };
}

const quote = (s: string) => `« ${s} »`;

function nameOf(p: ProductMatch): string {
  const short = p.label.split(/,\s/)[0]!;
  return p.substances.length && !p.substances.includes(short) ? `${short} (${p.substances.join(', ')})` : short;
}

/** Limits come in days from the lexicon: weeks ×7, months ×31 (see scripts/build-lexicon.ts). */
function daysText(days: number): string {
  if (days % 7 === 0 && days >= 14) return `${days / 7} semaines (${days} jours)`;
  if (days % 31 === 0) return `${days / 31} mois`;
  return `${days} jours`;
}

function daysInWords(days: number): string {
  if (days % 7 === 0 && days >= 14) return `${toFrenchWords(days / 7)} semaines`;
  if (days % 31 === 0) return `${toFrenchWords(days / 31)} mois`;
  return `${toFrenchWords(days)} jours`;
}

function checkLine(text: string, date: string, profession: string | undefined): PrescriptionLine {
  const analysed = text.length > MAX_ANALYSED ? text.slice(0, MAX_ANALYSED) : text;
  const matches = findProducts(analysed, currentIndex());
  const products: PrescriptionProduct[] = matches.map((p) => ({
    label: p.label,
    ...(p.cis ? { cis: p.cis } : {}),
    substances: p.substances,
    classes: p.classes,
  }));
  const findings: PrescriptionFinding[] = [];
  const secured = matches.filter((p) => p.mask & (CLASS_BIT['tramadol-codeine'] | CLASS_BIT.stupefiant));

  const pharmacist = profession === 'pharmacien';
  const forPharmacist = pharmacist ? ' Sans cette mention, ne délivrez pas : demandez au prescripteur de la corriger.' : '';
  if (secured.length > 0) {
    const names = secured.map(nameOf).join(', ');
    const isStup = secured.some((p) => p.mask & CLASS_BIT.stupefiant);
    const required = ruleInForce(RULE_IDS.required, date);
    if (required) {
      findings.push(
        finding(
          required,
          date,
          `${names} : ${isStup ? 'médicament stupéfiant ou assimilé' : 'médicament contenant du tramadol, de la codéine ou de la dihydrocodéine'}, ` +
            'prescription sur ordonnance sécurisée obligatoire. ' +
            (pharmacist
              ? "Ne délivrez que sur une ordonnance sécurisée papier (norme NF 280) ou une ordonnance numérique dont votre logiciel lit le QR code ; une ordonnance simple, bizone ou imprimée sans QR code n'est pas valable : orientez vers le prescripteur."
              : "Rédigez cette ligne sur une ordonnance sécurisée papier (norme NF 280, imprimeur agréé AFNOR) ou sur une ordonnance numérique avec QR code ; une ordonnance simple, bizone ou imprimée sans QR code n'est pas valable."),
        ),
      );
    }
    const m: Mentions = readMentions(analysed, secured.flatMap((p) => p.words));
    const dosage = ruleInForce(RULE_IDS.dosage, date);
    if (dosage && !m.dosageInWords) {
      const d = m.dosageDigits[0];
      findings.push(
        finding(
          dosage,
          date,
          d
            ? `Dosage écrit en chiffres seulement (${quote(m.dosageDigits.map((x) => x.text).join(' / '))}) : écrivez-le en toutes lettres, par exemple ${quote(m.dosageDigits.map((x) => x.words).join(' / '))}. Les chiffres du nom du médicament ne comptent pas.${forPharmacist}`
            : `Dosage absent en toutes lettres pour ${names} : écrivez-le en toutes lettres sur la ligne, par exemple ${quote('cinquante milligrammes')}. Le nom commercial seul ne suffit pas.${forPharmacist}`,
        ),
      );
    }
    const posology = ruleInForce(RULE_IDS.posology, date);
    if (posology && !m.posologyInWords) {
      const p = m.posologyDigits[0];
      findings.push(
        finding(
          posology,
          date,
          p
            ? `Posologie écrite en chiffres (${quote(m.posologyDigits.map((x) => x.text).join(' … '))}) : écrivez en toutes lettres le nombre d'unités par prise et le nombre de prises, par exemple ${quote(p.words ?? 'un comprimé trois fois par jour')}.${forPharmacist}`
            : `Posologie absente : écrivez en toutes lettres le nombre d'unités par prise et le nombre de prises, par exemple ${quote('un comprimé trois fois par jour')}.${forPharmacist}`,
        ),
      );
    }
    const duration = ruleInForce(RULE_IDS.duration, date);
    if (duration && !m.durationInWords) {
      const d = m.durationDigits[0];
      findings.push(
        finding(
          duration,
          date,
          d
            ? `Durée du traitement écrite en chiffres (${quote(d.text)}) : écrivez-la en toutes lettres, par exemple ${quote(`pendant ${d.words ?? 'sept jours'}`)}.${forPharmacist}`
            : `Durée du traitement absente : écrivez-la en toutes lettres, par exemple ${quote('pendant sept jours')} ou ${quote('pendant huit semaines')}.${forPharmacist}`,
        ),
      );
    }
    const max = ruleInForce(RULE_IDS.maxDuration, date);
    if (max && m.totalDays !== undefined) {
      const opioid = secured.some((p) => p.mask & CLASS_BIT['tramadol-codeine']);
      const param = Number(max.params?.['maxDays'] ?? Number(max.params?.['maxWeeks'] ?? 12) * 7);
      const limits: Array<{ days: number; why: string }> = [];
      if (opioid) limits.push({ days: param, why: `${daysText(param)} pour le tramadol, la codéine et la dihydrocodéine` });
      for (const p of secured)
        if (p.mask & CLASS_BIT.stupefiant && p.maxDays > 0)
          limits.push({ days: p.maxDays, why: `${daysText(p.maxDays)} pour ${p.label.split(/,\s/)[0]} (conditions de prescription ANSM)` });
      if (limits.length > 0) {
        const limit = limits.reduce((a, b) => (b.days < a.days ? b : a));
        if (m.totalDays > limit.days) {
          const most = daysInWords(limit.days);
          findings.push(
            finding(
              max,
              date,
              `Durée prescrite trop longue : ${quote(m.durationText ?? '')} fait ${m.totalDays} jours, renouvellements compris, au-delà du maximum de ${limit.why}. ` +
                `Écrivez au plus ${quote(most)}${opioid && limit.days === param ? ` (${quote('trois mois')} est accepté)` : ''} ; pour poursuivre, il faudra une nouvelle ordonnance sécurisée.`,
            ),
          );
        }
      }
    }
  }

  const glp1 = matches.filter((p) => p.mask & CLASS_BIT.aglp1 && p.flags & FLAG_AGLP1_FORM);
  if (glp1.length > 0) {
    const names = glp1.map(nameOf).join(', ');
    const rule = pharmacist
      ? ruleInForce(RULE_IDS.aglp1Pharmacist, date) ?? ruleInForce(RULE_IDS.aglp1, date)
      : ruleInForce(RULE_IDS.aglp1, date);
    if (rule) {
      findings.push(
        finding(
          rule,
          date,
          pharmacist
            ? `${names} : le justificatif AGLP-1 rempli par le prescripteur doit être en votre possession avec l'ordonnance avant la délivrance et la facturation (conservez-le au DP ou au DMP). Sans justificatif, pas de prise en charge ; si le prescripteur a écrit ${quote('non remboursable')}, délivrez hors remboursement.`
            : `${names} : remplissez le justificatif AGLP-1 (téléservice amelipro ou formulaire papier), une fois par patient, même déjà traité, et remettez-le avec l'ordonnance. Si l'indication est hors AMM, écrivez ${quote('non remboursable')} sur la ligne et informez le patient.`,
        ),
      );
    }
  }

  return { text, products, findings };
}

/** One entry per non-empty input line, in order. Never throws. */
export function checkPrescription(text: string, context: PrescriptionContext): PrescriptionResult {
  const input = typeof text === 'string' ? text : String(text ?? '');
  const date = context && typeof context.date === 'string' && isIsoDate(context.date) ? asIsoDate(context.date) : todayIso();
  const profession = context?.profession;
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
      lines.push({ text: rawLine.trim(), products: [], findings: [] });
    }
  }
  return { lines };
}

/** Same as {@link checkPrescription}, after loading the product table (CIS codes and full names). */
export async function checkPrescriptionWithLexicon(text: string, context: PrescriptionContext): Promise<PrescriptionResult> {
  await loadLexicon();
  return checkPrescription(text, context);
}
