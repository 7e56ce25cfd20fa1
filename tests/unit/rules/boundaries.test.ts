/**
 * Boundary tests generated from EXPECTED_DATES (hand-written from rules.md): for every date boundary of
 * every rule (from, until, transition end), the day before, the day of and the day after, through the
 * real engine (isInForce, phaseOf, effectiveSeverity, rulesFor and evaluate).
 */
import { addDays, effectiveSeverity, evaluate, getRule, isInForce, phaseOf, rulesFor, type Rule } from '../../../lib/rules';
import { EXPECTED_DATES } from './expected-dates';

/** Where the rule shows up in a full evaluation for its first profession and first context. */
function placeIn(rule: Rule, date: string): 'active' | 'upcoming' | 'absent' {
  const ev = evaluate({ page: rule.contexts[0]!, facts: {} }, { date, profile: { profession: rule.professions[0]! } });
  const active =
    ev.reminders.some((r) => r.id === rule.id) || ev.findings.some((f) => f.ruleId === rule.id) || ev.cannotCheck.some((c) => c.ruleId === rule.id);
  if (active) return 'active';
  return ev.upcoming.some((r) => r.id === rule.id) ? 'upcoming' : 'absent';
}

function inRulesFor(rule: Rule, date: string): boolean {
  return rulesFor({ profession: rule.professions[0]!, date, context: rule.contexts[0]! }).some((r) => r.id === rule.id);
}

describe.each(Object.entries(EXPECTED_DATES))('%s', (id, expected) => {
  const rule = getRule(id);

  it('has the dates of rules.md', () => {
    expect({ from: rule.from, until: rule.until, transition: rule.transition && [rule.transition.from, rule.transition.until] }).toEqual({
      from: expected.from,
      until: expected.until,
      transition: expected.transition,
    });
  });

  it(`starts on ${expected.from}: day before, day of, day after`, () => {
    const before = addDays(expected.from, -1);
    const after = addDays(expected.from, 1);
    expect(isInForce(rule, before)).toBe(false);
    expect(phaseOf(rule, before)).toBe('upcoming');
    expect(inRulesFor(rule, before)).toBe(false);
    expect(placeIn(rule, before)).toBe('upcoming');
    expect(placeIn(rule, addDays(expected.from, -61))).toBe('absent');

    expect(isInForce(rule, expected.from)).toBe(true);
    expect(inRulesFor(rule, expected.from)).toBe(true);
    expect(placeIn(rule, expected.from)).toBe('active');

    const afterInForce = expected.until === undefined || after <= expected.until;
    expect(isInForce(rule, after)).toBe(afterInForce);
    expect(placeIn(rule, after)).toBe(afterInForce ? 'active' : 'absent');
  });

  if (expected.until !== undefined) {
    const until = expected.until;
    it(`ends on ${until}: day before, day of, day after`, () => {
      const before = addDays(until, -1);
      expect(isInForce(rule, before)).toBe(before >= expected.from);
      expect(isInForce(rule, until)).toBe(true);
      expect(placeIn(rule, until)).toBe('active');
      const after = addDays(until, 1);
      expect(isInForce(rule, after)).toBe(false);
      expect(phaseOf(rule, after)).toBe('ended');
      expect(inRulesFor(rule, after)).toBe(false);
      expect(placeIn(rule, after)).toBe('absent');
    });
  }

  if (expected.transition !== undefined) {
    const [trFrom, trUntil] = expected.transition;
    it(`tolerance ${trFrom} → ${trUntil}: never blocking inside, full severity after`, () => {
      const beforeStart = addDays(trFrom, -1);
      expect(phaseOf(rule, beforeStart)).toBe(beforeStart < expected.from ? 'upcoming' : 'in-force');
      expect(phaseOf(rule, trFrom)).toBe('transition');
      expect(phaseOf(rule, addDays(trFrom, 1) <= trUntil ? addDays(trFrom, 1) : trUntil)).toBe('transition');
      expect(phaseOf(rule, addDays(trUntil, -1) >= trFrom ? addDays(trUntil, -1) : trFrom)).toBe('transition');
      expect(phaseOf(rule, trUntil)).toBe('transition');
      expect(effectiveSeverity(rule, trUntil)).not.toBe('blocking');
      const after = addDays(trUntil, 1);
      expect(phaseOf(rule, after)).toBe('in-force');
      expect(effectiveSeverity(rule, after)).toBe(rule.confidence === 'low' && rule.severity === 'blocking' ? 'warning' : rule.severity);
    });
  }
});
