/**
 * Held-out renderings (issue 22): the pages whose address is not public (Réclamations Paiements, Ma Convention,
 * commandes, prescription) are recognised by what they say on any amelipro host and path, and the features run
 * there. A matrix of renderings: the reference test pages at other plausible addresses, with their ids changed and
 * their cards in another order; the pages built independently (tests/portal *-variante); the sick-leave form with
 * native date inputs, `[role=radio]` items and a Vuetify select. Pages of other services on the same hosts
 * (payments list, patient history) stay "page non reconnue".
 */
import { pageServices } from '../helpers/services';
import { aatFeature } from '../../../lib/features/aat';
import { conventionFeature } from '../../../lib/features/convention';
import { FeatureManager, type ManagerState } from '../../../lib/features/manager';
import { prescriptionFeature } from '../../../lib/features/prescription';
import { reclapsFeature } from '../../../lib/features/reclaps';
import { commandesReminder } from '../../../lib/features/reminders';
import type { Feature } from '../../../lib/features/types';
import { DETECTORS, detectPage } from '../../../lib/pages/detect';
import type { PageType } from '../../../lib/pages/types';
import { PAGES, parse, snapshotHtml } from './snapshots';

const SLOW = { timeout: 60_000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Plausible addresses the detector does not know, on each portal host but the login ones. */
const ELSEWHERE = ['https://espacepro.ameli.fr/services/ps/demarche/', 'https://paiements2.ameli.fr/ps/espace/', 'https://espacepro.ameli.fr/'];

/** Renames every id (and the references to it): recognition must not rest on ids. */
function renameIds(doc: Document): Document {
  const map = new Map<string, string>();
  let n = 0;
  for (const el of Array.from(doc.querySelectorAll('[id]'))) {
    const next = `r${++n}-${el.id.length}`;
    map.set(el.id, next);
    el.id = next;
  }
  for (const attr of ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls']) {
    for (const el of Array.from(doc.querySelectorAll(`[${attr}]`))) {
      el.setAttribute(
        attr,
        el
          .getAttribute(attr)!
          .split(/\s+/)
          .map((v) => map.get(v) ?? v)
          .join(' '),
      );
    }
  }
  return doc;
}

/** The design system's cards (`.amelipro-card`) in reverse order, wherever they sit. */
function reverseCards(doc: Document): Document {
  const cards = Array.from(doc.querySelectorAll('.amelipro-card'));
  const parents = new Set(cards.map((c) => c.parentElement!));
  for (const p of parents)
    for (const c of Array.from(p.children)
      .filter((k) => k.matches('.amelipro-card'))
      .reverse())
      p.append(c);
  return doc;
}

const RENDERINGS: [string, (doc: Document) => Document][] = [
  ['as built', (d) => d],
  ['ids renamed', renameIds],
  ['cards in another order', reverseCards],
  ['ids renamed and cards in another order', (d) => reverseCards(renameIds(d))],
];

const byId = (id: string) => PAGES.find((p) => p.id === id)!;

describe('recognition by what the page says, on any amelipro host and path', () => {
  const REFERENCE = ['reclaps', 'convention-medecin', 'convention-pharmacien', 'commandes', 'prescription'];
  for (const id of REFERENCE) {
    const page = byId(id);
    for (const href of ELSEWHERE) {
      for (const [name, render] of RENDERINGS) {
        it(`${id} at ${href} (${name}) is ${page.pageType}`, () => {
          expect(detectPage(href, render(parse(snapshotHtml(id))))).toBe(page.pageType);
        });
      }
    }
  }

  const HELD_OUT = PAGES.filter((p) => /-variante/.test(p.id));
  it('the independently built pages are in pages.json', () => {
    expect(HELD_OUT.map((p) => p.pageType).sort()).toEqual(['commandes', 'convention-medecin', 'reclaps', 'reclaps']);
  });
  for (const page of HELD_OUT) {
    for (const [name, render] of RENDERINGS) {
      it(`held-out ${page.id} at its own address (${name}) is ${page.pageType}`, () => {
        expect(detectPage(page.url, render(parse(snapshotHtml(page.id))))).toBe(page.pageType);
      });
    }
    it(`held-out ${page.id} is not recognised by its address alone (the address is not a known one)`, () => {
      expect(detectPage(page.url, null)).toBe('unknown');
      expect(detectPage(page.url, parse('<main><h1>Page</h1></main>'))).toBe('unknown');
    });
  }

  it("each detector's DOM-only examples need the page: unknown without it, recognised with a test page of its type", () => {
    for (const d of DETECTORS) {
      for (const href of d.domOnlyExamples ?? []) {
        expect(detectPage(href, null), href).toBe('unknown');
        const fixture = d.fixtures.find((f) => PAGES.some((p) => p.id === f && p.url === href)) ?? d.fixtures[0]!;
        expect(detectPage(href, parse(snapshotHtml(fixture))), `${href} with ${fixture}`).toBe(d.type);
      }
    }
  });

  it('known addresses win over what the page says', () => {
    // the claims form's DOM on the sick-leave address is the sick-leave page; a convention host keeps its type
    expect(detectPage('https://espacepro.ameli.fr/aat/', parse(snapshotHtml('reclaps-variante')))).toBe('aat');
    expect(detectPage('https://conventionpharmaciens.ameli.fr/', parse(snapshotHtml('convention-variante')))).toBe('convention-pharmacien');
    // the convention hosts are known: every page there is that profession's Ma Convention
    expect(detectPage('https://convention2.ameli.fr/autre/', parse(snapshotHtml('convention-pharmacien')))).toBe('convention-medecin');
    // the login hosts only ever carry the login page
    expect(detectPage('https://authps-espacepro.ameli.fr/x', parse(snapshotHtml('reclaps')))).toBe('login');
  });
});

describe('no false recognition: pages of other services on the same hosts stay "page non reconnue"', () => {
  const NEGATIVE = PAGES.filter((p) => p.pageType === 'unknown');
  it('the negative pages are in pages.json', () => {
    expect(NEGATIVE.map((p) => p.id).sort()).toEqual(['historique-patient', 'paiements']);
  });
  for (const page of NEGATIVE) {
    for (const href of [page.url, ...ELSEWHERE]) {
      for (const [name, render] of RENDERINGS) {
        it(`${page.id} at ${href} (${name}) is unknown`, () => {
          expect(detectPage(href, render(parse(snapshotHtml(page.id))))).toBe('unknown');
        });
      }
    }
  }

  it('a page of another service that names one of these services in its cards is not taken for it', () => {
    // the payments list with a card titled "Réclamations Paiements" and a table of inputs: no file upload, and
    // its service bar names another service
    const doc = parse(snapshotHtml('paiements'));
    doc.getElementById('paiements-liste-title')!.textContent = 'Réclamations Paiements';
    doc.querySelector('table td')!.append(doc.createElement('input'));
    expect(detectPage('https://paiements2.ameli.fr/paiements/', doc)).toBe('unknown');
    // the same page with a file upload is still the payments list: the service bar says so, and only "Réclamation"
    // in a card title would not do on a page whose service bar names another service without a file upload
    const noBar = parse(snapshotHtml('historique-patient'));
    noBar.querySelector('[id$="-header-sub-bar-title"]')?.remove();
    expect(detectPage('https://espacepro.ameli.fr/info-patient/historique', noBar)).toBe('unknown');
  });

  it('a claim form under another service bar is still a claim form: its card says so and it has a file upload', () => {
    const doc = parse(snapshotHtml('reclaps-variante'));
    doc.querySelector('[id$="-header-sub-bar-title"] .amelipro-custom-btn')!.textContent = 'Paiements';
    expect(detectPage('https://espacepro.ameli.fr/services/ps/demarche/', doc)).toBe('reclaps');
  });

  it('the reference pages lose their recognition when what they say is gone (not a guess)', () => {
    const doc = parse(snapshotHtml('reclaps'));
    for (const t of Array.from(doc.querySelectorAll('h1, h2, [id$="-title"]'))) t.textContent = 'Demande';
    expect(detectPage('https://espacepro.ameli.fr/services/ps/demarche/', doc)).toBe('unknown');
    const conv = parse(snapshotHtml('convention-medecin'));
    for (const bar of Array.from(conv.querySelectorAll('[role=progressbar]'))) bar.remove();
    expect(detectPage('https://espacepro.ameli.fr/ma-convention/', conv)).toBe('unknown');
  });
});

function load(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceWith(document.importNode(parsed.body, true));
  return document;
}

async function runFeature(
  feature: Feature,
  href: string,
  profession: 'medecin-generaliste' | 'pharmacien' = 'medecin-generaliste',
  act?: (doc: Document) => void,
): Promise<{ page: PageType; state: ManagerState }> {
  const page = detectPage(href, document);
  let state: ManagerState | null = null;
  const m = new FeatureManager({ features: [feature], onChange: (s) => (state = s) });
  m.start({ page, url: new URL(href), doc: document, date: '2026-11-28', profile: { profession }, lang: 'fr', services: pageServices });
  if (act) {
    await sleep(50);
    act(document);
  }
  await sleep(400);
  const out = state ?? m.state();
  m.stop();
  return { page, state: out };
}

const ruleIds = (s: ManagerState) => s.findings.map((f) => f.ruleId);

function attach(doc: Document, name: string, type: string): void {
  const input = doc.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { configurable: true, value: [new File(['x'], name, { type })] });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('the features run on the held-out renderings', () => {
  for (const id of ['reclaps-variante', 'reclaps-variante-paiements2']) {
    it(`${id}: a .heic photo attached gets the attachments finding`, SLOW, async () => {
      load(snapshotHtml(id));
      const { page, state } = await runFeature(reclapsFeature, byId(id).url, 'medecin-generaliste', (doc) => attach(doc, 'photo.heic', 'image/heic'));
      expect(page).toBe('reclaps');
      expect(state.failed).toEqual([]);
      expect(ruleIds(state)).toContain('reclaps.attachments');
    });
  }

  it('reclaps-variante with ids renamed and cards reversed: a PDF passes, a .heic does not', SLOW, async () => {
    const doc = load(snapshotHtml('reclaps-variante'));
    reverseCards(renameIds(doc));
    const ok = await runFeature(reclapsFeature, byId('reclaps-variante').url, 'medecin-generaliste', (d) => attach(d, 'facture.pdf', 'application/pdf'));
    expect(ok.page).toBe('reclaps');
    expect(ruleIds(ok.state)).not.toContain('reclaps.attachments');
    expect(ok.state.cannotCheck).toEqual([]);
  });

  it('convention-variante (espacepro, declaration card first): indicators read and the open entry with its deadline', SLOW, async () => {
    load(snapshotHtml('convention-variante'));
    const saved: unknown[] = [];
    const href = byId('convention-variante').url;
    const page = detectPage(href, document);
    let state: ManagerState | null = null;
    const m = new FeatureManager({ features: [conventionFeature], onChange: (s) => (state = s) });
    m.start({
      page,
      url: new URL(href),
      doc: document,
      date: '2026-11-28',
      profile: { profession: 'medecin-generaliste' },
      lang: 'fr',
      services: { saveSnapshots: (s) => void saved.push(...s) },
    });
    await sleep(400);
    const out = state ?? m.state();
    m.stop();
    expect(page).toBe('convention-medecin');
    expect(out.failed).toEqual([]);
    const decl = out.findings.find((f) => f.ruleId === 'indicators.declaration-open');
    expect(decl?.detail?.fr).toMatch(/0\/2 indicateurs déclarés ; clôture le 31\/01\/2027/);
    expect(saved.length).toBeGreaterThan(0);
  });

  it('commandes-variante (number fields, forms in another order): the secured Cerfa reminder', SLOW, async () => {
    load(snapshotHtml('commandes-variante'));
    const { page, state } = await runFeature(commandesReminder, byId('commandes-variante').url);
    expect(page).toBe('commandes');
    expect(ruleIds(state)).toContain('aat.secured-cerfa');
  });

  it('the prescription page at another address with its ids renamed: a codeine line is checked', SLOW, async () => {
    const doc = load(snapshotHtml('prescription'));
    const line = doc.querySelector('textarea')!;
    renameIds(doc);
    line.value = 'Dafalgan codéiné 500/30 : 2 cp x3/j pendant 5 j';
    const { page, state } = await runFeature(prescriptionFeature, 'https://espacepro.ameli.fr/services/ps/demarche/');
    expect(page).toBe('prescription');
    expect(ruleIds(state)).toContain('secure-prescription.required');
  });
});

/** The sick-leave form's date fields as native date inputs (ISO values), as another rendering would have them. */
function nativeDates(doc: Document, values: Record<string, string>): void {
  for (const [id, iso] of Object.entries(values)) {
    const input = doc.getElementById(id) as HTMLInputElement;
    input.type = 'date';
    input.removeAttribute('placeholder');
    input.value = iso;
  }
}

/** The notice type as `[role=radio]` items (a custom radio group) instead of native radios. */
function roleRadios(doc: Document, checked: 'initial' | 'prolongation'): void {
  const group = doc.getElementById('type_arret-container')!;
  group.innerHTML = `<p id="type-label">Type d'arrêt</p><div role="radiogroup" aria-labelledby="type-label">
    <div role="radio" tabindex="0" aria-checked="${checked === 'initial'}">Arrêt initial</div>
    <div role="radio" tabindex="-1" aria-checked="${checked === 'prolongation'}">Prolongation</div></div>`;
}

/**
 * The notice type as the design system's select (markup of the held-out claims page's select): the chosen item
 * shown in the field, the value in a hidden <select>, the options' menu at the end of <body>.
 */
function vuetifySelect(doc: Document, chosen: 'Arrêt initial' | 'Prolongation'): void {
  const model = parse(snapshotHtml('reclaps-variante')).getElementById('objet-motif-container')!;
  const field = doc.importNode(model, true) as HTMLElement;
  field.id = 'nature-container';
  field.querySelector('label')!.textContent = "Type d'arrêt";
  field.querySelector('label')!.id = 'nature-label';
  field.querySelector('label')!.setAttribute('for', 'nature');
  const input = field.querySelector('input')!;
  input.id = 'nature';
  input.setAttribute('aria-labelledby', 'nature-label');
  const hidden = field.querySelector('select')!;
  hidden.innerHTML = `<option value="initial"${chosen === 'Arrêt initial' ? ' selected' : ''}></option><option value="prolongation"${chosen === 'Prolongation' ? ' selected' : ''}></option>`;
  input.insertAdjacentHTML('beforebegin', `<div class="v-select__selection"><span class="v-select__selection-text">${chosen}</span></div>`);
  doc.getElementById('type_arret-container')!.replaceWith(field);
  doc.body.insertAdjacentHTML(
    'beforeend',
    `<div class="v-overlay-container"><div class="v-overlay v-menu"><div role="listbox" id="menu-v-8"><div role="option" aria-selected="${chosen === 'Arrêt initial'}">Arrêt initial</div><div role="option" aria-selected="${chosen === 'Prolongation'}">Prolongation</div></div></div></div>`,
  );
}

/** The extension's "Date de l'arrêt initial" field (shown by the portal for an extension), cloned from the start date's. */
function initialDateField(doc: Document, value: string, type: 'text' | 'date' = 'text'): void {
  const start = doc.getElementById('date_debut_arret-container')!;
  const copy = start.cloneNode(true) as HTMLElement;
  copy.id = 'date_arret_initial-container';
  const label = copy.querySelector('label')!;
  label.id = 'date_arret_initial-label';
  label.setAttribute('for', 'date_arret_initial');
  label.textContent = "Date de l'arrêt initial";
  const input = copy.querySelector('input')!;
  input.id = 'date_arret_initial';
  input.setAttribute('aria-labelledby', 'date_arret_initial-label');
  input.type = type;
  input.value = value;
  start.before(copy);
}

function teleconsultation(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll('[role="checkbox"]'))) if (/teleconsultation/i.test(el.id)) el.setAttribute('aria-checked', 'true');
}

describe('the sick-leave form in other renderings: fields found by label and role', () => {
  const AAT = 'https://espacepro.ameli.fr/aat/';

  it('native date inputs (ISO values): a 44-day initial notice gets the length finding', SLOW, async () => {
    const doc = load(snapshotHtml('aat'));
    nativeDates(doc, { date_debut_arret: '2026-11-02', date_fin_arret: '2026-12-15' });
    const { state } = await runFeature(aatFeature, AAT);
    expect(state.failed).toEqual([]);
    const f = state.findings.find((x) => x.ruleId === 'aat.duration-limit');
    expect(f?.detail?.fr).toMatch(/44 jours \(arrêt initial\)/);
  });

  it('[role=radio] items: an extension in teleconsultation counted from the initial stoppage', SLOW, async () => {
    const doc = load(snapshotHtml('aat'));
    roleRadios(doc, 'prolongation');
    initialDateField(doc, '2026-11-26', 'date');
    nativeDates(doc, { date_debut_arret: '2026-11-28', date_fin_arret: '2026-11-29' });
    teleconsultation(doc);
    const { state } = await runFeature(aatFeature, AAT);
    const f = state.findings.find((x) => x.ruleId === 'aat.teleconsultation-3-days');
    expect(f?.detail?.fr).toMatch(/l'arrêt en cours irait à 4 jours depuis le 26\/11\/2026/);
  });

  it('a Vuetify select for the type (options at the end of <body>): an extension without its initial date cannot be checked, said so', SLOW, async () => {
    const doc = load(snapshotHtml('aat'));
    vuetifySelect(doc, 'Prolongation');
    nativeDates(doc, { date_debut_arret: '2026-11-28', date_fin_arret: '2026-11-29' });
    teleconsultation(doc);
    const { state } = await runFeature(aatFeature, AAT);
    expect(state.findings.map((x) => x.ruleId)).not.toContain('aat.teleconsultation-3-days');
    const c = state.cannotCheck.find((x) => x.ruleId === 'aat.teleconsultation-3-days');
    expect(c?.reason.fr).toMatch(/date de l'arrêt initial non lue/);
  });

  it('a Vuetify select for the type: the chosen type is read (a 40-day extension is within its cap, a 40-day initial notice is not)', SLOW, async () => {
    let doc = load(snapshotHtml('aat'));
    vuetifySelect(doc, 'Prolongation');
    nativeDates(doc, { date_debut_arret: '2026-11-02', date_fin_arret: '2026-12-11' });
    let { state } = await runFeature(aatFeature, AAT);
    expect(state.cannotCheck.filter((c) => c.ruleId === 'aat.duration-limit')).toEqual([]);
    expect(ruleIds(state)).not.toContain('aat.duration-limit');
    doc = load(snapshotHtml('aat'));
    vuetifySelect(doc, 'Arrêt initial');
    nativeDates(doc, { date_debut_arret: '2026-11-02', date_fin_arret: '2026-12-11' });
    ({ state } = await runFeature(aatFeature, AAT));
    expect(ruleIds(state)).toContain('aat.duration-limit');
  });
});
