/**
 * Sick-leave notice rules («avis d'arrêt de travail», AAT) — rules.md R2.
 * To update a date: change `from` / `until` / `transition`, set `reviewed`, run the rule tests.
 */
import { defineRules } from '../define';

const AMELI_MEDECIN = 'https://www.ameli.fr/medecin';
const MG_MS = ['medecin-generaliste', 'medecin-specialiste'] as const;

export default defineRules([
  {
    id: 'aat.online-preferred',
    title: { fr: "Privilégiez l'arrêt de travail en ligne", en: 'Prefer the online sick-leave notice' },
    message: {
      fr: "Faites l'arrêt en ligne (amelipro ou logiciel) avec la carte Vitale du patient : plus sûr contre l'usurpation d'identité, indemnisation plus rapide. Papier seulement si impossible (visite à domicile…).",
      en: "Issue the notice online (amelipro or your software) with the patient's carte Vitale: safer against identity theft, faster payment. Paper only when online is impossible (home visit…).",
    },
    severity: 'info',
    professions: [...MG_MS],
    from: '2024-09-12',
    contexts: ['aat', 'atmp'],
    source: {
      catalogue: 'R2.1',
      seeds: [
        { file: '002_d3b356307d2a16f2.txt', section: 'RENFORCEMENT SÉCURISATION DES AVIS D’ARRÊT DE TRAVAIL' },
        { file: '004_73d082affebbf081.txt', section: 'VII- Questions diverses (calcul de la télétransmission des AAT)' },
      ],
      official:
        'Information Assurance Maladie du 12/09/2024 sur la sécurisation des arrêts de travail (règle permanente ; date = début de la campagne de sécurisation)',
    },
    link: AMELI_MEDECIN,
    reviewed: '2026-11-28',
    confidence: 'high',
  },
  {
    id: 'aat.secured-cerfa',
    title: { fr: 'Arrêt papier : Cerfa sécurisé uniquement', en: 'Paper sick leave: secured Cerfa form only' },
    message: {
      fr: 'Un arrêt papier (initial ou prolongation, maladie ou AT/MP) se fait uniquement sur le Cerfa sécurisé commandé sur amelipro. Anciens modèles, scans, photocopies et formulaires imprimés par le logiciel sont rejetés.',
      en: 'A paper notice (initial or extension, illness or work accident) must use the secured Cerfa form ordered on amelipro. Old models, scans, photocopies and software-printed forms are rejected.',
    },
    severity: 'blocking',
    professions: [...MG_MS],
    from: '2025-07-01',
    transition: {
      from: '2025-07-01',
      until: '2025-08-31',
      message: {
        fr: "Tolérance d'été : les anciens formulaires papier sont encore acceptés jusqu'au 31/08/2025 ; rejet à partir du 01/09/2025.",
        en: 'Summer tolerance: old paper forms are still accepted until 2025-08-31; rejected from 2025-09-01.',
      },
    },
    contexts: ['aat', 'atmp', 'commandes', 'checklist'],
    source: {
      catalogue: 'R2.2',
      seeds: [{ file: '002_d3b356307d2a16f2.txt', section: 'RENFORCEMENT SÉCURISATION DES AVIS D’ARRÊT DE TRAVAIL' }],
      official: 'Décret n° 2025-587 du 28/06/2025 (CSS R.321-2), en vigueur le 01/07/2025 ; tolérance Assurance Maladie jusqu’au 31/08/2025',
    },
    link: AMELI_MEDECIN,
    reviewed: '2026-11-28',
    confidence: 'high',
    checklist: {
      fr: 'Arrêts papier uniquement sur le Cerfa sécurisé (ni ancien modèle, ni scan, ni impression du logiciel) ; stock suffisant pour les visites ?',
      en: 'Paper sick-leave notices only on the secured Cerfa (no old model, scan or software printout); enough stock for home visits?',
    },
  },
  {
    id: 'aat.paper-workflow',
    title: { fr: 'Arrêt papier : quel volet à qui', en: 'Paper sick leave: which part goes where' },
    message: {
      fr: "Dites au patient d'envoyer les volets 1 et 2 à sa caisse sous 48 heures et le volet 3 à l'employeur (France Travail s'il est au chômage). En ligne, remettez-lui seulement le volet 3.",
      en: 'Tell the patient to send parts 1 and 2 to the health insurance fund within 48 hours and part 3 to the employer (France Travail if unemployed). Online, hand over part 3 only.',
    },
    severity: 'info',
    professions: [...MG_MS],
    from: '2022-05-07',
    contexts: ['aat', 'atmp'],
    source: {
      catalogue: 'R2.3',
      seeds: [{ file: '004_73d082affebbf081.txt', section: 'VII- Questions diverses (quels volets imprimer)' }],
      official: 'Cerfa n° 10170 unifié (maladie et AT/MP) depuis le 07/05/2022 ; envoi sous 48 heures (CSS R.321-2)',
    },
    link: AMELI_MEDECIN,
    reviewed: '2026-11-28',
    confidence: 'high',
  },
  {
    id: 'aat.special-regimes',
    title: { fr: 'Fonctionnaires et régimes sans téléservice', en: 'Civil servants and schemes without the online service' },
    message: {
      fr: "Fonctionnaire titulaire : l'agent envoie les volets 2 et 3 à son employeur. Régime ne prenant pas le téléservice : imprimez tous les volets et remettez-les au patient. Ces arrêts ne pèsent pas sur votre taux d'e-AAT.",
      en: 'Tenured civil servant: parts 2 and 3 go to the employer. Scheme not supporting the online service: print every part and give them to the patient. These notices do not lower your online rate.',
    },
    severity: 'info',
    professions: [...MG_MS],
    from: '2022-05-07',
    contexts: ['aat'],
    source: {
      catalogue: 'R2.4',
      seeds: [{ file: '004_73d082affebbf081.txt', section: 'VII- Questions diverses (fonction publique, MGEN, AT/MP)' }],
    },
    link: AMELI_MEDECIN,
    reviewed: '2026-11-28',
    confidence: 'medium',
  },
  {
    id: 'aat.teleconsultation-3-days',
    title: { fr: 'Arrêt en téléconsultation : 3 jours maximum', en: 'Sick leave by teleconsultation: 3 days at most' },
    message: {
      fr: "En téléconsultation, un arrêt ne peut dépasser 3 jours, ni une prolongation porter l'arrêt en cours au-delà de 3 jours, sauf si vous êtes le médecin traitant ou si le patient ne peut pas consulter en présentiel. Sinon, pas d'indemnités au-delà de 3 jours.",
      en: 'By teleconsultation a notice cannot exceed 3 days, nor an extension bring the ongoing leave beyond 3 days, unless you are the regular doctor or the patient cannot come in person. Otherwise no daily allowance beyond 3 days.',
    },
    severity: 'warning',
    professions: [...MG_MS],
    from: '2024-01-01',
    contexts: ['aat'],
    source: {
      catalogue: 'R2.5',
      official:
        "LFSS 2024 (loi n° 2023-1250 du 26/12/2023), en vigueur le 01/01/2024 : ni plus de 3 jours, ni prolongation d'un arrêt en cours au-delà de 3 jours ; une prolongation compte depuis l'arrêt initial",
    },
    link: AMELI_MEDECIN,
    reviewed: '2026-12-04',
    confidence: 'high',
    params: { maxDays: 3 },
  },
  {
    id: 'aat.duration-limit',
    title: {
      fr: 'Arrêt maladie : 1 mois au plus, prolongation 2 mois, sauf justification',
      en: 'Sick leave: 1 month at most, extension 2 months, unless justified',
    },
    message: {
      fr: "Depuis le 01/09/2026, un arrêt maladie initial est plafonné à 1 mois et une prolongation à 2 mois. Vous pouvez dépasser ce plafond en justifiant la durée sur l'avis ; indiquez toujours les éléments médicaux qui justifient l'arrêt. Unité du décret (mois ou 31/62 jours) à vérifier.",
      en: 'Since 2026-09-01 an initial sick-leave notice is capped at 1 month and an extension at 2 months. You may exceed the cap by justifying the length on the notice; always state the medical grounds for the leave. Unit of the decree (months or 31/62 days) to be verified.',
    },
    severity: 'warning',
    professions: [...MG_MS],
    from: '2026-09-01',
    // AT/MP certificates: the law caps sick pay for illness (CSS L.321-1); no text read here extends it to AT/MP,
    // so on that page the check only says "à vérifier", as information (lib/rules/checks.ts).
    contexts: ['aat', 'atmp'],
    source: {
      catalogue: 'R2.6',
      official:
        "LFSS 2026 (loi n° 2025-1403 du 30/12/2025, art. 81 ; CSS L.321-1, indemnités journalières maladie), en vigueur le 01/09/2026 ; dépassement possible s'il est justifié sur l'avis. Décret n° 2026-498 du 12/06/2026 : plafonds 1 et 2 mois rapportés par une lettre d'information de praticiens (source secondaire, texte non lu) ; une autre source secondaire donne 31 / 62 jours : unité à vérifier. Application aux AT/MP non confirmée",
    },
    link: 'https://www.legifrance.gouv.fr',
    reviewed: '2026-12-04',
    confidence: 'medium',
    params: { maxMonthsInitial: 1, maxMonthsProlongation: 2, maxDaysInitial: 31, maxDaysProlongation: 62 },
  },
]);
