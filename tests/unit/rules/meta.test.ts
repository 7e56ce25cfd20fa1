/** Conventions enforced by tests instead of reviewers. */
import { checks, findRule, hasCheck, isInForce, rules, SEED_FILES } from '../../../lib/rules';
import { todayIso } from '../../../lib/rules/dates';
import { formatSource } from '../../../lib/rules/source';
import { readFileSync } from 'node:fs';
import { EXPECTED_DATES } from './expected-dates';

const SHARED_SEEDS = '/work/shared/seeds';

describe('every rule', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s has a source, French and English texts, a link and a boundary test', (id, r) => {
    expect(r.source.catalogue).toMatch(/^R\d/);
    expect((r.source.seeds?.length ?? 0) + (r.source.official ? 1 : 0)).toBeGreaterThan(0);
    expect(r.title.fr.trim()).not.toBe('');
    expect(r.title.en.trim()).not.toBe('');
    expect(r.message.fr.trim().length).toBeGreaterThan(20);
    expect(r.message.en.trim()).not.toBe('');
    expect(r.link).toMatch(/^https:\/\//);
    expect(EXPECTED_DATES[id], `add "${id}" to tests/unit/rules/expected-dates.ts`).toBeDefined();
  });

  it('keeps French messages short enough for a busy practitioner (≤ 320 characters)', () => {
    const long = rules.filter((r) => r.message.fr.length > 320).map((r) => `${r.id} (${r.message.fr.length})`);
    expect(long).toEqual([]);
  });

  it('low confidence is never blocking', () => {
    expect(rules.filter((r) => r.confidence === 'low' && r.severity === 'blocking')).toEqual([]);
  });

  it("a rule in force has been reviewed against its sources within the last 12 months (judged on the engine's today)", () => {
    const today = todayIso();
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const limit = new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10);
    const stale = rules.filter((r) => isInForce(r, today) && r.reviewed < limit).map((r) => `${r.id} (reviewed ${r.reviewed})`);
    expect(stale, `review these rules against their sources, then set \`reviewed\` (limit ${limit})`).toEqual([]);
    // and a review is a past event
    expect(rules.filter((r) => r.reviewed > today).map((r) => r.id)).toEqual([]);
  });

  it('a rule resting only on a software vendor, a newsletter or another secondary source is below high confidence and says so', () => {
    const SECONDARY = /éditeur|lettre d'information|newsletter|source secondaire/i;
    const secondaryOnly = rules.filter((r) => !r.source.seeds?.length && SECONDARY.test(r.source.official ?? ''));
    // the catalogue has such rules (the 2025 entry calendar relayed by a vendor, the decree's caps from a newsletter)
    expect(secondaryOnly.map((r) => r.id)).toEqual(expect.arrayContaining(['aat.duration-limit', 'indicators.declaration-window.medecins-2025']));
    for (const r of secondaryOnly) {
      expect(r.confidence, r.id).not.toBe('high');
      // the source line is shown with every finding: it names the kind of source and that it is to be confirmed
      expect(formatSource(r.source).fr, r.id).toMatch(SECONDARY);
      expect(formatSource(r.source).fr, r.id).toMatch(/à vérifier|à confirmer|non confirmé/);
    }
  });

  it('params used by checks are numbers in data', () => {
    for (const r of rules.filter((x) => hasCheck(x.id))) {
      for (const v of Object.values(r.params ?? {})) expect(['number', 'string', 'object']).toContain(typeof v);
    }
  });
});

describe('the boundary table and the checks point to real rules', () => {
  it('every boundary entry is a rule', () => {
    expect(Object.keys(EXPECTED_DATES).filter((id) => !findRule(id))).toEqual([]);
  });

  it('every check is run by at least one rule (named in `check`, or by the rule id)', () => {
    for (const key of Object.keys(checks))
      expect(
        rules.some((r) => (r.check ?? r.id) === key),
        key,
      ).toBe(true);
  });

  it('every rule that names a check names one that exists', () => {
    expect(rules.filter((r) => r.check !== undefined && !Object.hasOwn(checks, r.check)).map((r) => r.id)).toEqual([]);
  });

  it('the ids the rest of the product uses exist', () => {
    const required = [
      'aat.online-preferred',
      'aat.secured-cerfa',
      'aat.duration-limit',
      'secure-prescription.required',
      'secure-prescription.letters.dosage',
      'secure-prescription.letters.posology',
      'secure-prescription.letters.duration',
      'secure-prescription.max-duration',
      'aglp1.justification-form',
      'aglp1.pharmacist-form-on-file',
      'reclaps.attachments',
      'teletransmission.supporting-documents',
      'billing.double-same-date',
      'billing.holiday-supplement-duty-roster',
      'billing.coordination-supplement',
      'billing.saturday',
      'teleconsultation.annual-threshold',
      'indicators.donum',
      'vitale.atsam-and-extension',
      'pharmacy.fees-avenant1',
      'pharmacy.opioid-interview',
      'pharmacy.fluoroquinolone-information',
      'pharmacy.ipa-direct-access-not-billable',
      'pharmacy.serialisation-penalty',
    ];
    expect(required.filter((id) => !findRule(id))).toEqual([]);
    expect(rules.filter((r) => r.id.startsWith('indicators.declaration-window.')).length).toBeGreaterThanOrEqual(4);
  });

  it('every cited seed file exists in the shared seeds', () => {
    let available: string[] | undefined;
    try {
      available = SEED_FILES.filter((f) => readFileSync(`${SHARED_SEEDS}/${f}`, 'utf8').length > 0);
    } catch {
      available = undefined; // shared folder not mounted (e.g. CI): the schema enum still guards file names
    }
    if (available) expect(available).toEqual([...SEED_FILES]);
  });
});

describe('seed citations point to real text', () => {
  const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
  let seeds: Map<string, string> | undefined;
  try {
    seeds = new Map(SEED_FILES.map((f) => [f, norm(readFileSync(`${SHARED_SEEDS}/${f}`, 'utf8'))]));
  } catch {
    seeds = undefined;
  }
  const citations = rules.flatMap((r) => (r.source.seeds ?? []).map((s) => [r.id, s.file, s.section] as const));
  it.skipIf(!seeds).each(citations)('%s cites %s « %s »: the heading (before any parenthesis) is in the seed', (_id, file, section) => {
    const heading = norm(section.split(' (')[0]!);
    expect(seeds!.get(file)).toContain(heading);
  });
});
