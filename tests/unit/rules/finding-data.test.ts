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
    // the check writes no prose: the engine renders the finding's detail from the data
    expect(r).not.toHaveProperty('detail');
    const text = {
      fr: '1/3 indicateurs déclarés ; clôture le 07/02/2027 (J-71).',
      en: '1/3 indicators declared; closes on 2027-02-07 (71 days left).',
    };
    expect(declarationText(r.data, '2026-11-28')).toEqual(text);
    expect(declaration('2026-11-28').detail).toEqual(text);
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

describe('details rendered from the data, in French and English', () => {
  const gp = { profession: 'medecin-generaliste' as const };
  const found = (page: 'aat' | 'reclaps', facts: Facts, ruleId: string) =>
    evaluate({ page, facts }, { date: '2026-11-28', profile: gp }).findings.find((f) => f.ruleId === ruleId);

  it.each([
    [
      'an initial notice beyond the cap',
      { aat: { kind: 'initial', start: '2026-11-01', end: '2026-12-15', scheme: 'maladie' } },
      { kind: 'duration', days: 45, limit: 31, of: 'initial', standing: 'over', lastDay: '2026-11-30' },
      {
        fr: "45 jours (arrêt initial) : au-delà du plafond (30/11/2026, 31 jours au plus) ; pour dépasser, justifiez la durée sur l'avis.",
        en: '45 days (initial notice): beyond the cap (2026-11-30, 31 days at most); to exceed it, justify the length on the notice.',
      },
    ],
    [
      'an initial notice at the limit',
      { aat: { kind: 'initial', start: '2026-11-01', end: '2026-12-01', scheme: 'maladie' } },
      { kind: 'duration', days: 31, limit: 31, of: 'initial', standing: 'at-limit', lastDay: '2026-11-30' },
      {
        fr: "31 jours (arrêt initial) : à la limite, vérifiez. Au-delà du 30/11/2026 si le plafond se compte en mois, dans les 31 jours s'il se compte en jours ; au besoin, justifiez la durée sur l'avis.",
        en: '31 days (initial notice): at the limit, check. Beyond 2026-11-30 if the cap counts in months, within 31 days if it counts in days; if needed, justify the length on the notice.',
      },
    ],
    [
      'an AT/MP extension beyond the cap',
      { aat: { kind: 'prolongation', start: '2026-10-01', end: '2026-12-15', scheme: 'atmp' } },
      { kind: 'duration', days: 76, limit: 62, of: 'extension', standing: 'reach-unconfirmed', lastDay: '2026-11-30' },
      {
        fr: "76 jours (prolongation) : au-delà du 30/11/2026. Le plafond vise les arrêts maladie ; son application aux AT/MP n'est pas confirmée : à vérifier.",
        en: '76 days (extension): beyond 2026-11-30. The cap concerns sick leave for illness; whether it applies to work accidents is not confirmed: to be verified.',
      },
    ],
  ] as const)('%s', (_what, facts, data, detail) => {
    const f = found('aat', facts as Facts, 'aat.duration-limit');
    expect(f).toMatchObject({ data, detail });
  });

  it('teleconsultation: the notice, and the ongoing leave an extension brings', () => {
    const unless = {
      fr: 'sauf médecin traitant ou impossibilité de consulter en présentiel',
      en: 'unless you are the regular doctor or the patient cannot come in person',
    };
    const id = 'aat.teleconsultation-3-days';
    expect(found('aat', { aat: { teleconsultation: true, kind: 'initial', start: '2026-11-01', end: '2026-11-05' } }, id)).toMatchObject({
      data: { kind: 'duration', days: 5, limit: 3, of: 'teleconsultation', standing: 'over' },
      detail: { fr: `5 jours en téléconsultation (maximum 3 ${unless.fr}).`, en: `5 days by teleconsultation (maximum 3 ${unless.en}).` },
    });
    const ongoing = { teleconsultation: true, kind: 'prolongation', initialStart: '2026-11-01', start: '2026-11-03', end: '2026-11-04' } as const;
    expect(found('aat', { aat: ongoing }, id)).toMatchObject({
      data: { kind: 'duration', days: 4, limit: 3, of: 'teleconsultation-ongoing', standing: 'over', since: '2026-11-01' },
      detail: {
        fr: `Prolongation en téléconsultation : l'arrêt en cours irait à 4 jours depuis le 01/11/2026 (maximum 3 ${unless.fr}).`,
        en: `Extension by teleconsultation: the ongoing leave would reach 4 days since 2026-11-01 (maximum 3 ${unless.en}).`,
      },
    });
  });

  it('attachments and carte Vitale components: each problem listed from the data', () => {
    const MB = 1024 * 1024;
    const files = [{ name: 'pièce 1.exe', size: 6 * MB }, ...[2, 3, 4].map((i) => ({ name: `pièce ${i}.pdf`, size: 1 }))];
    expect(found('reclaps', { reclaps: { files } }, 'reclaps.attachments')).toMatchObject({
      data: { kind: 'attachments', files: 4, maxFiles: 3, totalBytes: 6 * MB + 3, maxBytes: 5 * MB, refused: ['pièce 1.exe'] },
      detail: {
        fr: '4 fichiers (maximum 3) ; 6.0 Mo au total (maximum 5.0 Mo) ; format refusé : pièce 1.exe.',
        en: '4 files (maximum 3); 6.0 MB in total (maximum 5.0 MB); format not accepted: pièce 1.exe.',
      },
    });
    expect(found('aat', { vitale: { extension: 'outdated', atsam: 'outdated' } }, 'vitale.atsam-and-extension')).toMatchObject({
      data: { kind: 'vitale-components', extension: 'outdated', atsam: 'outdated' },
      detail: {
        fr: 'extension « Lecture Carte Vitale » à mettre à jour ; ATSAM à mettre à jour.',
        en: '"Lecture Carte Vitale" extension needs updating; ATSAM needs updating.',
      },
    });
  });
});

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
