import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildLexicon, defaultPaths, serializeCore, serializeLexicon } from '../../../scripts/build-lexicon';
import lexicon from '../../../lib/prescription/lexicon.json';

const hasData = existsSync(`${defaultPaths.bdpm}/CIS_bdpm.txt`);
type Row = [string, string, number, number[], number, number];
const products = lexicon.products as Row[];
const byCis = new Map(products.map((p) => [p[0], p]));

describe('lexicon generator', () => {
  it.skipIf(!hasData)('regenerates exactly the committed lexicon.json and lexicon-core.json', () => {
    const { lexicon: fresh } = buildLexicon(defaultPaths.bdpm, defaultPaths.extra);
    expect(serializeLexicon(fresh)).toBe(readFileSync(defaultPaths.out, 'utf8'));
    expect(serializeCore(fresh)).toBe(readFileSync(defaultPaths.core, 'utf8'));
  });
  if (!hasData) it.skip(`../shared/data/bdpm is absent (${defaultPaths.bdpm}): regeneration not checked`, () => {});

  it.skipIf(!hasData)('reports what it could not classify', () => {
    const { report } = buildLexicon(defaultPaths.bdpm, defaultPaths.extra);
    expect(report.withoutConditions).toBeGreaterThan(0);
    expect(report.inferredStupefiants.length).toBeGreaterThan(0);
    expect(report.warnings).toEqual([]);
  });
});

describe('committed lexicon', () => {
  it('stays small (< 150 KB gzip)', () => {
    const raw = readFileSync(defaultPaths.out);
    expect(gzipSync(raw).length).toBeLessThan(150 * 1024);
  });

  it.each([
    ['61137241', 'IXPRIM', 1],
    ['60327615', 'ZALDIAR', 1],
    ['66003374', 'DAFALGAN CODEINE', 1],
    ['63283736', 'CODEINE-ERYSIMUM (ex-Euphon)', 1],
    ['61876410', 'TUSSIPAX', 1],
    ['67482372', 'DICODIN', 1],
    ['60162494', 'SKUDEXUM', 1],
    ['63755329', 'ANTARENE CODEINE', 1],
    ['62934247', 'ALGICALM (withdrawn, rules.md A.2)', 1],
    ['63192215', 'ZALDIAR effervescent (withdrawn)', 1],
    ['69666321', 'SKENAN LP 30', 2],
    ['68127381', 'OXYNORM 10', 2],
    ['60914025', 'DUROGESIC 25', 2],
    ['61400703', 'OZEMPIC 0,5', 4],
    ['62645506', 'VICTOZA', 4],
    ['60830260', 'MOUNJARO', 4],
  ])('%s %s has class bit %d', (cis, _name, bit) => {
    const p = byCis.get(cis);
    expect(p, cis).toBeDefined();
    expect(p![2] & bit).toBe(bit);
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

  it('stores stupéfiant durations in days', () => {
    expect(byCis.get('69666321')![4]).toBe(28); // Skenan: 4 semaines
    expect(byCis.get('60209645')![4]).toBe(28); // Oxynorm inj: "7 jours ou 28 jours" keeps 28
    expect(byCis.get('60018088')![4]).toBe(186); // Lyrica: 6 mois ×31
  });

  it('has every A.1 tramadol/codeine CIS of rules.md', () => {
    const rules = existsSync('../shared/docs/rules.md') ? readFileSync('../shared/docs/rules.md', 'utf8') : '';
    const a1 = rules.split('### A.1')[1]?.split('### A.2')[0] ?? '';
    const a2 = rules.split('### A.2')[1]?.split('## Known gaps')[0] ?? '';
    const cis = [...(a1 + a2).matchAll(/^\| (\d{8}) \|/gm)].map((m) => m[1]!);
    if (cis.length === 0) return; // shared docs absent
    const missing = cis.filter((c) => !(byCis.get(c) && byCis.get(c)![2] & 1));
    expect(missing).toEqual([]);
  });
});
