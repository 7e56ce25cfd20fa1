import { describe, expect, it } from 'vitest';
import {
  buildChecklist,
  buildEndOfDayList,
  checklistIdFor,
  isEndOfDay,
  needsReview,
  relatedItemId,
  sameItems,
  summarize,
  uncoveredFindings,
} from '../../../lib/checklist';
import { rules } from '../../../lib/rules';
import { findRule, rulesFor } from '../../../lib/rules/engine';
import { durationFinding, lettersFinding } from './helpers';
import { formatSource } from '../../../lib/rules/source';

const ids = (p: Parameters<typeof buildChecklist>[0]) => buildChecklist(p).map((i) => i.id);

describe('checklist builder', () => {
  it('a general practitioner on 2026-11-28: the catalogue questions in force', () => {
    const items = ids({ profession: 'medecin-generaliste', date: '2026-11-28' });
    expect(items).toEqual(
      expect.arrayContaining([
        'secure-prescription.required',
        'aglp1.justification-form',
        'aat.secured-cerfa',
        'teletransmission.supporting-documents',
        'billing.double-same-date',
        'billing.holiday-supplement-duty-roster',
      ]),
    );
    expect(items).not.toContain('aglp1.pharmacist-form-on-file');
    expect(items).not.toContain('pharmacy.serialisation-penalty');
    // coordination supplement: specialists only in the catalogue
    expect(items).not.toContain('billing.coordination-supplement');
    expect(ids({ profession: 'medecin-specialiste', date: '2026-11-28' })).toContain('billing.coordination-supplement');
  });

  it('every item comes from a rule with the checklist context and a question, in force that day', () => {
    for (const item of buildChecklist({ profession: 'pharmacien', date: '2026-11-28' })) {
      const rule = rules.find((r) => r.id === item.id)!;
      expect(rule.contexts).toContain('checklist');
      expect(item.question).toEqual(rule.checklist);
      expect(rule.professions).toContain('pharmacien');
      expect(item.link).toBe(rule.link);
      expect(item.source).toEqual(formatSource(rule.source));
      expect(item.source.fr).not.toContain(rule.source.catalogue);
    }
  });

  it('a pharmacist: GLP-1 form, secured opioid prescriptions, serialisation; no doctor billing items', () => {
    const items = ids({ profession: 'pharmacien', date: '2026-11-28' });
    expect(items).toEqual(expect.arrayContaining(['aglp1.pharmacist-form-on-file', 'secure-prescription.required', 'pharmacy.serialisation-penalty']));
    expect(items).not.toContain('billing.double-same-date');
    expect(items).not.toContain('aat.secured-cerfa');
  });

  it('follows the reference date: rules not yet in force or ended are left out', () => {
    const before = ids({ profession: 'medecin-generaliste', date: '2025-02-15' });
    expect(before).not.toContain('secure-prescription.required'); // from 2025-03-01
    expect(before).not.toContain('aat.secured-cerfa'); // from 2025-07-01
    expect(before).toContain('indicators.declaration-window.medecins-2024'); // 2024-12-12 .. 2025-02-15
    expect(ids({ profession: 'medecin-generaliste', date: '2025-03-01' })).toContain('secure-prescription.required');
    expect(ids({ profession: 'medecin-generaliste', date: '2026-11-28' })).not.toContain('indicators.declaration-window.medecins-2024');
  });

  it("pre-fills the related item from a tab finding: a regime's finding goes to the « ordonnance sécurisée » item", () => {
    const items = buildChecklist({ profession: 'medecin-generaliste', date: '2026-11-28', page: 'prescription', findings: [lettersFinding] });
    const secure = items.find((i) => i.id === 'secure-prescription.required')!;
    expect(needsReview(secure)).toBe(true);
    expect(secure.prefill).toEqual([expect.objectContaining({ kind: 'finding', ruleId: 'stupefiants.letters.dosage', severity: 'blocking' })]);
    expect(items.filter(needsReview).map((i) => i.id)).toEqual(['secure-prescription.required']);
    expect(uncoveredFindings(items, [lettersFinding])).toEqual([]);
  });

  it('the AAT duration finding is not attached to the paper-Cerfa item: it is shown apart (was attached by rule family)', () => {
    const items = buildChecklist({ profession: 'medecin-generaliste', date: '2026-11-28', page: 'aat', findings: [durationFinding] });
    expect(items.some(needsReview)).toBe(false);
    expect(uncoveredFindings(items, [durationFinding])).toEqual([durationFinding]);
  });

  it("a page's checklist: the questions of that page's rules for the profession; billing goes to the end-of-day list", () => {
    const gp = (page: Parameters<typeof buildChecklist>[0]['page']) => ids({ profession: 'medecin-generaliste', date: '2026-11-28', page });
    expect(gp('aat')).toEqual(['aat.secured-cerfa', 'vitale.atsam-and-extension']);
    expect(gp('prescription')).toEqual(['secure-prescription.required', 'aglp1.justification-form']);
    // the transport summary: no tramadol, GLP-1 or Saturday question (the catalogue has no transport rule yet)
    expect(gp('transmission')).toEqual([]);
    const endOfDay = buildEndOfDayList({ profession: 'medecin-generaliste', date: '2026-11-28' }).map((i) => i.id);
    expect(endOfDay).toEqual(expect.arrayContaining(['billing.double-same-date', 'billing.saturday', 'teletransmission.supporting-documents']));
    for (const page of ['aat', 'prescription', 'transmission', 'home'] as const) for (const id of gp(page)) expect(isEndOfDay(findRule(id)!)).toBe(false);
    // which list asks a question is the rule's data: the end-of-day list is exactly the rules that say so
    const asked = rulesFor({ profession: 'medecin-generaliste', date: '2026-11-28', context: 'checklist' }).filter((r) => r.checklist);
    expect(
      asked
        .filter((r) => r.checklistWhen === 'end-of-day')
        .map((r) => r.id)
        .sort(),
    ).toEqual([...endOfDay].sort());
    // the pharmacist's own question, not the prescriber's as well
    expect(ids({ profession: 'pharmacien', date: '2026-11-28', page: 'prescription' })).toEqual(['secure-prescription.pharmacy-dispensing']);
    expect(buildEndOfDayList({ profession: 'pharmacien', date: '2026-11-28' }).map((i) => i.id)).toEqual(
      expect.arrayContaining(['aglp1.pharmacist-form-on-file', 'pharmacy.fees-avenant1', 'pharmacy.serialisation-penalty']),
    );
  });

  it('an exact rule match wins; a family with several items gets nothing; cannot-check is reported apart', () => {
    const list = ['billing.double-same-date', 'billing.saturday', 'aat.secured-cerfa'];
    expect(relatedItemId('billing.saturday', list)).toBe('billing.saturday');
    expect(relatedItemId('billing.rights-adri', list)).toBeUndefined();
    expect(relatedItemId('aat.online-preferred', list)).toBeUndefined();
    expect(relatedItemId('secure-form.max-duration', ['secure-prescription.required', 'aat.secured-cerfa'])).toBe('secure-prescription.required');
    expect(relatedItemId('reclaps.attachments', list)).toBeUndefined();

    const items = buildChecklist({
      profession: 'medecin-generaliste',
      date: '2026-11-28',
      findings: [{ ...durationFinding, ruleId: 'billing.rights-adri', featureId: 'x' }],
      cannotCheck: [{ featureId: 'vitale', ruleId: 'vitale.atsam-and-extension', reason: { fr: 'État inconnu.', en: 'Unknown.' } }],
    });
    expect(items.some(needsReview)).toBe(false);
    const vitale = items.find((i) => i.id === 'vitale.atsam-and-extension')!;
    expect(vitale.prefill).toEqual([expect.objectContaining({ kind: 'cannot-check' })]);
    expect(needsReview(vitale)).toBe(false);
    expect(uncoveredFindings(items, [{ ...durationFinding, ruleId: 'billing.rights-adri' }])).toHaveLength(1);
  });

  it('run helpers: one checklist id per profession, summary, resumable only with the same items', () => {
    expect(checklistIdFor('pharmacien')).toBe('avant-transmission.pharmacien');
    expect(summarize({ a: 'done', b: 'todo', c: 'not-applicable', d: 'skipped' })).toEqual({ total: 4, done: 1, notApplicable: 1, todo: 2 });
    expect(sameItems({ a: 'todo', b: 'done' }, [{ id: 'b' }, { id: 'a' }])).toBe(true);
    expect(sameItems({ a: 'todo' }, [{ id: 'a' }, { id: 'b' }])).toBe(false);
  });
});
