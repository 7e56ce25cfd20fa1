/**
 * Recognises the portal's message after a failed carte Vitale read (wording matched loosely: accents, case and
 * spacing ignored) and says which component is most likely missing. Reads only short message elements near the
 * patient identification widget; never keeps their text.
 */
import type { Text } from '../i18n';
import { LINKS } from './data';
import type { VitaleStatus } from './status';
import { HOST_TAG } from '../host-tag';

export const VITAL_CARD_BUTTON = '#patientLogin-form-vital-card-btn';

const norm = (s: string | null | undefined) =>
  (s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const FAILURE = "(impossible|echou|echec|erreur|indisponible|n'est pas disponible|pas pu|ne peut|n'a pas pu|introuvable|non detecte|absent|ne repond)";
const PATTERNS: RegExp[] = [
  // "Lecture de la carte Vitale impossible", "La lecture de la carte Vitale a échoué", "Erreur de lecture de la carte Vitale"
  new RegExp(`(lecture|lire)\\b.{0,40}\\bcarte vitale\\b.{0,80}${FAILURE}`),
  new RegExp(`${FAILURE}.{0,40}\\b(lecture|lire)\\b.{0,40}\\bcarte vitale\\b`),
  // "Le composant de lecture de la carte Vitale n'est pas disponible", "Aucun lecteur de carte détecté"
  new RegExp(`(composant|module|lecteur|extension)\\b.{0,60}\\bcarte( vitale)?\\b.{0,80}${FAILURE}`),
  /aucun lecteur de cartes? (n'est )?(detecte|trouve|connecte)/,
];

/** True for a card-read failure message; false for button labels and instructions ("Lire la carte Vitale"). */
export function isCardReadErrorText(text: string | null | undefined): boolean {
  const t = norm(text);
  if (t.length < 12 || t.length > 600) return false;
  return PATTERNS.some((re) => re.test(t));
}

const MESSAGE_SELECTORS = [
  '[role="alert"]',
  '[aria-live]',
  '.v-messages__message',
  '[id$="-messages"]',
  '[id*="message" i]',
  '[class*="message" i]',
  '.v-alert',
  '.error--text',
  '.text-error',
].join(', ');

/**
 * A card-read error message is shown in the patient identification widget (or, failing that, anywhere a short
 * alert is shown). Our own elements are skipped.
 */
export function findCardReadError(doc: Document): boolean {
  const button = doc.querySelector(VITAL_CARD_BUTTON);
  const scopes: ParentNode[] = [];
  const widget = button?.closest('form, [id="patientLogin"], [id^="patientLogin"], .v-card, section');
  if (widget) scopes.push(widget);
  scopes.push(doc);
  for (const scope of scopes) {
    for (const el of Array.from(scope.querySelectorAll(MESSAGE_SELECTORS)).slice(0, 300)) {
      if (el.closest(`${HOST_TAG}, compagnon-vitale-note`)) continue;
      if (isCardReadErrorText(el.textContent)) return true;
    }
  }
  return false;
}

export type CardAdvice = 'install-extension' | 'check-atsam' | 'check-both';

export function adviseCardError(s: Pick<VitaleStatus, 'extension'>): CardAdvice {
  if (s.extension === 'absent') return 'install-extension';
  if (s.extension === 'present') return 'check-atsam';
  return 'check-both';
}

export const CARD_ADVICE: Record<CardAdvice, Text> = {
  'install-extension': {
    fr: "La lecture de la carte Vitale a échoué et l'extension « Lecture Carte Vitale » n'est pas détectée : installez-la depuis le magasin d'extensions de votre navigateur, rechargez la page, puis vérifiez qu'ATSAM est à jour.",
    en: 'Reading the carte Vitale failed and the "Lecture Carte Vitale" extension is not detected: install it from your browser\'s store, reload the page, then check that ATSAM is up to date.',
  },
  'check-atsam': {
    fr: "La lecture de la carte Vitale a échoué alors que l'extension « Lecture Carte Vitale » est installée : ATSAM (service SrvSvCnam, Cryptolib CPS) est probablement absent ou à mettre à jour. Lancez DiagAM, ou réinstallez ATSAM depuis la page d'aide amelipro.",
    en: 'Reading the carte Vitale failed although the "Lecture Carte Vitale" extension is installed: ATSAM (SrvSvCnam service, Cryptolib CPS) is probably missing or outdated. Run DiagAM, or reinstall ATSAM from the amelipro help page.',
  },
  'check-both': {
    fr: "La lecture de la carte Vitale a échoué : vérifiez que l'extension « Lecture Carte Vitale » est installée et qu'ATSAM est à jour (DiagAM peut le vérifier).",
    en: 'Reading the carte Vitale failed: check that the "Lecture Carte Vitale" extension is installed and that ATSAM is up to date (DiagAM can check it).',
  },
};

export const ADVICE_LINK: Record<CardAdvice, string> = {
  'install-extension': LINKS.chromeStore,
  'check-atsam': LINKS.ameliproHelp,
  'check-both': LINKS.ameliproHelp,
};
