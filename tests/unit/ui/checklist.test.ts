import { describe, expect, it } from 'vitest';
import { buildChecklist, checklistIdFor, needsReview, relatedItemId, sameItems, summarize, uncoveredFindings } from '../../../lib/checklist';
import { rules } from '../../../lib/rules';
import { durationFinding } from './helpers';

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
      expect(item.source).toContain(rule.source.catalogue);
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

  it('pre-fills the related item from a tab finding, with the finding text', () => {
    const items = buildChecklist({ profession: 'medecin-generaliste', date: '2026-11-28', findings: [durationFinding] });
    const cerfa = items.find((i) => i.id === 'aat.secured-cerfa')!;
    expect(needsReview(cerfa)).toBe(true);
    expect(cerfa.prefill).toEqual([expect.objectContaining({ kind: 'finding', ruleId: 'aat.duration-limit', detail: durationFinding.detail })]);
    expect(items.filter(needsReview).map((i) => i.id)).toEqual(['aat.secured-cerfa']);
    expect(uncoveredFindings(items, [durationFinding])).toEqual([]);
  });

  it('an exact rule match wins; a family with several items gets nothing; cannot-check is reported apart', () => {
    const list = ['billing.double-same-date', 'billing.saturday', 'aat.secured-cerfa'];
    expect(relatedItemId('billing.saturday', list)).toBe('billing.saturday');
    expect(relatedItemId('billing.rights-adri', list)).toBeUndefined();
    expect(relatedItemId('aat.online-preferred', list)).toBe('aat.secured-cerfa');
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
