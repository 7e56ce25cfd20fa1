/**
 * Interface strings of the popup, side panel and options (French first, English second), plus the fr-FR
 * formatting used everywhere (dates and numbers are always written the French way).
 */
import { tr, type Lang, type Text } from '../lib/i18n';
import { formatFr, formatFrDateTime, isIsoDate } from '../lib/rules/dates';
import type { Profession } from '../lib/pages/types';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const S = {
  // popup
  checklistTitle: { fr: 'Avant de transmettre', en: 'Before submitting' },
  checklistIntro: {
    fr: 'Cochez ce que vous avez vérifié. Seul l’état des cases est gardé (aucune donnée patient).',
    en: 'Tick what you have checked. Only the state of the boxes is kept (no patient data).',
  },
  checklistEmpty: { fr: 'Aucune vérification prévue à cette date pour votre profession.', en: 'No check planned on this date for your profession.' },
  checked: { fr: 'Vérifié', en: 'Checked' },
  notApplicable: { fr: 'Non concerné', en: 'Not applicable' },
  toReview: { fr: 'À revoir', en: 'To review' },
  foundOnTab: { fr: 'Relevé sur l’onglet actuel :', en: 'Found on the current tab:' },
  notCheckable: { fr: 'Non vérifiable automatiquement :', en: 'Could not be checked automatically:' },
  help: { fr: 'Aide', en: 'Help' },
  helpFor: (title: string): Text => ({ fr: `Aide : ${title}`, en: `Help: ${title}` }),
  learnMoreFor: (title: string): Text => ({ fr: `En savoir plus : ${title} (site officiel)`, en: `Learn more: ${title} (official site)` }),
  complete: { fr: 'Terminer', en: 'Complete' },
  copyList: { fr: 'Copier la liste', en: 'Copy the list' },
  copied: { fr: 'Liste copiée : collez-la où vous voulez (dossier, impression).', en: 'List copied: paste it where you want (record, printing).' },
  copyFailed: { fr: 'Copie impossible dans cette fenêtre.', en: 'Could not copy in this window.' },
  confirmTickLabel: { fr: 'Confirmer la coche', en: 'Confirm the tick' },
  confirmTick: {
    fr: 'L’onglet signale un point bloquant sur cette question. Le cocher quand même ?',
    en: 'The tab shows a blocking finding on this question. Tick it anyway?',
  },
  confirmTickYes: { fr: 'Cocher quand même', en: 'Tick anyway' },
  confirmTickNo: { fr: 'Ne pas cocher', en: 'Do not tick' },
  endOfDayTitle: { fr: 'En fin de journée, dans votre logiciel', en: 'At the end of the day, in your practice software' },
  endOfDayIntro: {
    fr: 'Facturation et télétransmission : à revoir une fois par jour, pas à chaque patient.',
    en: 'Billing and teletransmission: to review once a day, not for each patient.',
  },
  pageChecklistEmpty: { fr: 'Aucune question propre à cette page.', en: 'No question for this page.' },
  pageChecklistNone: { fr: 'Ouvrez une page amelipro reconnue pour voir ses questions.', en: 'Open a recognised amelipro page to see its questions.' },
  abandon: { fr: 'Abandonner', en: 'Abandon' },
  progress: (done: number, total: number): Text => ({
    fr: `${done}/${total} ${plural(done, 'point vérifié', 'points vérifiés')}`,
    en: `${done}/${total} checked`,
  }),
  runCompleted: { fr: 'Vérification terminée et enregistrée.', en: 'Check completed and saved.' },
  runAbandoned: { fr: 'Vérification abandonnée.', en: 'Check abandoned.' },
  runResumed: { fr: 'Vérification en cours reprise.', en: 'Check in progress resumed.' },
  recentRuns: { fr: 'Dernières vérifications', en: 'Recent checks' },
  noRuns: { fr: 'Aucune vérification enregistrée.', en: 'No check saved yet.' },
  runStatus: {
    'in-progress': { fr: 'en cours', en: 'in progress' },
    completed: { fr: 'terminée', en: 'completed' },
    abandoned: { fr: 'abandonnée', en: 'abandoned' },
  } satisfies Record<string, Text>,
  storageDown: {
    fr: 'Enregistrement impossible pour le moment : vos cases restent cochées dans cette fenêtre.',
    en: 'Cannot save right now: your ticks stay in this window.',
  },
  currentTab: { fr: 'Onglet actuel', en: 'Current tab' },
  notOnAmelipro: { fr: 'Cet onglet n’est pas sur amelipro.', en: 'This tab is not on amelipro.' },
  analysing: { fr: 'Page en cours d’analyse', en: 'Page being analysed' },
  showFindings: { fr: 'Voir les remarques', en: 'Show the findings' },
  openPanel: { fr: 'Ouvrir le panneau d’aide', en: 'Open the help panel' },
  openOptions: { fr: 'Options', en: 'Options' },
  profileMissing: {
    fr: 'Profil non renseigné : vérifications d’un médecin généraliste. Choisissez votre profession dans les options.',
    en: 'No profile yet: a general practitioner’s checks. Choose your profession in the options.',
  },
  /** The profession the portal's header names, offered (lib/pages/portal-profession.ts). */
  portalSays: (label: Text): Text => ({
    fr: `Le portail vous présente comme : ${label.fr}.`,
    en: `The portal presents you as: ${label.en}.`,
  }),
  useThisProfile: { fr: 'Utiliser ce profil', en: 'Use this profile' },
  prefilledFromPortal: (label: Text): Text => ({
    fr: `Pré-rempli d’après l’en-tête du portail (${label.fr}) : vérifiez, puis enregistrez.`,
    en: `Pre-filled from the portal’s header (${label.en}): check it, then save.`,
  }),
  referenceDate: (d: string): Text => ({ fr: `Date de référence : ${d}`, en: `Reference date: ${d}` }),
  vitaleSlot: { fr: 'Carte Vitale', en: 'Carte Vitale' },
  // prescription box
  rxTitle: { fr: 'Vérifier une ordonnance', en: 'Check a prescription' },
  rxLabel: { fr: 'Lignes de l’ordonnance (une par ligne)', en: 'Prescription lines (one per line)' },
  rxCheck: { fr: 'Vérifier', en: 'Check' },
  rxClear: { fr: 'Effacer', en: 'Clear' },
  rxPrivacy: {
    fr: 'Rien de ce que vous tapez n’est enregistré ni envoyé : l’analyse se fait dans ce navigateur et s’efface à la fermeture.',
    en: 'Nothing you type is stored or sent: the analysis runs in this browser and is gone when you close it.',
  },
  rxNothing: { fr: 'Aucune remarque sur ces lignes.', en: 'Nothing to report on these lines.' },
  rxLine: (n: number): Text => ({ fr: `Ligne ${n}`, en: `Line ${n}` }),
  rxResults: (n: number): Text => ({
    fr: n === 0 ? 'Aucune remarque.' : `${n} ${plural(n, 'remarque', 'remarques')}.`,
    en: n === 0 ? 'No finding.' : `${n} ${plural(n, 'finding', 'findings')}.`,
  }),
  // side panel
  onThisPage: { fr: 'Sur cette page', en: 'On this page' },
  noPage: { fr: 'Aucune page amelipro analysée dans cet onglet.', en: 'No amelipro page analysed in this tab.' },
  reminders: { fr: 'Rappels pour cette page', en: 'Reminders for this page' },
  indicatorsTitle: { fr: 'Mes indicateurs', en: 'My indicators' },
  indicatorsEmpty: {
    fr: 'Ouvrez Ma Convention sur amelipro pour enregistrer vos indicateurs.',
    en: 'Open Ma Convention on amelipro to record your indicators.',
  },
  deadlines: { fr: 'Déclaration des indicateurs', en: 'Indicator declaration' },
  noDeadline: { fr: 'Aucune fenêtre de déclaration connue en ce moment.', en: 'No declaration window known right now.' },
  closesIn: (date: string, days: number): Text => ({
    fr: `Clôture le ${date} — ${days === 0 ? 'dernier jour' : `${days} ${plural(days, 'jour restant', 'jours restants')}`}`,
    en: `Closes on ${date} — ${days === 0 ? 'last day' : `${days} ${plural(days, 'day left', 'days left')}`}`,
  }),
  opensIn: (date: string, days: number): Text => ({
    fr: `Ouverture le ${date} (dans ${days} ${plural(days, 'jour', 'jours')})`,
    en: `Opens on ${date} (in ${days} ${plural(days, 'day', 'days')})`,
  }),
  declaredCount: (d: number, t: number): Text => ({ fr: `${d}/${t} indicateurs déclarés`, en: `${d}/${t} indicators declared` }),
  fromPortal: { fr: 'annoncé par Ma Convention', en: 'announced by Ma Convention' },
  fromCatalogue: { fr: 'calendrier connu', en: 'known calendar' },
  stakesTitle: { fr: 'Points et paiements (Ma Convention)', en: 'Points and payments (Ma Convention)' },
  pointsAcquired: (acquired: string, max: string | undefined): Text => ({
    fr: `Points acquis : ${acquired}${max === undefined ? '' : ` sur ${max}`}`,
    en: `Points earned: ${acquired}${max === undefined ? '' : ` of ${max}`}`,
  }),
  pointsUnreadable: {
    fr: 'Points acquis : la page les affiche, mais ils n’ont pas pu être lus.',
    en: 'Points earned: the page shows them, but they could not be read.',
  },
  lastPayments: { fr: 'Derniers paiements', en: 'Latest payments' },
  paymentsUnreadable: {
    fr: 'Derniers paiements : la page en affiche, mais ils n’ont pas pu être lus.',
    en: 'Latest payments: the page shows some, but they could not be read.',
  },
  paidOn: (d: string): Text => ({ fr: `le ${d}`, en: `on ${d}` }),
  value: { fr: 'Valeur', en: 'Value' },
  done: { fr: 'Atteint', en: 'Reached' },
  notDone: { fr: 'Non atteint', en: 'Not reached' },
  target: { fr: 'Objectif', en: 'Target' },
  asOf: (d: string): Text => ({ fr: `au ${d}`, en: `as of ${d}` }),
  ofTarget: (pct: string): Text => ({ fr: `${pct} % de l’objectif`, en: `${pct} % of target` }),
  noValue: { fr: 'pas encore relevé', en: 'not recorded yet' },
  history: { fr: 'Évolution', en: 'Progress over time' },
  table: { fr: 'Voir les valeurs (tableau)', en: 'Show the values (table)' },
  date: { fr: 'Date', en: 'Date' },
  reached: { fr: 'Objectif atteint', en: 'Target reached' },
  notReached: { fr: 'Objectif non atteint', en: 'Target not reached' },
  legend: {
    fr: 'Carré plein : objectif atteint ; rond creux : objectif non atteint ; trait pointillé : objectif.',
    en: 'Filled square: target reached; hollow circle: target not reached; dotted line: target.',
  },
  chartDesc: (label: string, n: number, first: string, last: string): Text => ({
    fr: `${label} : ${n} ${plural(n, 'relevé', 'relevés')} du ${first} au ${last}.`,
    en: `${label}: ${n} ${plural(n, 'reading', 'readings')} from ${first} to ${last}.`,
  }),
  singleReading: (label: string, value: string, target: string, reached: string): Text => ({
    fr: `${label} : ${value} (premier relevé), objectif ${target} ; ${reached}.`,
    en: `${label}: ${value} (first reading), target ${target}; ${reached}.`,
  }),
  soon: { fr: 'Bientôt', en: 'Coming soon' },
  soonEmpty: { fr: 'Aucune nouvelle règle dans les 60 prochains jours.', en: 'No new rule in the next 60 days.' },
  startsOn: (date: string, days: number): Text => ({
    fr: `À partir du ${date} (dans ${days} ${plural(days, 'jour', 'jours')})`,
    en: `From ${date} (in ${days} ${plural(days, 'day', 'days')})`,
  }),
  showAll: (n: number): Text => ({ fr: `Afficher les ${n} règles`, en: `Show all ${n} rules` }),
  helpTitle: { fr: 'Aide sur les règles', en: 'Help on the rules' },
  searchLabel: { fr: 'Rechercher (ex. tramadol, arrêt, SCOR)', en: 'Search (e.g. tramadol, sick leave, SCOR)' },
  results: (n: number): Text => ({
    fr: n === 0 ? 'Aucune règle trouvée.' : `${n} ${plural(n, 'règle', 'règles')}`,
    en: n === 0 ? 'No rule found.' : `${n} ${plural(n, 'rule', 'rules')}`,
  }),
  phase: {
    'in-force': { fr: 'En vigueur', en: 'In force' },
    transition: { fr: 'En vigueur (période de tolérance)', en: 'In force (tolerance period)' },
    upcoming: { fr: 'À venir', en: 'Upcoming' },
    ended: { fr: 'Terminée', en: 'Ended' },
  } satisfies Record<string, Text>,
  since: (d: string): Text => ({ fr: `Depuis le ${d}`, en: `Since ${d}` }),
  startsFrom: (d: string): Text => ({ fr: `À partir du ${d}`, en: `From ${d}` }),
  until: (d: string): Text => ({ fr: `jusqu’au ${d}`, en: `until ${d}` }),
  tolerance: (a: string, b: string): Text => ({ fr: `Tolérance du ${a} au ${b}`, en: `Tolerance from ${a} to ${b}` }),
  lowConfidence: { fr: 'Règle à vérifier (sources incomplètes)', en: 'Rule to verify (incomplete sources)' },
  forWhom: { fr: 'Pour', en: 'For' },
  // options
  optionsTitle: { fr: 'Options', en: 'Options' },
  profile: { fr: 'Profil', en: 'Profile' },
  profession: { fr: 'Profession', en: 'Profession' },
  professionNone: { fr: 'Non renseignée (médecin généraliste par défaut)', en: 'Not set (general practitioner by default)' },
  specialty: { fr: 'Spécialité', en: 'Specialty' },
  specialtyNone: { fr: 'Aucune', en: 'None' },
  departement: { fr: 'Département (ex. 21, 2A, 974)', en: 'Département (e.g. 21, 2A, 974)' },
  departementInvalid: { fr: 'Numéro de département inconnu (01 à 95, 2A, 2B, 971 à 976).', en: 'Unknown département number (01 to 95, 2A, 2B, 971 to 976).' },
  specialtyOnlyForSpecialists: { fr: 'La spécialité ne concerne que les médecins spécialistes.', en: 'The specialty only applies to specialists.' },
  save: { fr: 'Enregistrer', en: 'Save' },
  saved: { fr: 'Enregistré.', en: 'Saved.' },
  saveFailed: { fr: 'Échec de l’enregistrement :', en: 'Could not save:' },
  features: { fr: 'Vérifications sur les pages', en: 'Checks on the pages' },
  featuresIntro: { fr: 'Décochez une vérification pour ne plus l’afficher sur amelipro.', en: 'Untick a check to stop showing it on amelipro.' },
  autoOpen: {
    fr: 'Ouvrir le panneau sur la page quand un point bloquant apparaît',
    en: 'Open the panel on the page when a blocking finding appears',
  },
  autoOpenHelp: {
    fr: 'Sinon, le bouton dans un coin de la page prend la couleur de la remarque la plus grave. Le panneau ne se place jamais sur un bouton, un lien ou un champ de la page.',
    en: 'Otherwise the button in a corner of the page takes the colour of the most serious finding. The panel never stands over a button, link or field of the page.',
  },
  advanced: { fr: 'Avancé', en: 'Advanced' },
  refDateTitle: { fr: 'Date de référence', en: 'Reference date' },
  refDateLabel: { fr: 'Vérifier les règles à la date du', en: 'Check the rules as of' },
  refDateHelp: {
    fr: 'Laissez vide pour la date du jour. Utile pour une démonstration ou pour voir les règles d’une autre date.',
    en: 'Leave empty for today. Useful for a demo or to see the rules of another date.',
  },
  refDateClear: { fr: 'Revenir à aujourd’hui', en: 'Back to today' },
  language: { fr: 'Langue', en: 'Language' },
  about: { fr: 'À propos', en: 'About' },
  version: (v: string): Text => ({ fr: `Version ${v}`, en: `Version ${v}` }),
  reviewed: (d: string): Text => ({ fr: `Règles revues le ${d}`, en: `Rules reviewed on ${d}` }),
  rulesCount: (n: number): Text => ({ fr: `${n} règles datées et sourcées`, en: `${n} dated and sourced rules` }),
  whatsNew: (v: string): Text => ({ fr: `Nouveautés de la version ${v}`, en: `What’s new in version ${v}` }),
  aboutNote: {
    fr: 'Extension indépendante, non affiliée à l’Assurance Maladie. Elle ne transmet rien : tout reste dans ce navigateur.',
    en: 'Independent extension, not affiliated with the Assurance Maladie. It sends nothing: everything stays in this browser.',
  },
} as const;

export const PROFESSION_LABELS: Record<Profession, Text> = {
  'medecin-generaliste': { fr: 'Médecin généraliste', en: 'General practitioner' },
  'medecin-specialiste': { fr: 'Médecin spécialiste', en: 'Specialist physician' },
  pharmacien: { fr: 'Pharmacien d’officine', en: 'Community pharmacist' },
};

// Written by hand rather than with Intl formatters: creating those at start-up costs the popup and the side
// panel milliseconds before their first paint, for three fixed French formats.

/** 2026-11-28 → 28/11/2026 (calendar date, no time zone shift); anything else is shown as it is. */
export function fmtDate(iso: string): string {
  return isIsoDate(iso.slice(0, 10)) ? formatFr(iso) : iso;
}
/** ISO date-time → 28/11/2026 14:05 (local time). */
export const fmtDateTime = formatFrDateTime;
/** An indicator's value as the portal shows it: "72 %", "1/2", "Atteint", "6". */
export function fmtIndicator(value: number, unit: 'ratio' | '%' | 'count' | 'done' | undefined, target: number | null, lang: Lang): string {
  if (unit === 'done') return tr(value >= (target ?? 1) ? S.done : S.notDone, lang);
  if (unit === 'ratio' && target !== null) return `${fmtNumber(value)}/${fmtNumber(target)}`;
  return unit === '%' ? `${fmtNumber(value)} %` : fmtNumber(value);
}

/** 1234.5 → "1 234,5" (French separators, at most two decimals). */
export function fmtNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(Math.abs(n) * 100) / 100;
  const [int, dec] = String(rounded).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${n < 0 && rounded !== 0 ? '-' : ''}${grouped}${dec ? `,${dec}` : ''}`;
}

/** 1842.6 → "1 842,60 €" (narrow no-break spaces between thousands, a no-break space before €, always two decimals). */
export function fmtAmount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [int, dec] = Math.abs(n).toFixed(2).split('.');
  return `${n < 0 && Math.abs(n) >= 0.005 ? '-' : ''}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')},${dec}\u00a0€`;
}

export const langName: Record<Lang, string> = { fr: 'Français', en: 'English' };
