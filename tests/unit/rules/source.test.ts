/** A rule's source as shown: the official reference as written in French, glossed in English from the OFFICIAL_GLOSSES data. */
import { describe, expect, it } from 'vitest';
import { rules } from '../../../lib/rules';
import { formatSource, glossOfficial, OFFICIAL_GLOSSES } from '../../../lib/rules/source';

describe('official references in English', () => {
  it('each name is glossed once, after its first use; the reference itself is unchanged', () => {
    expect(glossOfficial('CSP R.5132-29')).toBe('CSP (French Public Health Code) R.5132-29');
    expect(glossOfficial('CSS L.162-19-1 (LFSS 2024) ; textes au JO du 15/01/2025 ; JO 21/12/2023')).toBe(
      'CSS (French Social Security Code) L.162-19-1 (LFSS (Social Security Financing Act) 2024) ; textes au JO (French Official Journal) du 15/01/2025 ; JO 21/12/2023',
    );
  });

  it('a name inside another word or number is not one ("JOUR", "CSPE", "ANSM2")', () => {
    expect(glossOfficial('JOUR CSPE ANSM2 xCSS')).toBe('JOUR CSPE ANSM2 xCSS');
  });

  it('a rule citing the public health code: glossed in English, as written in French', () => {
    const rule = rules.find((r) => r.source.official?.includes('CSP R.5132-29'));
    expect(rule, 'a rule cites CSP R.5132-29').toBeDefined();
    const source = formatSource(rule!.source);
    expect(source.en).toContain('CSP (French Public Health Code) R.5132-29');
    expect(source.en).toContain('ANSM (French medicines agency), décision du 24/09/2024');
    expect(source.fr).toContain('ANSM, décision du 24/09/2024');
    expect(source.fr).not.toMatch(/French|\(Public/);
  });

  it('every gloss serves: its name appears in some rule’s official reference', () => {
    const officials = rules.map((r) => r.source.official ?? '');
    for (const g of OFFICIAL_GLOSSES)
      expect(
        officials.some((o) => glossOfficial(o) !== o && o.includes(g.name)),
        g.name,
      ).toBe(true);
  });
});
