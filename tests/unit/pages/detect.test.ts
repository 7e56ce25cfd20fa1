import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DETECTORS, detectPage } from '../../../lib/pages/detect';

describe('page detectors: each says yes to its own examples and no to every other one', () => {
  for (const d of DETECTORS) {
    for (const url of d.examples) {
      it(`${d.type} recognises ${url}`, () => {
        expect(detectPage(url, null)).toBe(d.type);
      });
    }
    const others = DETECTORS.filter((o) => o !== d).flatMap((o) => o.examples);
    it(`${d.type} says no to the ${others.length} examples of the other page types`, () => {
      for (const url of others) expect(d.match(new URL(url)), url).toBe(false);
    });
  }
});

describe('page detection outside the perimeter', () => {
  it.each([
    'https://www.ameli.fr/',
    'https://example.org/aat/',
    'http://espacepro.ameli.fr/aat/',
    'https://espacepro.ameli.fr.evil.example/aat/',
    'not a url',
    '',
  ])('%s is unknown', (url) => {
    expect(detectPage(url, null)).toBe('unknown');
  });

  it('every known address wins over the headings and ids another detector looks for: a help article on ordering forms is still help', () => {
    const doc = new DOMParser().parseFromString(
      `<main><h1>Aide et configuration</h1><h2>Commandes d'imprimés</h2><h2>Prescription de médicaments</h2><h2>Récapitulatif</h2>
       <button>Valider et transmettre</button></main>`,
      'text/html',
    );
    expect(detectPage('https://espacepro.ameli.fr/inscription/#/aide', doc)).toBe('aide');
    expect(detectPage('https://espacepro.ameli.fr/prescription/', doc)).toBe('prescription');
    expect(detectPage('https://espacepro.ameli.fr/transmission/recapitulatif', doc)).toBe('transmission');
    // the sick-leave page showing the patient search of the home page
    const withSearch = new DOMParser().parseFromString('<main><h1>Avis d’arrêt de travail</h1><input id="patientLogin-form-nir"></main>', 'text/html');
    expect(detectPage('https://espacepro.ameli.fr/aat/', withSearch)).toBe('aat');
    expect(detectPage('https://espacepro.ameli.fr/autre/', withSearch)).toBe('home');
    // the same headings at an address no detector knows still name those pages
    expect(detectPage('https://espacepro.ameli.fr/inscription/#/autre', doc)).toBe('commandes');
  });

  it('an amelipro page with no known signal is unknown, not a guess', () => {
    expect(detectPage('https://espacepro.ameli.fr/une-page-inconnue/', document)).toBe('unknown');
  });
});

describe('page detection on the test pages (DOM signatures)', () => {
  const portal = join(import.meta.dirname, '../../portal');
  const pages = JSON.parse(readFileSync(join(portal, 'pages.json'), 'utf8')) as { id: string; pageType: string; url: string }[];
  for (const p of pages) {
    const snapshot = join(portal, 'snapshots', `${p.id}.html`);
    it.skipIf(!existsSync(snapshot))(`${p.id} is detected as ${p.pageType} from its URL and rendered DOM`, () => {
      const doc = new DOMParser().parseFromString(readFileSync(snapshot, 'utf8'), 'text/html');
      expect(detectPage(p.url, doc)).toBe(p.pageType);
    });
  }
  it('every page type but unknown has at least one test page', () => {
    const covered = new Set(pages.map((p) => p.pageType));
    for (const d of DETECTORS) expect(covered.has(d.type), d.type).toBe(true);
  });
});
