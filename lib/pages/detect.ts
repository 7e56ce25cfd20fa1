/**
 * Page detectors: first by address (host + path) where the address is known, then by what the page says and
 * contains (a DOM signature: the service bar's title, headings and card titles, the kinds of controls present),
 * never by class names alone. Pure functions of (URL, Document). Each detector carries its example URLs;
 * tests/unit/pages checks every detector says yes to its own examples and no to every other's.
 *
 * Facts behind the signals: shared/docs/amelipro.md. The addresses of Réclamations Paiements, Ma Convention's
 * pages, the commandes page and any prescription screen are not public: their paths here are guesses, and the
 * content signature recognises them on any amelipro host and path. Known addresses win over content.
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
  /** The address says it is this page. Every detector's address is tried before any page's content. */
  match: (url: URL) => boolean;
  /**
   * On this page's host, where the address does not say: what the page shows that the portal is known to use (an
   * id, the service bar's title, a heading). Tried when no detector recognised the address, in the order of DETECTORS.
   */
  signals?: (url: URL, doc: Document) => boolean;
  /**
   * What the page says and contains says it is this page, wherever it is served on amelipro (its address being a
   * guess). Tried only when no detector recognised the address or the signals, in the order of DETECTORS.
   */
  content?: (page: PageText, doc: Document) => boolean;
}

/** What a page says about itself, read with a few targeted queries (the detection runs at every page load). */
export interface PageText {
  /** The design system's service bar title (the portal's name of the service), normalised; '' when absent. */
  service: string;
  /** Headings, card titles and the service bar title, normalised. */
  titles: string;
}

const ESPACEPRO = 'espacepro.ameli.fr';
const text = (doc: Document | null, selector: string): string => (doc ? Array.from(doc.querySelectorAll(selector), (e) => e.textContent ?? '').join(' ') : '');
const has = (doc: Document | null, selector: string): boolean => !!doc?.querySelector(selector);
const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
/** The headings' text of the document being detected, read once per detection (several detectors look at it). */
let headingsOf: { doc: Document; text: string } | null = null;
function headingText(doc: Document | null): string {
  if (!doc) return '';
  if (headingsOf?.doc !== doc) headingsOf = { doc, text: norm(text(doc, 'h1, h2, [role=heading]')) };
  return headingsOf.text;
}
const headingMatches = (doc: Document | null, re: RegExp) => re.test(headingText(doc));
const pathStarts = (url: URL, ...prefixes: string[]) => prefixes.some((p) => url.pathname.startsWith(p));
const onEspacepro = (url: URL) => url.hostname === ESPACEPRO;

/** The service bar title (`<unique-id>-header-sub-bar-title`), then headings and card titles (`<unique-id>-title`). */
const SERVICE_TITLE = '[id$="-header-sub-bar-title"]';
const TITLES = `h1, h2, [role=heading], [id$="-title"]`;
export function readPageText(doc: Document): PageText {
  return { service: norm(text(doc, SERVICE_TITLE)).trim(), titles: norm(text(doc, TITLES)) };
}

/**
 * The name says it, in the order a detector should trust it: the service bar's title when the page has one (a
 * page of another service, say "Tous mes paiements", is not taken for this one because a card mentions it),
 * otherwise the page's headings and card titles.
 */
const named = (page: PageText, service: RegExp, titles: RegExp = service): boolean =>
  page.service ? service.test(page.service) || (titles !== service && titles.test(page.titles)) : titles.test(page.titles);

/** Pharmacists' and doctors' «Ma Convention» say whose they are in their blocks' titles. */
const PHARMACIST_CUES = /pharmac|officine|bon usage des produits|\bbups\b/;
const DOCTOR_CUES = /medecin traitant|\brosp\b|forfait structure|dotation numerique|patientele/;
const maConvention = (page: PageText, doc: Document) => named(page, /ma convention/) && has(doc, '[role=progressbar]');

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
    match: (url) => onEspacepro(url) && pathStarts(url, '/page-accueil-ihm'),
    signals: (url, doc) => onEspacepro(url) && has(doc, '#patientLogin-form-nir, #patientLogin-form-vital-card-btn'),
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
    type: 'aide',
    examples: ['https://espacepro.ameli.fr/inscription/#/aide', 'https://espacepro.ameli.fr/inscription/#/aide/configuration'],
    fixtures: ['aide'],
    match: (url) => onEspacepro(url) && pathStarts(url, '/inscription') && /^#\/aide/.test(url.hash),
  },
  {
    // First of the content signatures: a file upload is the one control no other page of this list has.
    type: 'reclaps',
    examples: ['https://paiements2.ameli.fr/reclaps/', 'https://paiements2.ameli.fr/reclamations/'],
    domOnlyExamples: ['https://espacepro.ameli.fr/reclamations-paiements/nouvelle', 'https://paiements2.ameli.fr/ps/demandes/nouvelle'],
    fixtures: ['reclaps', 'reclaps-variante', 'reclaps-variante-paiements2'],
    // on the payments host, the service bar's title (not any heading: the payments list may title a card so)
    match: (url) => url.hostname === 'paiements2.ameli.fr' && pathStarts(url, '/reclaps', '/reclamation'),
    signals: (url, doc) => url.hostname === 'paiements2.ameli.fr' && /reclamations? paiements?/.test(norm(text(doc, SERVICE_TITLE))),
    // with a file upload, a title saying "Réclamation" is enough even under another service bar (say "Paiements")
    content: (page, doc) => /reclamation|\breclaps\b/.test(page.titles) && has(doc, 'input[type=file]'),
  },
  {
    type: 'convention-medecin',
    examples: ['https://convention2.ameli.fr/', 'https://convention2.ameli.fr/ma-convention/indicateurs'],
    domOnlyExamples: ['https://espacepro.ameli.fr/ma-convention/'],
    fixtures: ['convention-medecin', 'convention-variante'],
    match: (url) => url.hostname === 'convention2.ameli.fr',
    content: (page, doc) => maConvention(page, doc) && DOCTOR_CUES.test(page.titles) && !PHARMACIST_CUES.test(page.titles),
  },
  {
    type: 'convention-pharmacien',
    examples: ['https://conventionpharmaciens.ameli.fr/', 'https://conventionpharmaciens.ameli.fr/ma-convention/'],
    fixtures: ['convention-pharmacien'],
    match: (url) => url.hostname === 'conventionpharmaciens.ameli.fr',
    content: (page, doc) => maConvention(page, doc) && PHARMACIST_CUES.test(page.titles) && !DOCTOR_CUES.test(page.titles),
  },
  {
    type: 'commandes',
    examples: ['https://espacepro.ameli.fr/commandes/'],
    domOnlyExamples: ['https://espacepro.ameli.fr/imprimes/commander'],
    fixtures: ['commandes', 'commandes-variante'],
    match: (url) => onEspacepro(url) && pathStarts(url, '/commandes', '/commande-'),
    signals: (url, doc) => onEspacepro(url) && headingMatches(doc, /\bcommandes? d'imprimes|\bcommandes\b/),
    // a quantity to fill in per form (a table of inputs): a history of past orders is not an order form
    content: (page, doc) => named(page, /\bcommandes?\b/, /\bcommandes? d'imprimes|\bcommander des imprimes/) && has(doc, 'table input, [role=grid] input'),
  },
  {
    type: 'prescription',
    examples: ['https://espacepro.ameli.fr/prescription/'],
    fixtures: ['prescription'],
    match: (url) => onEspacepro(url) && pathStarts(url, '/prescription/', '/ordonnance'),
    signals: (url, doc) =>
      onEspacepro(url) && !pathStarts(url, '/aat', '/atmp') && headingMatches(doc, /^\s*(prescription|ordonnance) de medicaments?|ordonnance numerique/),
    content: (page, doc) => named(page, /ordonnance numerique|prescription de medicaments?/) && has(doc, 'textarea'),
  },
  {
    type: 'transmission',
    // The design system's transmission summary (AmeliproTransmission) closes several services' flows.
    examples: ['https://espacepro.ameli.fr/prescription-transport/recapitulatif', 'https://espacepro.ameli.fr/transmission/recapitulatif'],
    fixtures: ['transmission'],
    match: (url) => onEspacepro(url) && !pathStarts(url, '/aat', '/atmp') && (/\/recapitulatif\/?$/.test(url.pathname) || pathStarts(url, '/transmission')),
    signals: (url, doc) =>
      onEspacepro(url) &&
      !pathStarts(url, '/aat', '/atmp') &&
      headingMatches(doc, /^\s*recapitulatif/) &&
      /valider et transmettre/.test(norm(text(doc, 'button'))),
  },
];

const LOGIN_HOSTS = ['authps-espacepro.ameli.fr', 'authcps-espacepro.ameli.fr'];

/** The page type of a URL + document. Anything outside the AmeliPRO perimeter is `unknown`. */
export function detectPage(href: string, doc: Document | null): PageType {
  try {
    return detect(href, doc);
  } finally {
    headingsOf = null; // the page changes between detections
  }
}

function detect(href: string, doc: Document | null): PageType {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'unknown';
  }
  if (url.protocol !== 'https:' || !(AMELIPRO_HOSTS as readonly string[]).includes(url.hostname)) return 'unknown';
  // known addresses first, then what the page shows on its host, then what it says wherever it is
  for (const d of DETECTORS) {
    try {
      if (d.match(url)) return d.type;
    } catch {
      // a detector must never break detection of the others
    }
  }
  if (!doc || LOGIN_HOSTS.includes(url.hostname)) return 'unknown';
  for (const d of DETECTORS) {
    try {
      if (d.signals?.(url, doc)) return d.type;
    } catch {
      // same
    }
  }
  let page: PageText;
  try {
    page = readPageText(doc);
  } catch {
    return 'unknown';
  }
  for (const d of DETECTORS) {
    try {
      if (d.content?.(page, doc)) return d.type;
    } catch {
      // same
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
