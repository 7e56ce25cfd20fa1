/**
 * The whole public drug database, read here independently of the lexicon generator: every marketed product whose
 * prescription conditions require a secure prescription, or that contains tramadol, codeine or dihydrocodeine, must get
 * the secure-prescription finding of its regime — written with its database name, and written as a prescriber would
 * ("Rivotril 2 mg", "tramadol 50 mg") — before and after the product table is loaded. Marketed products with known
 * conditions, none of these, and no substance that ever needs a secure prescription, must never get it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPaths } from '../../../scripts/build-lexicon';
import { checkPrescription, loadLexicon } from '../../../lib/prescription';
import { setLexiconData } from '../../../lib/prescription/lexicon';

const dir = defaultPaths.bdpm;
const hasData = existsSync(`${dir}/CIS_bdpm.txt`);
const DATE = '2026-12-04';
/** The rules that say "secure prescription required", one per regime. */
const SECURE = new Set(['secure-prescription.required', 'stupefiants.secure-prescription', 'assimiles.secure-prescription', 'secure-form.secure-prescription']);

const rows = (file: string) =>
  hasData
    ? readFileSync(`${dir}/${file}`, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => l.split('\t'))
    : [];

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();

interface Product {
  cis: string;
  name: string;
  conditions: string[];
  substances: string[];
}

function load(): Product[] {
  const conditions = new Map<string, string[]>();
  for (const [cis, text] of rows('CIS_CPD_bdpm.txt')) conditions.set(cis!, [...(conditions.get(cis!) ?? []), text ?? '']);
  const substances = new Map<string, string[]>();
  for (const c of rows('CIS_COMPO_bdpm.txt')) substances.set(c[0]!, [...(substances.get(c[0]!) ?? []), c[3] ?? '']);
  return rows('CIS_bdpm.txt')
    .filter((c) => c[6] === 'Commercialisée')
    .map((c) => ({ cis: c[0]!, name: c[1]!, conditions: conditions.get(c[0]!) ?? [], substances: substances.get(c[0]!) ?? [] }));
}

const OPIOID = /\b(TRAMADOL|CODEINE|DIHYDROCODEINE)\b/;
const needsSecure = (p: Product) => p.conditions.some((t) => /stupéfiants|ordonnance sécurisée/i.test(t)) || p.substances.some((s) => OPIOID.test(fold(s)));

/**
 * The line a prescriber would write: a brand's first word and the strength ("Rivotril 2 mg", "Antarene 200 mg/30 mg"),
 * the whole brand when the name has no strength ("Dafalgan codeine"); a generic by its substance words and strength
 * ("paracetamol codeine 400 mg/50 mg", "oxybate de sodium 500 mg/mL", "tramadol LP 100 mg").
 */
function prescriberForm(p: Product): string {
  const head = p.name.split(/,\s/)[0]!;
  const strength = /\d+(?:[.,]\d+)?\s*(?:mg|microgrammes|µg|g|ml|mL|%|U|UI)\b(?:\s*\/\s*\d*(?:[.,]\d+)?\s*(?:mg|ml|mL|heure|h|dose))?/.exec(head)?.[0] ?? '';
  const words = head
    .split(/\s*\d/)[0]!
    .split(/[\s/]+/)
    .filter(Boolean);
  const substanceWords = new Set(p.substances.flatMap((s) => fold(s).split(/[^A-Z]+/)));
  const generic = substanceWords.has(fold(words[0]!));
  const brand = generic
    ? words
        .filter((w) => substanceWords.has(fold(w)) || /^L\.?P\.?$/i.test(w))
        .join(' ')
        .toLowerCase()
    : strength
      ? words[0]!
      : words.join(' ');
  return `${brand} ${strength}`.trim();
}

const secureFinding = (line: string) => checkPrescription(line, { date: DATE }).lines[0]?.findings.find((f) => SECURE.has(f.ruleId));

describe.skipIf(!hasData)('the public drug database, product by product', () => {
  const products = load();
  const positives = products.filter(needsSecure);
  const regimeSubstances = new Set(positives.flatMap((p) => p.substances.map(fold)));
  const negatives = products.filter((p) => p.conditions.length > 0 && !needsSecure(p) && !p.substances.some((s) => regimeSubstances.has(fold(s))));

  // Paracetamol, ibuprofen, midazolam injections, clonazepam injection…: a substance some secure products contain.
  const siblings = products.filter((p) => p.conditions.length > 0 && !needsSecure(p) && p.substances.some((s) => regimeSubstances.has(fold(s))));

  afterAll(() => setLexiconData(undefined));

  it('has products on both sides', () => {
    expect(positives.length).toBeGreaterThan(500);
    expect(negatives.length).toBeGreaterThan(5000);
  });

  for (const mode of ['core keys', 'full product table'] as const) {
    it(`${mode}: every product needing a secure prescription gets the finding, by its name (blocking) and as a prescriber writes it`, async () => {
      if (mode === 'full product table') await loadLexicon();
      else setLexiconData(undefined);
      const missed: string[] = [];
      for (const p of positives) {
        const byName = secureFinding(p.name);
        if (byName?.severity !== 'blocking') missed.push(`${p.cis} ${p.name} → ${byName?.severity ?? 'nothing'}`);
        const form = prescriberForm(p);
        if (!secureFinding(form)) missed.push(`${p.cis} "${form}" → nothing`);
      }
      expect(missed).toEqual([]);
    });

    it(`${mode}: products that never need one are never flagged`, async () => {
      if (mode === 'full product table') await loadLexicon();
      else setLexiconData(undefined);
      const flagged: string[] = [];
      for (const p of negatives) {
        for (const line of [p.name, prescriberForm(p)]) {
          const f = secureFinding(line);
          if (f) flagged.push(`${p.cis} "${line}" → ${f.ruleId}`);
        }
      }
      expect(flagged).toEqual([]);
    });

    it(`${mode}: products sharing a substance with secure ones are not flagged by their name`, async () => {
      if (mode === 'full product table') await loadLexicon();
      else setLexiconData(undefined);
      expect(siblings.length).toBeGreaterThan(20);
      const flagged = siblings
        .map((p) => [p, secureFinding(p.name)] as const)
        .filter(([, f]) => f !== undefined)
        .map(([p, f]) => `${p.cis} "${p.name}" → ${f!.ruleId} ${f!.severity}`);
      expect(flagged).toEqual([]);
    });
  }
});
