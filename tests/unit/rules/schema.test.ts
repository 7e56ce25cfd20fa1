import { getRule, parseCatalogue, rules } from '../../../lib/rules';
import { rawCatalogue } from '../../../lib/rules/catalogue';

const valid = () => structuredClone(getRule('aat.duration-limit')) as Record<string, unknown>;

describe('catalogue validation', () => {
  it('parses every rule of the shipped catalogue', () => {
    expect(parseCatalogue(rawCatalogue)).toHaveLength(rules.length);
  });

  it('rejects a duplicate id, naming it', () => {
    expect(() => parseCatalogue([valid(), valid()])).toThrow(/Duplicate rule id "aat\.duration-limit"/);
  });

  it.each([
    ['an impossible date', { from: '2026-02-30' }, /"aat\.duration-limit".*from: must be a real date/],
    ['until before from', { until: '2026-08-31' }, /"aat\.duration-limit".*until \(2026-08-31\) is before from/],
    ['a missing French message', { message: '' }, /"aat\.duration-limit".*message/],
    ['an unofficial link', { link: 'https://example.com/x' }, /"aat\.duration-limit".*link: must be an https page on ameli\.fr/],
    ['a source with neither seed nor official text', { source: { catalogue: 'R2.6' } }, /"aat\.duration-limit".*source.*seed document or an official text/],
    ['an unknown seed file', { source: { catalogue: 'R2.6', seeds: [{ file: 'x.txt', section: 'a' }] } }, /"aat\.duration-limit".*source\.seeds/],
    ['a blocking low-confidence rule', { severity: 'blocking', confidence: 'low' }, /low-confidence rule can never be blocking/],
    ['an unknown profession', { professions: ['infirmier'] }, /"aat\.duration-limit".*professions/],
    ['an unknown context', { contexts: ['nowhere'] }, /"aat\.duration-limit".*contexts/],
    ['a checklist context without question', { contexts: ['aat', 'checklist'] }, /checklist question/],
    [
      'a transition outside the rule period',
      { transition: { from: '2026-08-01', until: '2026-09-10', message: { fr: 'a', en: 'b' } } },
      /transition must lie within/,
    ],
    ['an unknown field', { colour: 'red' }, /"aat\.duration-limit"/],
    ['a badly shaped id', { id: 'Bad Id' }, /"Bad Id".*id: must be dotted/],
  ])('rejects %s, naming the rule', (_label, patch, message) => {
    expect(() => parseCatalogue([{ ...valid(), ...patch }])).toThrow(message);
  });

  it('names the position when the id itself is missing', () => {
    const { id: _id, ...rest } = valid();
    expect(() => parseCatalogue([rest])).toThrow(/Invalid rule "#0 \(no id\)"/);
  });
});

describe('the shipped catalogue', () => {
  it('is exactly its validated form (no defaults or transforms are lost by shipping the raw data)', async () => {
    const { rawCatalogue } = await import('../../../lib/rules/catalogue');
    const { rules } = await import('../../../lib/rules/engine');
    const { parseCatalogue: parse } = await import('../../../lib/rules/schema');
    expect(parse(rawCatalogue)).toEqual(rules);
  });
});
