import { checkFor, effectiveSeverity, evaluate, getRule, rules, type Facts } from '../../../lib/rules';
import { detailOf } from '../../../lib/rules/finding-data';

/** A check's result with the detail the engine shows: rendered from the data when the check gave data. */
const run = (id: string, facts: Facts, date = '2026-11-28') => {
  const r = checkFor(id)!(facts, getRule(id), date);
  return r.status === 'fail' && r.data ? { ...r, detail: detailOf(r.data, date) } : r;
};

describe('checks read facts and rule.params; missing facts never pass', () => {
  describe('aat.duration-limit (1 month initial, 2 months prolongation; 31 / 62 days: unit not confirmed)', () => {
    const sev = (facts: Facts) => {
      const r = run('aat.duration-limit', facts);
      return r.status === 'fail' ? `fail:${r.severity ?? 'rule'}` : r.status;
    };
    it.each([
      [{}, 'cannot-check'],
      [{ aat: { start: '2026-09-10', end: '2026-10-09' } }, 'cannot-check'],
      [{ aat: { kind: 'initial', start: '2026-09-10', end: '2026-09-01' } }, 'cannot-check'],
      // the calendar month: within it, nothing to say
      [{ aat: { kind: 'initial', start: '2026-09-10', end: '2026-10-09' } }, 'pass'],
      [{ aat: { kind: 'initial', start: '2026-01-31', end: '2026-02-28' } }, 'pass'],
      // past the calendar month but within 31 days: "à la limite, vérifiez", information
      [{ aat: { kind: 'initial', start: '2026-09-10', end: '2026-10-10' } }, 'fail:info'],
      [{ aat: { kind: 'initial', start: '2026-01-31', end: '2026-03-02' } }, 'fail:info'],
      // day 32: the warning
      [{ aat: { kind: 'initial', start: '2026-09-10', end: '2026-10-11' } }, 'fail:rule'],
      [{ aat: { kind: 'initial', start: '2026-01-31', end: '2026-03-03' } }, 'fail:rule'],
      // prolongation: two calendar months, then 62 days
      [{ aat: { kind: 'prolongation', start: '2026-09-10', end: '2026-11-09' } }, 'pass'],
      [{ aat: { kind: 'prolongation', start: '2026-09-10', end: '2026-11-10' } }, 'fail:info'],
      [{ aat: { kind: 'prolongation', start: '2026-09-10', end: '2026-11-11' } }, 'fail:rule'],
      [{ aat: { kind: 'prolongation', start: '2026-09-10', end: '2026-11-12' } }, 'fail:rule'],
      // AT/MP certificate: the cap concerns sick pay for illness; only an information "à vérifier"
      [{ aat: { kind: 'initial', scheme: 'atmp', start: '2026-09-10', end: '2026-10-09' } }, 'pass'],
      [{ aat: { kind: 'initial', scheme: 'atmp', start: '2026-09-10', end: '2026-12-31' } }, 'fail:info'],
    ] as [Facts, string][])('%j -> %s', (facts, status) => {
      expect(sev(facts)).toBe(status);
    });

    it('says how long, that the prescriber may exceed it by justifying it, and what is not confirmed', () => {
      const over = run('aat.duration-limit', { aat: { kind: 'initial', start: '2026-09-10', end: '2026-10-24' } });
      expect(over).toMatchObject({ status: 'fail', detail: { fr: expect.stringMatching(/45 jours.*justifiez la durée sur l'avis/) } });
      const edge = run('aat.duration-limit', { aat: { kind: 'initial', start: '2026-09-10', end: '2026-10-10' } });
      expect(edge).toMatchObject({ status: 'fail', severity: 'info', detail: { fr: expect.stringMatching(/31 jours.*à la limite, vérifiez/) } });
      const atmp = run('aat.duration-limit', { aat: { kind: 'initial', scheme: 'atmp', start: '2026-09-10', end: '2026-12-31' } });
      expect(atmp).toMatchObject({ detail: { fr: expect.stringMatching(/AT\/MP n'est pas confirmée : à vérifier/) } });
      expect(getRule('aat.duration-limit').message.fr).toMatch(/dépasser ce plafond en justifiant la durée sur l'avis/);
    });
  });

  it.each([
    [{}, 'cannot-check'],
    [{ aat: { mode: 'online' } }, 'pass'],
    [{ aat: { mode: 'paper' } }, 'fail'],
  ] as [Facts, string][])('aat.online-preferred %j -> %s', (facts, status) => {
    expect(run('aat.online-preferred', facts).status).toBe(status);
  });

  it.each([
    [{}, 'cannot-check'],
    [{ aat: { mode: 'online' } }, 'pass'],
    [{ aat: { mode: 'paper' } }, 'fail'],
  ] as [Facts, string][])('aat.secured-cerfa %j -> %s', (facts, status) => {
    expect(run('aat.secured-cerfa', facts).status).toBe(status);
  });

  describe('aat.teleconsultation-3-days (the notice, and an extension counted from the initial stoppage)', () => {
    it.each([
      [{}, 'cannot-check'],
      [{ aat: { teleconsultation: false } }, 'pass'],
      [{ aat: { teleconsultation: true } }, 'cannot-check'],
      [{ aat: { teleconsultation: true, kind: 'initial', start: '2026-11-02', end: '2026-11-04' } }, 'pass'],
      [{ aat: { teleconsultation: true, kind: 'initial', start: '2026-11-02', end: '2026-11-05' } }, 'fail'],
      // the notice alone is too long, whatever its type
      [{ aat: { teleconsultation: true, start: '2026-11-02', end: '2026-11-05' } }, 'fail'],
      // a short notice whose type is unknown: it may be an extension
      [{ aat: { teleconsultation: true, start: '2026-11-02', end: '2026-11-04' } }, 'cannot-check'],
      // extension: the ongoing stoppage counts from the initial one
      [{ aat: { teleconsultation: true, kind: 'prolongation', initialStart: '2026-11-01', start: '2026-11-02', end: '2026-11-03' } }, 'pass'],
      [{ aat: { teleconsultation: true, kind: 'prolongation', initialStart: '2026-11-01', start: '2026-11-03', end: '2026-11-04' } }, 'fail'],
      [{ aat: { teleconsultation: true, kind: 'prolongation', start: '2026-11-03', end: '2026-11-04' } }, 'cannot-check'],
      [{ aat: { teleconsultation: true, kind: 'prolongation', initialStart: '2026-11-05', start: '2026-11-03', end: '2026-11-04' } }, 'cannot-check'],
    ] as [Facts, string][])('%j -> %s', (facts, status) => {
      expect(run('aat.teleconsultation-3-days', facts).status).toBe(status);
    });

    it('says how far the ongoing stoppage would go, or that it could not check it', () => {
      const r = run('aat.teleconsultation-3-days', {
        aat: { teleconsultation: true, kind: 'prolongation', initialStart: '2026-11-01', start: '2026-11-03', end: '2026-11-04' },
      });
      expect(r).toMatchObject({ status: 'fail', detail: { fr: expect.stringContaining("l'arrêt en cours irait à 4 jours depuis le 01/11/2026") } });
      const c = run('aat.teleconsultation-3-days', { aat: { teleconsultation: true, kind: 'prolongation', start: '2026-11-03', end: '2026-11-04' } });
      expect(c).toMatchObject({ status: 'cannot-check', reason: { fr: expect.stringContaining("date de l'arrêt initial non lue") } });
    });
  });

  describe('reclaps.attachments', () => {
    const MB = 1024 * 1024;
    it.each([
      [{}, 'cannot-check'],
      [{ reclaps: {} }, 'cannot-check'],
      [{ reclaps: { files: [] } }, 'pass'],
      [
        {
          reclaps: {
            files: [
              { name: 'a.pdf', size: 2 * MB },
              { name: 'b.JPEG', size: 2 * MB },
              { name: 'c.xlsx', size: MB },
            ],
          },
        },
        'pass',
      ],
      [
        {
          reclaps: {
            files: [
              { name: 'a.pdf', size: 2 * MB },
              { name: 'b.png', size: 2 * MB },
              { name: 'c.csv', size: MB + 1 },
            ],
          },
        },
        'fail',
      ],
      [{ reclaps: { files: [1, 2, 3, 4].map((i) => ({ name: `${i}.pdf`, size: 10 })) } }, 'fail'],
      [{ reclaps: { files: [{ name: 'photo.heic', size: 10 }] } }, 'fail'],
      [{ reclaps: { files: [{ name: 'noextension', size: 10 }] } }, 'fail'],
    ] as [Facts, string][])('%j -> %s', (facts, status) => {
      expect(run('reclaps.attachments', facts).status).toBe(status);
    });

    it('lists every problem', () => {
      const r = run('reclaps.attachments', {
        reclaps: { files: [{ name: 'a.exe', size: 6 * MB }, ...[1, 2, 3].map((i) => ({ name: `${i}.pdf`, size: 1 }))] },
      });
      expect(r.status).toBe('fail');
      if (r.status === 'fail') {
        expect(r.detail!.fr).toMatch(/4 fichiers \(maximum 3\)/);
        expect(r.detail!.fr).toMatch(/maximum 5\.0 Mo/);
        expect(r.detail!.fr).toMatch(/a\.exe/);
      }
    });
  });

  it.each([
    [{}, 'cannot-check'],
    [{ vitale: { extension: 'present' } }, 'cannot-check'],
    [{ vitale: { extension: 'present', atsam: 'ok' } }, 'pass'],
    [{ vitale: { extension: 'absent' } }, 'fail'],
    [{ vitale: { extension: 'present', atsam: 'outdated' } }, 'fail'],
    [{ vitale: { extension: 'outdated', atsam: 'ok' } }, 'fail'],
    [{ vitale: { extension: 'unknown', atsam: 'unknown' } }, 'cannot-check'],
  ] as [Facts, string][])('vitale.atsam-and-extension %j -> %s', (facts, status) => {
    expect(run('vitale.atsam-and-extension', facts).status).toBe(status);
  });

  describe('indicators.declaration-open', () => {
    const id = 'indicators.declaration-open';
    it.each([
      [{}, 'cannot-check'],
      [{ indicators: { declared: 3 } }, 'cannot-check'],
      [{ indicators: { declared: 5, total: 5 } }, 'pass'],
      [{ indicators: { declared: 3, total: 5 } }, 'fail'],
    ] as [Facts, string][])('%j -> %s', (facts, status) => {
      expect(run(id, facts, '2026-01-29').status).toBe(status);
    });

    it('counts down to the close date shown by the portal; without it, no invented date', () => {
      expect(run(id, { indicators: { declared: 3, total: 5 } }, '2026-01-29')).toMatchObject({
        detail: { fr: '3/5 indicateurs déclarés.' },
      });
      expect(run(id, { indicators: { declared: 1, total: 3, declarationClosesOn: '2027-02-07' } }, '2026-11-28')).toMatchObject({
        detail: { fr: '1/3 indicateurs déclarés ; clôture le 07/02/2027 (J-71).' },
      });
      expect(run(id, { indicators: { declared: 3, total: 5, declarationClosesOn: '2026-02-01' } }, '2026-01-29')).toMatchObject({
        detail: { fr: expect.stringContaining('J-3') },
      });
    });

    it('is information weeks before the close, a warning in the last 15 days or when the close date is unknown', () => {
      const facts = (closes?: string): Facts => ({ indicators: { declared: 1, total: 3, ...(closes ? { declarationClosesOn: closes } : {}) } });
      expect(run(id, facts('2027-02-07'), '2026-11-28')).toMatchObject({ status: 'fail', severity: 'info' });
      expect(run(id, facts('2027-02-07'), '2027-01-22')).toMatchObject({ status: 'fail', severity: 'info' }); // J-16
      expect(run(id, facts('2027-02-07'), '2027-01-23')).not.toHaveProperty('severity'); // J-15: the rule's warning
      expect(run(id, facts('2027-02-07'), '2027-02-07')).not.toHaveProperty('severity');
      expect(run(id, facts(), '2026-11-28')).not.toHaveProperty('severity');
    });

    it('marks the information as repeating the page only when the close date was read there; never a warning', () => {
      const facts = (closes?: string): Facts => ({ indicators: { declared: 1, total: 3, ...(closes ? { declarationClosesOn: closes } : {}) } });
      expect(run(id, facts('2027-02-07'), '2026-11-28')).toMatchObject({ severity: 'info', echoes: 'page' });
      expect(run(id, facts('2027-02-07'), '2027-01-23')).not.toHaveProperty('echoes');
      expect(run(id, facts(), '2026-11-28')).not.toHaveProperty('echoes');
    });

    it('the dated windows are calendar reminders; the open-window check is shared by every year', () => {
      expect(checkFor('indicators.declaration-window.pharmaciens-2024')).toBeUndefined();
      expect(checkFor('indicators.declaration-open')).toBeDefined();
      expect(checkFor('indicators.donum')).toBeUndefined();
    });
  });
});

describe('evaluate', () => {
  const gp = { profession: 'medecin-generaliste' as const };

  it('an AAT page after 2026-09-01: too-long notice -> warning finding with detail, link and source', () => {
    const ev = evaluate(
      { page: 'aat', facts: { aat: { kind: 'initial', start: '2026-11-02', end: '2026-12-20', mode: 'online', teleconsultation: false } } },
      { date: '2026-11-28', profile: gp },
    );
    expect(ev.findings.map((f) => f.ruleId)).toEqual(['aat.duration-limit']);
    const f = ev.findings[0]!;
    expect(f).toMatchObject({ severity: 'warning', toVerify: false, link: expect.stringMatching(/^https:/) });
    expect(f.title.fr).toBeTruthy();
    expect(f.title.en).toBeTruthy();
    expect(f.detail?.fr).toMatch(/49 jours/);
    // the finding names its rule; the source is the rule's (the side panel reads it from its catalogue)
    expect(getRule(f.ruleId).source.catalogue).toBe('R2.6');
    expect(ev.reminders.map((r) => r.id)).toContain('aat.paper-workflow');
    expect(ev.cannotCheck.map((c) => c.ruleId)).toContain('vitale.atsam-and-extension');
  });

  it('an information the page already shows keeps that mark; a warning or blocking finding never carries it', () => {
    const facts = { indicators: { declared: 1, total: 3, declarationClosesOn: '2027-02-07' } };
    const far = evaluate({ page: 'convention-medecin', facts }, { date: '2026-11-28', profile: gp }).findings;
    expect(far.find((f) => f.ruleId === 'indicators.declaration-open')).toMatchObject({ severity: 'info', echoes: 'page' });
    const near = evaluate({ page: 'convention-medecin', facts }, { date: '2027-01-30', profile: gp }).findings;
    expect(near.find((f) => f.ruleId === 'indicators.declaration-open')).toMatchObject({ severity: 'warning' });
    expect(near.find((f) => f.ruleId === 'indicators.declaration-open')).not.toHaveProperty('echoes');
    // a check that would mark a blocking finding so: the engine says it in the page all the same
    const rule = rules.find((r) => r.check === 'prescription.secure-form')!;
    const marked = (severity?: 'info') => () => ({
      status: 'fail' as const,
      detail: { fr: 'x', en: 'x' },
      echoes: 'page' as const,
      ...(severity ? { severity } : {}),
    });
    const run = (severity?: 'info') =>
      evaluate({ page: 'prescription' }, { date: '2026-11-28', profile: gp, only: [rule.id], checks: { 'prescription.secure-form': marked(severity) } })
        .findings[0];
    expect(run()).toMatchObject({ severity: 'blocking' });
    expect(run()).not.toHaveProperty('echoes');
    expect(run('info')).toMatchObject({ severity: 'info', echoes: 'page' });
  });

  it('`only` evaluates the given rules and no other (a feature checks its own rules only)', () => {
    const facts = { aat: { kind: 'initial' as const, start: '2026-11-02', end: '2026-12-20', mode: 'paper' as const, teleconsultation: false } };
    const all = evaluate({ page: 'aat', facts }, { date: '2026-11-28', profile: gp });
    expect(all.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['aat.duration-limit', 'aat.secured-cerfa']));
    expect(all.cannotCheck.map((c) => c.ruleId)).toContain('vitale.atsam-and-extension');
    const only = evaluate({ page: 'aat', facts }, { date: '2026-11-28', profile: gp, only: ['aat.duration-limit', 'vitale.unknown-rule'] });
    expect(only.findings.map((f) => f.ruleId)).toEqual(['aat.duration-limit']);
    expect(only.findings[0]).toEqual(all.findings.find((f) => f.ruleId === 'aat.duration-limit'));
    expect(only.cannotCheck).toEqual([]);
    expect(only.reminders).toEqual([]);
  });

  it('the same notice before 2026-09-01: no duration rule, which is listed as upcoming', () => {
    const ev = evaluate({ page: 'aat', facts: { aat: { kind: 'initial', start: '2026-07-02', end: '2026-08-20' } } }, { date: '2026-07-15', profile: gp });
    expect(ev.findings.map((f) => f.ruleId)).not.toContain('aat.duration-limit');
    expect(ev.upcoming.map((r) => r.id)).toEqual(['aat.duration-limit']);
  });

  it('a paper notice during the summer 2025 tolerance: secured Cerfa as a warning with the tolerance message', () => {
    const ev = evaluate({ page: 'aat', facts: { aat: { mode: 'paper' } } }, { date: '2025-08-31', profile: gp });
    const f = ev.findings.find((x) => x.ruleId === 'aat.secured-cerfa');
    expect(f).toMatchObject({ severity: 'warning', transition: { fr: expect.stringContaining('31/08/2025') } });
    const after = evaluate({ page: 'aat', facts: { aat: { mode: 'paper' } } }, { date: '2025-09-01', profile: gp });
    const g = after.findings.find((x) => x.ruleId === 'aat.secured-cerfa');
    // The check lowers it to a warning: the page cannot see which paper form will be used.
    expect(g).toMatchObject({ severity: 'warning' });
    expect(g!.transition).toBeUndefined();
    expect(g!.detail?.fr).toMatch(/Cerfa sécurisé/);
  });

  it('missing facts give cannot-check, never a pass or a finding', () => {
    const ev = evaluate({ page: 'reclaps' }, { date: '2026-11-28', profile: gp });
    expect(ev.findings).toEqual([]);
    expect(ev.cannotCheck).toEqual([{ ruleId: 'reclaps.attachments', reason: expect.objectContaining({ fr: expect.any(String) }) }]);
  });

  it('filters by profession', () => {
    const ph = evaluate({ page: 'prescription' }, { date: '2026-11-28', profile: { profession: 'pharmacien' } });
    // the AGLP-1 rules have a check now: without a prescription line they cannot be checked
    const ids = [...ph.reminders.map((r) => r.id), ...ph.cannotCheck.map((c) => c.ruleId)];
    expect(ids).toContain('aglp1.pharmacist-form-on-file');
    expect(ids).not.toContain('aglp1.justification-form');
  });

  it('ignores rules that ended', () => {
    const ev = evaluate({}, { date: '2026-11-28', profile: { profession: 'pharmacien' } });
    const all = [...ev.reminders.map((r) => r.id), ...ev.cannotCheck.map((c) => c.ruleId)];
    expect(all).not.toContain('pharmacy.ipa-direct-access-not-billable');
    expect(all).not.toContain('indicators.declaration-window.pharmaciens-2024');
  });

  it('outside any tolerance period a blocking rule stays blocking, without tolerance message', () => {
    const ev = evaluate({ page: 'reclaps', facts: { reclaps: { files: [{ name: 'a.heic', size: 1 }] } } }, { date: '2026-11-28', profile: gp });
    expect(ev.findings[0]).toMatchObject({ ruleId: 'reclaps.attachments', severity: 'blocking' });
    expect(ev.findings[0]!.transition).toBeUndefined();
  });

  it('during a tolerance period a blocking rule is shown as a warning (never blocking)', () => {
    const r = getRule('secure-prescription.required');
    expect(effectiveSeverity(r, '2025-03-15')).toBe('warning');
    expect(effectiveSeverity(r, '2025-04-01')).toBe('blocking');
  });

  it('an unknown page runs nothing', () => {
    const ev = evaluate({ page: 'unknown', facts: { aat: { mode: 'paper' } } }, { date: '2026-11-28', profile: gp });
    expect(ev).toEqual({ findings: [], cannotCheck: [], reminders: [], upcoming: [] });
  });

  it('defaults the reference date to today', () => {
    expect(() => evaluate({ page: 'aat' }, { profile: gp })).not.toThrow();
  });
});
