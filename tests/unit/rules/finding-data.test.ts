/**
 * A finding carries what its check saw as values (`data`); every surface computes from it, none parses a message.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadlineFromFinding } from '../../../lib/checklist/indicators';
import { cleanOutput } from '../../../lib/features/manager';
import { toShown } from '../../../lib/features/present';
import { shownFindingSchema } from '../../../lib/messages';
import { checkFor, evaluate, getRule, type Facts } from '../../../lib/rules';
import { copyData, declarationText } from '../../../lib/rules/finding-data';

const root = join(__dirname, '../../..');
const declaration = (date: string, closesOn = '2027-02-07') =>
  evaluate(
    { page: 'convention-medecin', facts: { indicators: { declared: 1, total: 3, declarationClosesOn: closesOn } } },
    { date, profile: { profession: 'medecin-generaliste' } },
  ).findings.find((f) => f.ruleId === 'indicators.declaration-open')!;

describe('finding data', () => {
  it('the declaration check returns its counts and closing day as data, and its message is rendered from them', () => {
    const id = 'indicators.declaration-open';
    const facts: Facts = { indicators: { declared: 1, total: 3, declarationClosesOn: '2027-02-07' } };
    const r = checkFor(id)!(facts, getRule(id), '2026-11-28');
    expect(r).toMatchObject({ status: 'fail', data: { kind: 'declaration', declared: 1, total: 3, closesOn: '2027-02-07' } });
    if (r.status !== 'fail' || r.data?.kind !== 'declaration') throw new Error('expected declaration data');
    expect(r.detail).toEqual(declarationText(r.data, '2026-11-28'));
    expect(r.detail).toEqual({
      fr: '1/3 indicateurs déclarés ; clôture le 07/02/2027 (J-71).',
      en: '1/3 indicators declared; closes on 2027-02-07 (71 days left).',
    });
  });

  it('the sick-leave duration check returns the days and the limit as data', () => {
    const id = 'aat.duration-limit';
    const r = checkFor(id)!({ aat: { kind: 'initial', start: '2026-11-01', end: '2026-12-31', scheme: 'maladie' } }, getRule(id), '2026-11-28');
    expect(r).toMatchObject({ status: 'fail', data: { kind: 'duration', days: 61, limit: expect.any(Number) } });
  });

  it('the data travels with the finding: engine -> shown finding -> feature output copy -> runtime message schema', () => {
    const shown = toShown('indicators', declaration('2026-11-28'));
    expect(shown.data).toEqual({ kind: 'declaration', declared: 1, total: 3, closesOn: '2027-02-07' });
    expect(cleanOutput({ findings: [shown], cannotCheck: [] })?.findings[0]?.data).toEqual(shown.data);
    expect(shownFindingSchema.parse(shown).data).toEqual(shown.data);
    // a feature's malformed data is refused, not passed on
    expect(cleanOutput({ findings: [{ ...shown, data: { kind: 'declaration', declared: '1', total: 3 } }], cannotCheck: [] })).toBeNull();
    expect(copyData({ kind: 'other' })).toBeUndefined();
  });

  it('rewording the message does not change the deadline shown', () => {
    const shown = toShown('indicators', declaration('2026-11-28'));
    const before = deadlineFromFinding(shown, '2026-11-28');
    expect(before).toMatchObject({ closesOn: '2027-02-07', days: 71, declared: 1, total: 3 });
    for (const detail of [
      { fr: 'Il vous reste du temps.', en: 'Some time left.' },
      { fr: 'clôture le 01/01/2030', en: 'closes on 2030-01-01 (9 days left) 9/9' },
      { fr: '', en: '' },
    ]) {
      const reworded = { ...shown, detail, message: detail };
      expect(deadlineFromFinding(reworded, '2026-11-28')).toEqual(before);
    }
    const { detail: _d, ...withoutDetail } = shown;
    expect(deadlineFromFinding(withoutDetail, '2026-11-28')).toEqual(before);
  });

  it('GP and pharmacist deadlines get distinct titles', () => {
    const shown = toShown('indicators', declaration('2026-11-28'));
    const gp = deadlineFromFinding(shown, '2026-11-28', 'convention-medecin')!;
    const ph = deadlineFromFinding(shown, '2026-11-28', 'convention-pharmacien')!;
    expect(gp.title.fr).not.toBe(ph.title.fr);
    expect(gp.title.en).not.toBe(ph.title.en);
  });
});

/** Source files of the shipped code (lib, components, entrypoints). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe('no message parsed back into data', () => {
  // Reading a message's text with a regular expression or a string search to get a value out of it.
  const TEXT = String.raw`\b(?:detail|message|reason|title|transition)\??\.(?:en|fr)\b`;
  const FORBIDDEN = [
    new RegExp(`${TEXT}\\??\\.(?:match|matchAll|search|split|indexOf|lastIndexOf|includes|startsWith|endsWith|slice|substring)\\(`),
    new RegExp(String.raw`\.(?:exec|test)\([^)]*` + TEXT),
    new RegExp(String.raw`(?:parseInt|parseFloat|Number)\([^)]*` + TEXT),
  ];

  it('the scan catches the patterns it is meant for', () => {
    const caught = (line: string) => FORBIDDEN.some((re) => re.test(line));
    expect(caught('const closes = /closes on (\\d{4})/.exec(f.detail.en)?.[1];')).toBe(true);
    expect(caught('const m = f.detail?.en.match(/\\d+/);')).toBe(true);
    expect(caught('if (f.message.fr.includes("J-")) {')).toBe(true);
    expect(caught('const n = Number(f.detail.en.slice(0, 2));')).toBe(true);
    expect(caught('const t = lang === "en" ? f.detail.en : f.detail.fr;')).toBe(false);
  });

  it('no file of lib/, components/ or entrypoints/ reads a value out of a finding text', () => {
    const offenders: string[] = [];
    for (const file of ['lib', 'components', 'entrypoints'].flatMap((d) => sources(join(root, d)))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (FORBIDDEN.some((re) => re.test(line))) offenders.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
