import { getRule, isInForce, isInTransition, phaseOf, rules, rulesFor } from '../../../lib/rules';

describe('rule engine: basics', () => {
  it('loads a non-empty validated catalogue', () => {
    expect(rules.length).toBeGreaterThan(0);
  });

  it('getRule throws on an unknown id', () => {
    expect(() => getRule('nope.nope')).toThrow(/nope\.nope/);
  });

  it('secured prescription applies from 2025-03-01, with the March 2025 tolerance', () => {
    const r = getRule('secure-prescription.required');
    expect(isInForce(r, '2025-02-28')).toBe(false);
    expect(isInForce(r, '2025-03-01')).toBe(true);
    expect(isInTransition(r, '2025-03-31')).toBe(true);
    expect(isInTransition(r, '2025-04-01')).toBe(false);
    expect(phaseOf(r, '2026-11-28')).toBe('in-force');
  });

  it('AGLP-1 prescriber form from 2025-02-01, grace period to 2025-04-30', () => {
    const r = getRule('aglp1.justification-form');
    expect(isInForce(r, '2025-01-31')).toBe(false);
    expect(phaseOf(r, '2025-04-30')).toBe('transition');
    expect(phaseOf(r, '2025-05-01')).toBe('in-force');
  });

  it('rulesFor filters by profession and context', () => {
    const ids = rulesFor({ profession: 'pharmacien', date: '2026-11-28', context: 'prescription' }).map((r) => r.id);
    expect(ids).toContain('aglp1.pharmacist-form-on-file');
    expect(ids).not.toContain('aglp1.justification-form');
  });
});
