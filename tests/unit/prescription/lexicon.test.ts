import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildLexicon, defaultPaths, serializeCore, serializeLexicon } from '../../../scripts/build-lexicon';
import lexicon from '../../../lib/prescription/lexicon.json';

const hasData = existsSync(`${defaultPaths.bdpm}/CIS_bdpm.txt`);
type Row = [string, string, number, number[]];
type Profile = [number, number, number, number];
const profiles = lexicon.profiles as Profile[];
const REGIME = { stupefiant: 1, assimile: 2, 'secure-form': 3, opioid: 4 } as const;
const profileOf = (cis: string) => profiles[byCisRow(cis)[2]]!;
function byCisRow(cis: string): Row {
  const r = byCis.get(cis);
  if (!r) throw new Error(`${cis} not in the lexicon`);
  return r;
}
const products = lexicon.products as Row[];
const byCis = new Map(products.map((p) => [p[0], p]));

describe('lexicon generator', () => {
  it.skipIf(!hasData)('regenerates exactly the committed lexicon.json and lexicon-core.json', () => {
    const { lexicon: fresh } = buildLexicon(defaultPaths.bdpm, defaultPaths.extra);
    expect(serializeLexicon(fresh)).toBe(readFileSync(defaultPaths.out, 'utf8'));
    expect(serializeCore(fresh)).toBe(readFileSync(defaultPaths.core, 'utf8'));
  });
  if (!hasData) it.skip(`../shared/data/bdpm is absent (${defaultPaths.bdpm}): regeneration not checked`, () => {});

  it.skipIf(!hasData)('reports what it could not classify, and leaves no secure-prescription condition unclassified', () => {
    const { report } = buildLexicon(defaultPaths.bdpm, defaultPaths.extra);
    expect(report.withoutConditions).toBeGreaterThan(0);
    expect(report.inferred.length).toBeGreaterThan(0);
    expect(report.unclassifiedConditions).toEqual([]);
    expect(report.stale).toContain('61634962 PREGABALINE ZENTIVA K.S. 300 mg, gélule');
    expect(report.mixedKeys).toEqual(expect.arrayContaining(['RIVOTRIL', 'TRANXENE', 'TEMGESIC', 'EUPHON']));
    expect(report.warnings).toEqual([]);
  });
});

describe('committed lexicon', () => {
  it('stays small (< 150 KB gzip)', () => {
    const raw = readFileSync(defaultPaths.out);
    expect(gzipSync(raw).length).toBeLessThan(150 * 1024);
  });

  it.each([
    ['61137241', 'IXPRIM', 'opioid'],
    ['60327615', 'ZALDIAR', 'opioid'],
    ['66003374', 'DAFALGAN CODEINE', 'opioid'],
    ['63283736', 'CODEINE-ERYSIMUM (ex-Euphon)', 'opioid'],
    ['61876410', 'TUSSIPAX', 'opioid'],
    ['67482372', 'DICODIN', 'opioid'],
    ['60162494', 'SKUDEXUM', 'opioid'],
    ['63755329', 'ANTARENE CODEINE', 'opioid'],
    ['62934247', 'ALGICALM (withdrawn, rules.md A.2)', 'opioid'],
    ['63192215', 'ZALDIAR effervescent (withdrawn)', 'opioid'],
    ['69666321', 'SKENAN LP 30', 'stupefiant'],
    ['68127381', 'OXYNORM 10', 'stupefiant'],
    ['60914025', 'DUROGESIC 25', 'stupefiant'],
    ['68429141', 'RIVOTRIL 2 mg comprimé', 'assimile'],
    ['61496251', 'RIVOTRIL 2,5 mg/ml gouttes', 'assimile'],
    ['68644101', 'TRANXENE 20 mg gélule', 'assimile'],
    ['60549391', 'TEMGESIC 0,2 mg', 'assimile'],
    ['63179285', 'STILNOX 10 mg', 'assimile'],
    ['65150204', 'SUBUTEX 2 mg', 'assimile'],
    ['63096099', 'LYRICA 75 mg', 'secure-form'],
  ] as const)('%s %s has the regime %s', (cis, _name, regime) => {
    expect(profileOf(cis)[0]).toBe(REGIME[regime]);
  });

  it.each([
    ['63523836', 'RIVOTRIL 1 mg/1 ml injectable'],
    ['67956742', 'TRANXENE 10 mg'],
    ['68494908', 'TRANXENE 5 mg'],
    ['62299972', 'TEMGESIC injectable (hospital)'],
  ])('%s %s: a presentation of a mixed brand without any regime', (cis, _name) => {
    expect(profileOf(cis)[0]).toBe(0);
  });

  it.each([
    ['61400703', 'OZEMPIC 0,5', true],
    ['62645506', 'VICTOZA', true],
    ['62733600', 'TRULICITY 0,75', true],
    ['61207647', 'WEGOVY 2,4', false],
    ['61756418', 'SAXENDA', false],
    ['60830260', 'MOUNJARO', false],
  ])('%s %s is a GLP-1 analogue; AGLP-1 form: %s', (cis, _name, form) => {
    const flags = profileOf(cis)[3];
    expect(flags & 4).toBe(4);
    expect((flags & 8) === 8).toBe(form);
  });

  it('does not contain opium, pholcodine or paracetamol-only products', () => {
    for (const [, name] of products) {
      expect(name).not.toMatch(/^(LAMALINE|IZALGI|DAFALGAN \d|EFFERALGAN \d|DOLIPRANE \d)/);
    }
    const pholcodine = lexicon.substances.filter((s) => /pholcodine|opium/i.test(s));
    expect(pholcodine).toEqual([]);
    expect(byCis.get('62689634')).toBeUndefined(); // LAMALINE gélule
    expect(byCis.get('67613291')).toBeUndefined(); // IZALGI
  });

  it('stores durations in days and the conditions that go with them', () => {
    expect(profileOf('69666321')[1]).toBe(28); // Skenan: 4 semaines
    expect(profileOf('60209645')[1]).toBe(28); // Oxynorm inj: "7 jours ou 28 jours" keeps 28
    expect(profileOf('60018088')[1]).toBe(186); // Lyrica: 6 mois ×31
    expect(profileOf('63644827')[1]).toBe(14); // Méthadone AH-HP sirop: 2 semaines
    expect(profileOf('65738008')[1]).toBe(28); // Méthadone AP-HP gélule: 4 semaines
    expect(profileOf('63644827')[2]).toBe(7); // délivrance fractionnée de 7 jours
    expect(profileOf('63644827')[3] & 2).toBe(2); // pharmacist's name (méthadone)
    expect(profileOf('68429141')[3] & 1).toBe(1); // Rivotril: chevauchement interdit
    expect(profileOf('60549391')[3] & 2).toBe(0); // Temgesic 0,2 mg: not above 0,2 mg, no pharmacist's name
    expect(profileOf('65150204')[3] & 2).toBe(2); // Subutex 2 mg
  });

  it('has every A.1 tramadol/codeine CIS of rules.md', () => {
    const rules = existsSync('../shared/docs/rules.md') ? readFileSync('../shared/docs/rules.md', 'utf8') : '';
    const a1 = rules.split('### A.1')[1]?.split('### A.2')[0] ?? '';
    const a2 = rules.split('### A.2')[1]?.split('## Known gaps')[0] ?? '';
    const cis = [...(a1 + a2).matchAll(/^\| (\d{8}) \|/gm)].map((m) => m[1]!);
    if (cis.length === 0) return; // shared docs absent
    const missing = cis.filter((c) => !(byCis.get(c) && profiles[byCis.get(c)![2]]![0] === REGIME.opioid));
    expect(missing).toEqual([]);
  });
});
