/**
 * Portal variants on the rendered test pages: for each feature, the page with the fields it reads renamed (labels
 * and ids changed), removed, duplicated, or rendered late. Each feature must either still find the problem entered
 * in the page, or say "impossible de vérifier" (a cannotCheck entry); it must never throw, and never stay silent
 * about a problematic input it can no longer read (a false pass).
 */
import { pageServices } from '../helpers/services';
import { aatFeature } from '../../../lib/features/aat';
import { conventionFeature } from '../../../lib/features/convention';
import { FeatureManager, type ManagerState } from '../../../lib/features/manager';
import { prescriptionFeature } from '../../../lib/features/prescription';
import { reclapsFeature } from '../../../lib/features/reclaps';
import { commandesReminder } from '../../../lib/features/reminders';
import type { Feature } from '../../../lib/features/types';
import type { PageType } from '../../../lib/pages/types';
import { PAGES, snapshotHtml } from './snapshots';

const SLOW = { timeout: 60_000 };
const DEBOUNCE_WAIT = 400;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function load(id: string): Document {
  const parsed = new DOMParser().parseFromString(snapshotHtml(id), 'text/html');
  document.body.replaceWith(document.importNode(parsed.body, true));
  return document;
}

function run(feature: Feature, page: PageType, id: string, profession: 'medecin-generaliste' | 'pharmacien' = 'medecin-generaliste') {
  const url = new URL(PAGES.find((p) => p.id === id)!.url);
  let state: ManagerState | null = null;
  const m = new FeatureManager({ features: [feature], onChange: (s) => (state = s) });
  m.start({ page, url, doc: document, date: '2026-11-28', profile: { profession }, lang: 'fr', services: pageServices });
  return { m, state: () => state ?? m.state() };
}

/** The element holding one field: its `<id>-container`, else the nearest ancestor holding both the label and the control. */
function fieldOf(doc: Document, id: string): Element | null {
  if (id.startsWith('#')) return doc.querySelector(id);
  const byId = doc.getElementById(`${id}-container`);
  if (byId) return byId;
  const control = doc.getElementById(id);
  if (!control) return null;
  const label = doc.querySelector(`label[for="${id}"]`) ?? control.closest('label');
  let el: Element | null = control.parentElement;
  while (el && label && !el.contains(label)) el = el.parentElement;
  return el ?? control;
}

let renamed = 0;
/** Changes every label text, id, for, aria reference, aria-label, placeholder and choice value inside `root`. */
function rename(root: Element): void {
  const n = ++renamed;
  const all = [root, ...Array.from(root.querySelectorAll('*'))];
  for (const el of all) {
    for (const attr of ['id', 'for', 'aria-labelledby', 'aria-describedby', 'name']) {
      const v = el.getAttribute(attr);
      if (v)
        el.setAttribute(
          attr,
          v
            .split(/\s+/)
            .map((x) => `zz${n}-${x.length}`)
            .join(' '),
        );
    }
    if (el.hasAttribute('aria-label')) el.setAttribute('aria-label', `Champ ${n}`);
    if (el.hasAttribute('placeholder')) el.setAttribute('placeholder', '');
    if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) el.value = `v${n}`;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  for (const t of texts) if (t.textContent?.trim() && !t.parentElement?.closest('textarea')) t.textContent = `Champ ${n}`;
}

/** `copy-filled`: the field is rendered twice (e.g. a hidden responsive copy first) and the user types in the second. */
type Variant = 'as-is' | 'renamed' | 'removed' | 'duplicated' | 'copy-filled' | 'late';
const VARIANTS: Variant[] = ['as-is', 'renamed', 'removed', 'duplicated', 'copy-filled', 'late'];

interface Scenario {
  name: string;
  feature: Feature;
  page: PageType;
  snapshot: string;
  profession?: 'medecin-generaliste' | 'pharmacien';
  /** Ids of the fields the feature reads (each is varied in turn). */
  fields: string[];
  /** Puts the problematic input in the page (every copy of a duplicated field gets it). */
  enter: (doc: Document) => void;
  /** The finding the problem gives on the unchanged page. */
  ruleId: string;
  /** When the field varied is removed, the problem may be gone with it (e.g. the line that held it). */
  removalDropsProblem?: (field: string) => boolean;
  /** The problem is entered as the user does, once the feature runs (e.g. picking a file). */
  enterAfterStart?: boolean;
  /** Variants that do not apply (e.g. a reminder has nothing to rename). */
  skip?: Variant[];
}

const setAll = (doc: Document, id: string, value: string) => {
  for (const el of Array.from(doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(`[id="${id}"]`))) el.value = value;
};

const SCENARIOS: Scenario[] = [
  {
    name: 'AAT: one-and-a-half-month initial notice',
    feature: aatFeature,
    page: 'aat',
    snapshot: 'aat',
    fields: ['type_arret', 'date_debut_arret', 'date_fin_arret'],
    enter: (doc) => {
      setAll(doc, 'date_debut_arret', '02/11/2026');
      setAll(doc, 'date_fin_arret', '15/12/2026');
    },
    ruleId: 'aat.duration-limit',
  },
  {
    name: 'AAT: teleconsultation for five days',
    feature: aatFeature,
    page: 'aat',
    snapshot: 'aat',
    fields: ['teleconsultation', 'date_debut_arret', 'date_fin_arret'],
    enter: (doc) => {
      setAll(doc, 'date_debut_arret', '27/11/2026');
      setAll(doc, 'date_fin_arret', '01/12/2026');
      for (const el of Array.from(doc.querySelectorAll('[role="checkbox"]')))
        if (/consultation/i.test(el.closest('[id$="container"]')?.textContent ?? el.textContent ?? '')) el.setAttribute('aria-checked', 'true');
    },
    ruleId: 'aat.teleconsultation-3-days',
  },
  {
    name: 'AT/MP: leave until mid-January on an initial certificate',
    feature: aatFeature,
    page: 'atmp',
    snapshot: 'atmp',
    fields: ['dateCertificat', 'dateFinArret'],
    enter: (doc) => setAll(doc, 'dateFinArret', '15/01/2027'),
    ruleId: 'aat.duration-limit',
  },
  {
    name: 'Prescription: codeine line in digits',
    feature: prescriptionFeature,
    page: 'prescription',
    snapshot: 'prescription',
    fields: ['prescription-ligne-2'],
    enter: (doc) => setAll(doc, 'prescription-ligne-2', 'Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j'),
    ruleId: 'secure-prescription.required',
    removalDropsProblem: () => true,
  },
  {
    name: 'Ma Convention (pharmacien): indicators left to declare before the entry closes',
    feature: conventionFeature,
    page: 'convention-pharmacien',
    snapshot: 'convention-pharmacien',
    profession: 'pharmacien',
    fields: ['#declaration-dns-count', '#declaration-dns-date', '#declaration-dns-container'],
    enter: () => {},
    ruleId: 'indicators.declaration',
  },
  {
    name: 'Ma Convention (médecin): indicators left to declare before the entry closes',
    feature: conventionFeature,
    page: 'convention-medecin',
    snapshot: 'convention-medecin',
    fields: ['#declaration-donum-count', '#declaration-donum-date'],
    enter: () => {},
    ruleId: 'indicators.declaration',
  },
  {
    name: 'Réclamations Paiements: a .heic photo attached',
    feature: reclapsFeature,
    page: 'reclaps',
    snapshot: 'reclaps',
    fields: ['#file-upload-v-33'],
    enterAfterStart: true,
    enter: (doc) => {
      const input = doc.querySelector<HTMLInputElement>('input[type="file"]');
      if (!input) return;
      const file = new File(['x'], 'photo.heic', { type: 'image/heic' });
      Object.defineProperty(input, 'files', { configurable: true, value: [file] });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    ruleId: 'reclaps.attachments',
    // without a file input, nothing can be attached: the feature says so
  },
  {
    name: 'Commandes: the secured sick-leave Cerfa reminder',
    feature: commandesReminder,
    page: 'commandes',
    snapshot: 'commandes',
    // the secured form's line, and the whole app rendered late (the reminder depends on the page's text)
    fields: ['commandes-quantite-aat-securise', '#app'],
    enter: () => {},
    ruleId: 'aat.secured-cerfa',
    skip: ['renamed', 'removed'],
  },
];

async function varyAndRun(s: Scenario, field: string, variant: Variant): Promise<ManagerState> {
  const doc = load(s.snapshot);
  const el = fieldOf(doc, field);
  if (!el) throw new Error(`${s.name}: field ${field} not found in the test page`);
  let late: { parent: Element; next: Node | null } | null = null;
  if (variant === 'duplicated' || variant === 'copy-filled') el.after(el.cloneNode(true));
  if (!s.enterAfterStart) s.enter(doc);
  if (variant === 'copy-filled') {
    el.setAttribute('hidden', '');
    for (const c of Array.from(el.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input:not([type="radio"]):not([type="checkbox"]), textarea')))
      c.value = '';
  }
  if (variant === 'renamed') rename(el);
  if (variant === 'removed') el.remove();
  if (variant === 'late') {
    late = { parent: el.parentElement!, next: el.nextSibling };
    el.remove();
  }
  const { m, state } = run(s.feature, s.page, s.snapshot, s.profession);
  if (late) {
    await sleep(50);
    late.parent.insertBefore(el, late.next);
  }
  if (s.enterAfterStart) {
    await sleep(50);
    s.enter(doc);
  }
  await sleep(DEBOUNCE_WAIT);
  const out = state();
  m.stop();
  return out;
}

describe('portal variants (rendered test pages)', () => {
  for (const s of SCENARIOS) {
    describe(s.name, () => {
      for (const field of s.fields) {
        for (const variant of VARIANTS) {
          if ((variant === 'as-is' && field !== s.fields[0]) || s.skip?.includes(variant)) continue;
          it(`${variant === 'as-is' ? 'unchanged page' : `${field} ${variant}`}: finds it or says it cannot check`, SLOW, async () => {
            const st = await varyAndRun(s, field, variant);
            const found = st.findings.some((f) => f.ruleId.startsWith(s.ruleId));
            const cannot = st.cannotCheck.some((c) => c.featureId === s.feature.id && (c.ruleId === undefined || c.ruleId.startsWith(s.ruleId)));
            expect(st.failed, 'no feature failure').toEqual([]);
            if (variant === 'as-is' || variant === 'duplicated' || variant === 'copy-filled' || variant === 'late') {
              expect(found, `the finding on the ${variant} page`).toBe(true);
            } else if (!(variant === 'removed' && s.removalDropsProblem?.(field))) {
              expect(found || cannot, `finding or "impossible de vérifier" (${JSON.stringify(st.cannotCheck.map((c) => c.reason.fr))})`).toBe(true);
            }
          });
        }
      }
    });
  }
});
