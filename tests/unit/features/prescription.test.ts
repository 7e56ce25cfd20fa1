/**
 * The prescription-line feature: the reader arrives on demand, each line gets one group (one overlay card) with all
 * its findings and the line written out in words, one note block per line under the field, and a reader that cannot
 * be loaded is said ("impossible de vérifier"), never a silent pass.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeatureManager, type ManagerState } from '../../../lib/features/manager';
import { prescriptionFeature } from '../../../lib/features/prescription';
import type { FeatureServices } from '../../../lib/features/types';
import { pageServices } from '../helpers/services';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TRAMADOL = 'Tramadol 50 mg, 1 gélule x3/j pendant 10 jours';

function page(values: string[]): HTMLTextAreaElement[] {
  document.body.innerHTML = '';
  return values.map((v, i) => {
    const label = document.createElement('label');
    label.htmlFor = `ligne-${i}`;
    label.textContent = 'Médicament';
    const t = document.createElement('textarea');
    t.id = `ligne-${i}`;
    t.value = v;
    document.body.append(label, t);
    return t;
  });
}

function start(services: FeatureServices, lang: 'fr' | 'en' = 'fr') {
  let state: ManagerState | null = null;
  const m = new FeatureManager({ features: [prescriptionFeature], onChange: (s) => (state = s) });
  m.start({
    page: 'prescription',
    url: new URL('https://espacepro.ameli.fr/prescription/'),
    doc: document,
    date: '2026-11-28',
    profile: { profession: 'medecin-generaliste' },
    lang,
    services,
  });
  return { m, state: () => state ?? m.state() };
}

let running: FeatureManager | undefined;
afterEach(() => running?.stop());

describe('prescription lines', () => {
  it('one group per line with all its findings, and the line written out in French words', async () => {
    page([TRAMADOL, 'Paracétamol 1 g, 1 comprimé trois fois par jour', 'Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j']);
    const r = start(pageServices, 'en');
    running = r.m;
    await sleep(100);
    const findings = r.state().findings;
    const keys = [...new Set(findings.map((f) => f.group?.key))];
    expect(keys).toEqual(['prescription-line-1-1', 'prescription-line-3-1']);
    const first = findings.filter((f) => f.group?.key === keys[0]);
    expect(first.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining([
        'secure-prescription.required',
        'secure-prescription.letters.dosage',
        'secure-prescription.letters.posology',
        'secure-prescription.letters.duration',
      ]),
    );
    expect(first[0]!.group!.label).toEqual({ fr: 'Ligne 1', en: 'Line 1' });
    // the prescription is French: the line written out stays French in English mode
    expect(first[0]!.group!.pageOnly).toEqual({
      fr: 'Tramadol cinquante milligrammes, une gélule trois fois par jour pendant dix jours',
      en: 'Tramadol cinquante milligrammes, une gélule trois fois par jour pendant dix jours',
    });
  });

  it('one note block per line under the field, naming each finding once, with the line in words', async () => {
    page([TRAMADOL]);
    const r = start(pageServices);
    running = r.m;
    await sleep(100);
    const note = document.querySelector('compagnon-amelipro-note')!.shadowRoot!;
    expect(note.querySelectorAll('li.line')).toHaveLength(1);
    const ids = [...note.querySelectorAll('li.line [data-rule-id]')].map((li) => li.getAttribute('data-rule-id'));
    expect(ids).toHaveLength(new Set(ids).size);
    expect(ids).toContain('secure-prescription.required');
    expect(note.querySelector('li.line.blocking > strong')!.textContent).toBe('Ligne 1 — Bloquant');
    expect(note.querySelector('[data-in-words] q')!.textContent).toBe('Tramadol cinquante milligrammes, une gélule trois fois par jour pendant dix jours');
  });

  it('nothing is reported while the reader loads; its findings come with it', async () => {
    page([TRAMADOL]);
    let arrive!: () => void;
    const loaded = new Promise<void>((resolve) => (arrive = resolve));
    const r = start({ ...pageServices, loadPrescriptionReader: () => loaded.then(() => pageServices.loadPrescriptionReader!()) });
    running = r.m;
    await sleep(50);
    expect(r.state().findings).toEqual([]);
    expect(document.querySelector('compagnon-amelipro-note')).toBeNull();
    arrive();
    await sleep(50);
    expect(r.state().findings.map((f) => f.ruleId)).toContain('secure-prescription.required');
  });

  it('a reader that cannot be loaded: the lines are said not to be checked', async () => {
    page([TRAMADOL]);
    const r = start({ ...pageServices, loadPrescriptionReader: () => Promise.reject(new Error('blocked')) });
    running = r.m;
    await sleep(50);
    expect(r.state().findings).toEqual([]);
    expect(r.state().cannotCheck).toEqual([
      expect.objectContaining({
        featureId: 'prescription-lines',
        ruleId: 'secure-prescription.required',
        reason: expect.objectContaining({ fr: expect.stringContaining('ne peuvent pas être vérifiées') }),
      }),
    ]);
  });

  /** Starts the feature with a reader loader that counts how often it is asked. */
  function startCounting() {
    let asked = 0;
    const r = start({
      ...pageServices,
      loadPrescriptionReader: () => {
        asked++;
        return pageServices.loadPrescriptionReader!();
      },
    });
    running = r.m;
    return { r, asked: () => asked };
  }

  it('an empty prescription does not load the reader; the first line typed does, and gets its findings', async () => {
    const [field] = page(['', '  ']);
    const { r, asked } = startCounting();
    await sleep(50);
    expect(asked()).toBe(0);
    expect(r.state().findings).toEqual([]);
    expect(r.state().cannotCheck).toEqual([]);
    field!.value = TRAMADOL;
    field!.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(r.state().findings.map((f) => f.ruleId)).toContain('secure-prescription.required'), { timeout: 2000 });
    expect(asked()).toBe(1);
  });

  it('a page without a medicine field never loads the reader', async () => {
    document.body.innerHTML = '<p>Accueil</p>';
    const { asked } = startCounting();
    await sleep(50);
    expect(asked()).toBe(0);
  });
});
