/**
 * Page detectors: host + path + a DOM signature (ids, names, heading text), never class names alone.
 * Pure functions of (URL, Document). Each detector carries its example URLs; tests/unit/pages checks
 * every detector says yes to its own examples and no to every other's.
 *
 * Facts behind the signals: shared/docs/amelipro.md. Where the real URL of a page is not publicly known
 * (Commandes, prescription, transmission summary) the path is a guess and the DOM signature carries detection.
 */
import { AMELIPRO_HOSTS } from '../hosts';
import type { PageType } from './types';

export interface Detector {
  type: Exclude<PageType, 'unknown'>;
  /** Real or plausible URLs of this page (each must be detected as this type with an empty document). */
  examples: string[];
  /** URLs of this page that need the DOM to be recognised (path unknown): checked with the test pages. */
  domOnlyExamples?: string[];
  /** Ids of the test pages in tests/portal/pages.json that are this page type. */
  fixtures: string[];
  match: (url: URL, doc: Document | null) => boolean;
}

const ESPACEPRO = 'espacepro.ameli.fr';
const text = (doc: Document | null, selector: string): string =>
  doc ? Array.from(doc.querySelectorAll(selector), (e) => e.textContent ?? '').join(' ') : '';
const has = (doc: Document | null, selector: string): boolean => !!doc?.querySelector(selector);
const norm = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const headingMatches = (doc: Document | null, re: RegExp) => re.test(norm(text(doc, 'h1, h2, [role=heading]')));
const pathStarts = (url: URL, ...prefixes: string[]) => prefixes.some((p) => url.pathname.startsWith(p));
const onEspacepro = (url: URL) => url.hostname === ESPACEPRO;

export const DETECTORS: readonly Detector[] = [
  {
    type: 'login',
    examples: [
      'https://authps-espacepro.ameli.fr/oauth2/authorize?response_type=code&client_id=espacepro',
      'https://authcps-espacepro.ameli.fr/oauth2/authorize?response_type=code',
    ],
    fixtures: ['login'],
    // Only the two login hosts: a login form shown inside another site's page (an expired-session dialog) does not
    // make it the login page, and that page keeps its own checks.
    match: (url) => url.hostname === 'authps-espacepro.ameli.fr' || url.hostname === 'authcps-espacepro.ameli.fr',
  },
  {
    type: 'home',
    examples: ['https://espacepro.ameli.fr/page-accueil-ihm/', 'https://espacepro.ameli.fr/page-accueil-ihm/redirect_uri?code=x'],
    fixtures: ['home'],
    match: (url, doc) =>
      (onEspacepro(url) && pathStarts(url, '/page-accueil-ihm')) ||
      (onEspacepro(url) && has(doc, '#patientLogin-form-nir, #patientLogin-form-vital-card-btn')),
  },
  {
    type: 'aat',
    examples: ['https://espacepro.ameli.fr/aat/', 'https://espacepro.ameli.fr/aat/recapitulatif'],
    fixtures: ['aat'],
    match: (url) => onEspacepro(url) && /^\/aat(\/|$)/.test(url.pathname),
  },
  {
    type: 'atmp',
    examples: ['https://espacepro.ameli.fr/atmp/', 'https://espacepro.ameli.fr/atmp/certificat'],
    fixtures: ['atmp'],
    match: (url) => onEspacepro(url) && /^\/atmp(\/|$)/.test(url.pathname),
  },
  {
    type: 'commandes',
    examples: ['https://espacepro.ameli.fr/commandes/'],
    fixtures: ['commandes'],
    match: (url, doc) =>
      onEspacepro(url) && (pathStarts(url, '/commandes', '/commande-') || headingMatches(doc, /\bcommandes? d'imprimes|\bcommandes\b/)),
  },
  {
    type: 'prescription',
    examples: ['https://espacepro.ameli.fr/prescription/'],
    fixtures: ['prescription'],
    match: (url, doc) =>
      onEspacepro(url) &&
      !pathStarts(url, '/aat', '/atmp') &&
      (pathStarts(url, '/prescription/', '/ordonnance') || headingMatches(doc, /^\s*(prescription|ordonnance) de medicaments?|ordonnance numerique/)),
  },
  {
    type: 'reclaps',
    examples: ['https://paiements2.ameli.fr/reclaps/', 'https://paiements2.ameli.fr/reclamations/'],
    fixtures: ['reclaps'],
    match: (url, doc) =>
      url.hostname === 'paiements2.ameli.fr' && (pathStarts(url, '/reclaps', '/reclamation') || headingMatches(doc, /reclamations? paiements?/)),
  },
  {
    type: 'convention-medecin',
    examples: ['https://convention2.ameli.fr/', 'https://convention2.ameli.fr/ma-convention/indicateurs'],
    fixtures: ['convention-medecin'],
    match: (url) => url.hostname === 'convention2.ameli.fr',
  },
  {
    type: 'convention-pharmacien',
    examples: ['https://conventionpharmaciens.ameli.fr/', 'https://conventionpharmaciens.ameli.fr/ma-convention/'],
    fixtures: ['convention-pharmacien'],
    match: (url) => url.hostname === 'conventionpharmaciens.ameli.fr',
  },
  {
    type: 'transmission',
    // The design system's transmission summary (AmeliproTransmission) closes several services' flows.
    examples: ['https://espacepro.ameli.fr/prescription-transport/recapitulatif', 'https://espacepro.ameli.fr/transmission/recapitulatif'],
    fixtures: ['transmission'],
    match: (url, doc) =>
      onEspacepro(url) &&
      !pathStarts(url, '/aat', '/atmp') &&
      (/\/recapitulatif\/?$/.test(url.pathname) ||
        pathStarts(url, '/transmission') ||
        (headingMatches(doc, /^\s*recapitulatif/) && /valider et transmettre/.test(norm(text(doc, 'button'))))),
  },
  {
    type: 'aide',
    examples: ['https://espacepro.ameli.fr/inscription/#/aide', 'https://espacepro.ameli.fr/inscription/#/aide/configuration'],
    fixtures: ['aide'],
    match: (url) => onEspacepro(url) && pathStarts(url, '/inscription') && /^#\/aide/.test(url.hash),
  },
];

/** The page type of a URL + document. Anything outside the AmeliPRO perimeter is `unknown`. */
export function detectPage(href: string, doc: Document | null): PageType {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'unknown';
  }
  if (url.protocol !== 'https:' || !(AMELIPRO_HOSTS as readonly string[]).includes(url.hostname)) return 'unknown';
  for (const d of DETECTORS) {
    try {
      if (d.match(url, doc)) return d.type;
    } catch {
      // a detector must never break detection of the others
    }
  }
  return 'unknown';
}

export const PAGE_LABELS: Record<PageType, { fr: string; en: string }> = {
  login: { fr: 'Connexion', en: 'Login' },
  home: { fr: 'Accueil et identification du patient', en: 'Home and patient identification' },
  aat: { fr: "Avis d'arrêt de travail", en: 'Sick-leave notice' },
  atmp: { fr: 'Certificat AT/MP', en: 'Work accident / occupational disease certificate' },
  commandes: { fr: "Commandes d'imprimés", en: 'Ordering forms' },
  prescription: { fr: 'Prescription', en: 'Prescription' },
  reclaps: { fr: 'Réclamations Paiements', en: 'Payment claims' },
  'convention-medecin': { fr: 'Ma Convention (médecin)', en: 'My agreement (doctor)' },
  'convention-pharmacien': { fr: 'Ma Convention (pharmacien)', en: 'My agreement (pharmacist)' },
  transmission: { fr: 'Récapitulatif avant transmission', en: 'Summary before sending' },
  aide: { fr: 'Aide et configuration', en: 'Help and configuration' },
  unknown: { fr: 'Page non reconnue', en: 'Page not recognised' },
};
