/**
 * One shape, two checkers: the content script's zod-free copy (`copyShape`, used by `cleanOutput`) and the zod schema
 * built from the same shape for the runtime messages must accept and refuse the same values.
 */
import { cleanOutput } from '../../../lib/features/manager';
import { cannotCheckShape, featureOutputShape, shownFindingShape } from '../../../lib/features/types';
import { schemaOf } from '../../../lib/messages';
import { copyData } from '../../../lib/rules/finding-data';
import { copyShape } from '../../../lib/shape';
import { durationFinding } from '../ui/helpers';

/** A finding with every optional field. */
const finding = {
  ...durationFinding,
  data: { kind: 'duration', days: 45, limit: 31, lastDay: '2026-12-01', of: 'initial', standing: 'over' },
  link: 'https://www.ameli.fr/',
  action: { kind: 'open-checklist', label: { fr: 'Ouvrir', en: 'Open' } },
  pageOnly: { fr: 'ligne', en: 'line' },
  group: { key: 'prescription-line-1', label: { fr: 'Ligne 1', en: 'Line 1' } },
};

/** The valid finding with one field changed. */
const variants: Array<[string, Record<string, unknown>]> = [
  ['valid', {}],
  ['no optional field', { detail: undefined, data: undefined, link: undefined, action: undefined, pageOnly: undefined, group: undefined }],
  ['unknown severity', { severity: 'critical' }],
  ['ruleId a number', { ruleId: 7 }],
  ['ruleId too long', { ruleId: 'r'.repeat(121) }],
  ['title a string', { title: 'plain' }],
  ['title without en', { title: { fr: 't' } }],
  ['message too long', { message: { fr: 'm'.repeat(2001), en: 'm' } }],
  ['data of an unknown kind', { data: { kind: 'other', days: 1, limit: 2 } }],
  ['data count as text', { data: { kind: 'declaration', declared: '1', total: 3 } }],
  ['data count negative', { data: { kind: 'duration', days: -1, limit: 2, of: 'initial', standing: 'over' } }],
  ['data count not whole', { data: { kind: 'duration', days: 1.5, limit: 2, of: 'initial', standing: 'over' } }],
  ['data day not a date', { data: { kind: 'declaration', declared: 1, total: 3, closesOn: '07/02/2027' } }],
  ['data declaration fields on duration', { data: { kind: 'duration', declared: 1, total: 3 } }],
  ['action of another kind', { action: { kind: 'open-page', label: { fr: 'a', en: 'a' } } }],
  ['link a number', { link: 5 }],
  ['group without key', { group: { label: { fr: 'l', en: 'l' } } }],
  ['null', { ruleId: null }],
];

describe('finding shape', () => {
  it.each(variants)('%s: the content copy and the zod schema agree', (_name, change) => {
    const value = { ...finding, ...change };
    const copied = copyShape(shownFindingShape, value);
    const parsed = schemaOf(shownFindingShape).safeParse(value);
    expect(copied !== undefined).toBe(parsed.success);
    if (parsed.success) expect(copied).toEqual(parsed.data);
  });

  it('refuses what is not an object, and hostile objects, without throwing', () => {
    const trap = () => {
      throw new Error('trap');
    };
    for (const v of [null, undefined, 42, 'finding', [], new Proxy({}, { get: trap, ownKeys: trap, has: trap })]) {
      expect(copyShape(shownFindingShape, v)).toBeUndefined();
    }
    const getter = Object.defineProperty({ ...finding }, 'title', { enumerable: true, get: trap });
    expect(copyShape(shownFindingShape, getter)).toBeUndefined();
  });

  it('a copy keeps only the declared fields and shares nothing with what the feature reported', () => {
    const reported = {
      findings: [{ ...finding, extra: 'x', title: { fr: 't', en: 't', extra: 1 } }],
      cannotCheck: [{ featureId: 'aat', reason: { fr: 'r', en: 'r' }, x: 1 }],
    };
    const clean = cleanOutput(reported)!;
    expect(clean.findings[0]).not.toHaveProperty('extra');
    expect(clean.findings[0]!.title).toEqual({ fr: 't', en: 't' });
    expect(clean.cannotCheck).toEqual([{ featureId: 'aat', reason: { fr: 'r', en: 'r' } }]);
    reported.findings[0]!.title.fr = 'changed';
    reported.findings.length = 0;
    expect(clean.findings[0]!.title.fr).toBe('t');
    // an optional field given as undefined is left out, as zod leaves it out
    expect(Object.keys(cleanOutput({ findings: [{ ...finding, link: undefined }], cannotCheck: [] })!.findings[0]!)).not.toContain('link');
  });

  it('a feature output, a cannot-check and finding data follow the same rule on both sides', () => {
    const outputs = [
      { findings: [finding], cannotCheck: [] },
      { findings: [], cannotCheck: [{ featureId: 'aat', ruleId: 'aat.x', reason: { fr: 'r', en: 'r' } }] },
      { findings: null, cannotCheck: [] },
      { findings: [], cannotCheck: [{ featureId: 'aat' }] },
    ];
    for (const out of outputs) expect(cleanOutput(out) !== null).toBe(schemaOf(featureOutputShape).safeParse(out).success);
    expect(schemaOf(cannotCheckShape).safeParse({ featureId: 'x', reason: { fr: 1, en: '' } }).success).toBe(false);
    expect(copyData({ kind: 'declaration', declared: 1, total: 3, closesOn: '2027-02-07', extra: true })).toEqual({
      kind: 'declaration',
      declared: 1,
      total: 3,
      closesOn: '2027-02-07',
    });
  });
});
