import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { evaluate } from '../../../lib/rules/engine';
import { loginReminder, transmissionChecklist } from '../../../lib/features/reminders';
import type { Feature, FeatureOutput } from '../../../lib/features/types';
import type { PageType, Profession } from '../../../lib/pages/types';

function run(feature: Feature, page: PageType, date: string, profession: Profession = 'medecin-generaliste'): FeatureOutput[] {
  const outs: FeatureOutput[] = [];
  const controller = new AbortController();
  feature.run(
    { page, url: new URL('https://espacepro.ameli.fr/'), doc: document, date, profile: { profession }, lang: 'fr', services: {}, report: (o) => outs.push(o) },
    controller.signal,
  );
  controller.abort();
  return outs;
}

describe('reminders come from the rule engine', () => {
  it('remind: the rules in force are information findings, not checked', () => {
    // aat.secured-cerfa has a check (it needs the sick-leave mode), yet as a reminder it is shown, not checked
    const ev = evaluate(
      { page: 'commandes' },
      { date: '2026-11-28', profile: { profession: 'medecin-generaliste' }, only: ['aat.secured-cerfa'], remind: true },
    );
    expect(ev.cannotCheck).toEqual([]);
    expect(ev.findings.map((f) => [f.ruleId, f.severity])).toEqual([['aat.secured-cerfa', 'info']]);
  });

  it('a rule not yet in force, or for another profession, gives no reminder', () => {
    expect(run(loginReminder, 'login', '2024-12-31')).toEqual([{ findings: [], cannotCheck: [] }]);
    const pharmacist = evaluate(
      { page: 'commandes' },
      { date: '2026-11-28', profile: { profession: 'pharmacien' }, only: ['aat.secured-cerfa'], remind: true },
    );
    expect(pharmacist.findings).toEqual([]);
  });

  it('the feature shows the finding with its own id and action', () => {
    const out = run(transmissionChecklist, 'transmission', '2026-11-28')[0];
    if (!out) throw new Error('no output');
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({
      ruleId: 'teletransmission.supporting-documents',
      featureId: 'transmission-checklist',
      severity: 'info',
      action: { kind: 'open-checklist' },
    });
    expect(out.findings[0]?.message.fr).toMatch(/pièces justificatives/);
  });

  it('reminders.ts builds no finding itself', () => {
    const src = readFileSync('lib/features/reminders.ts', 'utf8');
    expect(src).not.toMatch(/findings\.push|severity:\s*'info'|isInForce|professions\.includes/);
  });
});
