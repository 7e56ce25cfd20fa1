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
import { checkReadLines, settleContext, type PrescriptionContext, type PrescriptionResult } from './check';
import { loadLexicon } from './lexicon';
import { readPrescription } from './read';
import { prescriptionChecks } from '../rules/checks-prescription';

export { loadLexicon, isLexiconLoaded } from './lexicon';
export type { ProductClass, Regime } from './lexicon';
export type { PrescriptionProduct, ReadLine } from './read';
export { PRESCRIPTION_RULE_IDS, lineInWords } from './check';
export type { Severity, PrescriptionFinding, PrescriptionCannotCheck, PrescriptionLine, PrescriptionContext, PrescriptionResult } from './check';

/** One entry per non-empty input line, in order. Never throws. */
export function checkPrescription(text: string, context: PrescriptionContext): PrescriptionResult {
  return checkReadLines(readPrescription(text, settleContext(context).profession), context, prescriptionChecks);
}

/** Same as {@link checkPrescription}, after loading the product table (CIS codes and full names). */
export async function checkPrescriptionWithLexicon(text: string, context: PrescriptionContext): Promise<PrescriptionResult> {
  await loadLexicon();
  return checkPrescription(text, context);
}
