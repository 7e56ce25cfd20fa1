/**
 * Declaration windows on «Ma Convention», forfait structure, dotation numérique (Donum), ROSP — rules.md R4, R2.7.
 * A declaration window is a rule whose `from` / `until` are the opening and closing days (inclusive).
 * New window next year: copy the last one, change id, dates, source and `reviewed`.
 */
import { defineRules } from '../define';
import type { RuleInput } from '../schema';

const MG_MS = ['medecin-generaliste', 'medecin-specialiste'] as const;
const MODERNISATION = 'https://www.ameli.fr/medecin/exercice-liberal/facturation-remuneration/modernisation-cabinet';

const windowMessage = {
  fr: "Déclarez vos indicateurs sur amelipro (Ma Convention) avant la clôture de la saisie : un indicateur non déclaré n'est pas rémunéré.",
  en: 'Declare your indicators on amelipro (Ma Convention) before the entry closes: an undeclared indicator is not paid.',
};
const windowChecklist = {
  fr: 'Tous vos indicateurs sont-ils déclarés sur Ma Convention ?',
  en: 'Are all your indicators declared on Ma Convention?',
};

/** The end of the ROSP: one rule per audience (GPs get the regular-doctor fee in its place, specialists do not). */
const ROSP_END = {
  title: { fr: 'ROSP : 2025 est le dernier exercice', en: 'ROSP: 2025 is the last exercise' },
  severity: 'info',
  from: '2024-06-21',
  until: '2026-02-08',
  contexts: ['convention-medecin'],
  source: { catalogue: 'R4.5', seeds: [{ file: '000_cc907b3246fc7308.txt', section: 'V – NUMÉRIQUE - ROSP' }] },
  link: MODERNISATION,
  reviewed: '2026-12-04',
  confidence: 'medium',
} satisfies Partial<RuleInput>;

export default defineRules([
  {
    // Whatever the year: when «Ma Convention» shows an open entry window with indicators left to declare,
    // remind with the days left. The dated windows below carry the calendar (reminders, "bientôt").
    // Quiet until `warnWithinDays` days before the close date shown by the portal: an information listed in the
    // toolbar window and the side panel, not put in the page, whose declaration block already shows the date and the
    // count. A warning from then on (orange corner button, "J-n" badge), or whenever the close date cannot be read.
    id: 'indicators.declaration-open',
    title: { fr: 'Indicateurs à déclarer avant la clôture', en: 'Indicators to declare before the entry closes' },
    message: { fr: windowMessage.fr, en: windowMessage.en },
    severity: 'warning',
    professions: [...MG_MS, 'pharmacien'],
    from: '2019-12-17',
    contexts: ['convention-medecin', 'convention-pharmacien'],
    params: { warnWithinDays: 15 },
    source: {
      catalogue: 'R4.1',
      seeds: [
        {
          file: '001_f7a46319a81d38ac.txt',
          section: 'ROSP et forfait structure : déclarez vos indicateurs sans tarder (ouverture : date du message, 17/12/2019)',
        },
        { file: '003_15b775947fd4c522.txt', section: 'Indicateurs ROSP et BUPS (une maquette du même document affiche 31/01/2025)' },
      ],
    },
    link: MODERNISATION,
    reviewed: '2026-11-28',
    confidence: 'high',
  },
  {
    id: 'indicators.declaration-window.medecins-2019',
    title: { fr: 'Déclaration ROSP et forfait structure 2019', en: 'ROSP and forfait structure declaration, 2019' },
    message: { fr: `${windowMessage.fr} Clôture le dimanche 02/02/2020 inclus.`, en: `${windowMessage.en} Closes on Sunday 2020-02-02 inclusive.` },
    severity: 'warning',
    professions: [...MG_MS],
    from: '2019-12-17',
    until: '2020-02-02',
    contexts: ['convention-medecin', 'home', 'checklist'],
    source: {
      catalogue: 'R4.1',
      seeds: [
        {
          file: '001_f7a46319a81d38ac.txt',
          section: 'ROSP et forfait structure : déclarez vos indicateurs sans tarder (ouverture : date du message, 17/12/2019)',
        },
      ],
    },
    link: MODERNISATION,
    reviewed: '2026-11-28',
    confidence: 'high',
    checklist: windowChecklist,
  },
  {
    id: 'indicators.declaration-window.medecins-2023',
    title: { fr: 'Déclaration ROSP et forfait structure 2023', en: 'ROSP and forfait structure declaration, 2023' },
    message: { fr: `${windowMessage.fr} Saisie du 11/12/2023 au 04/02/2024.`, en: `${windowMessage.en} Open from 2023-12-11 to 2024-02-04.` },
    severity: 'warning',
    professions: [...MG_MS],
    from: '2023-12-11',
    until: '2024-02-04',
    contexts: ['convention-medecin', 'home', 'checklist'],
    source: {
      catalogue: 'R4.1',
      seeds: [{ file: '000_cc907b3246fc7308.txt', section: 'V – NUMÉRIQUE – ROSP ET FORFAIT STRUCTURE (message CNAM : campagne de saisie 2023)' }],
    },
    link: MODERNISATION,
    reviewed: '2026-11-28',
    confidence: 'high',
    checklist: windowChecklist,
  },
  {
    id: 'indicators.declaration-window.medecins-2024',
    title: { fr: 'Déclaration forfait structure 2024', en: 'Forfait structure declaration, 2024' },
    message: {
      fr: `${windowMessage.fr} Ouverte le 12/12/2024, clôture annoncée entre fin janvier et mi-février 2025 : vérifiez la date affichée sur amelipro.`,
      en: `${windowMessage.en} Opened on 2024-12-12, announced to close between late January and mid-February 2025: check the date shown on amelipro.`,
    },
    severity: 'warning',
    professions: [...MG_MS],
    from: '2024-12-12',
    until: '2025-02-15',
    contexts: ['convention-medecin', 'home', 'checklist'],
    source: {
      catalogue: 'R4.1',
      seeds: [{ file: '002_d3b356307d2a16f2.txt', section: 'L’ouverture du téléservice permettant la déclaration des indicateurs du forfait structure' }],
      official: 'Date de clôture non confirmée (mi-février 2025 retenue)',
    },
    link: MODERNISATION,
    reviewed: '2026-11-28',
    confidence: 'medium',
    checklist: windowChecklist,
  },
  {
    id: 'indicators.declaration-window.medecins-2025',
    title: { fr: 'Déclaration forfait structure 2025 (dernière)', en: 'Forfait structure declaration, 2025 (last one)' },
    message: {
      fr: `${windowMessage.fr} Saisie du 15/12/2025 au 08/02/2026 : dernier forfait structure avant la dotation numérique.`,
      en: `${windowMessage.en} Open from 2025-12-15 to 2026-02-08: the last forfait structure before the dotation numérique.`,
    },
    severity: 'warning',
    professions: [...MG_MS],
    from: '2025-12-15',
    until: '2026-02-08',
    contexts: ['convention-medecin', 'home', 'checklist'],
    source: { catalogue: 'R4.1', official: 'Calendrier de saisie 2025 relayé par un éditeur (orisha) ; à confirmer sur amelipro' },
    link: MODERNISATION,
    reviewed: '2026-11-28',
    confidence: 'medium',
    checklist: windowChecklist,
  },
  {
    id: 'indicators.declaration-window.pharmaciens-2024',
    title: { fr: 'Déclaration des indicateurs pharmaciens 2024', en: "Pharmacists' 2024 indicator declaration" },
    message: {
      fr: 'Déclarez vos indicateurs 2024 (numérique en santé, bon usage des produits de santé, dispositif exceptionnel) sur amelipro, Ma Convention, du 09/12/2024 au 28/02/2025.',
      en: 'Declare your 2024 indicators (digital health, appropriate use of health products, exceptional scheme) on amelipro, Ma Convention, from 2024-12-09 to 2025-02-28.',
    },
    severity: 'warning',
    professions: ['pharmacien'],
    from: '2024-12-09',
    until: '2025-02-28',
    contexts: ['convention-pharmacien', 'home', 'checklist'],
    source: {
      catalogue: 'R4.6',
      seeds: [{ file: '003_15b775947fd4c522.txt', section: 'Indicateurs ROSP et BUPS (une maquette du même document affiche 31/01/2025)' }],
    },
    link: 'https://www.ameli.fr/pharmacien',
    reviewed: '2026-11-28',
    confidence: 'medium',
    checklist: windowChecklist,
  },
  {
    id: 'indicators.forfait-structure-2023',
    title: { fr: 'Forfait structure 2023 : objectifs assouplis', en: 'Forfait structure 2023: lowered targets' },
    message: {
      fr: "Exercice 2023 : AAT en ligne 70 % (au lieu de 90 %), DMP 10 % (au lieu de 20 %), addendum 8 reporté au 31/12/2024, justificatif Ségur accepté jusqu'au 31/01/2024, téléservice déclaration médecin traitant neutralisé pour les généralistes.",
      en: 'Exercise 2023: online sick leave 70 % (instead of 90 %), DMP 10 % (instead of 20 %), addendum 8 postponed to 2024-12-31, Ségur proof accepted until 2024-01-31, regular-doctor declaration service neutralised for GPs.',
    },
    severity: 'info',
    professions: [...MG_MS],
    from: '2023-12-11',
    until: '2024-02-04',
    contexts: ['convention-medecin'],
    source: {
      catalogue: 'R4.2',
      seeds: [{ file: '000_cc907b3246fc7308.txt', section: 'V – NUMÉRIQUE – ROSP ET FORFAIT STRUCTURE (message CNAM : aménagements 2023)' }],
    },
    link: MODERNISATION,
    reviewed: '2026-11-28',
    confidence: 'high',
    params: { aatTarget: 0.7, dmpTarget: 0.1 },
  },
  {
    id: 'indicators.forfait-structure',
    title: { fr: 'Forfait structure 2024-2025', en: 'The forfait structure in 2024-2025' },
    message: {
      fr: "Volet 1 (4 prérequis obligatoires : logiciel Ségur avec LAP certifié, SESAM-Vitale addendum 8 avec ApCV, télétransmission > 2/3, horaires dans l'Annuaire santé) puis volet 2, dont AAT en ligne ≥ 90 %.",
      en: 'Part 1 (4 mandatory prerequisites: Ségur software with certified prescribing aid, SESAM-Vitale addendum 8 with ApCV, e-transmission > 2/3, opening hours in the Annuaire santé) then part 2, including online sick leave ≥ 90 %.',
    },
    severity: 'info',
    professions: [...MG_MS],
    from: '2024-01-01',
    until: '2025-12-31',
    contexts: ['convention-medecin'],
    source: { catalogue: 'R4.3', official: 'ameli « modernisation du cabinet » (04/03/2024) ; guide méthodologique forfait structure 2024' },
    link: MODERNISATION,
    reviewed: '2026-11-28',
    confidence: 'high',
    params: { aatTarget: 0.9, pointValueEuros: 7 },
  },
  {
    id: 'indicators.donum',
    title: { fr: 'Dotation numérique (Donum) : remplace le forfait structure', en: 'Dotation numérique (Donum) replaces the forfait structure' },
    message: {
      fr: 'Depuis 2026, la dotation numérique remplace le forfait structure (420 points maximum). Socle : logiciel Ségur à jour avec LAP certifié et derniers avenants SESAM-Vitale, usage moyen DMT/FSE/PSE/AAT ≥ 60 % (80 % en 2028).',
      en: 'Since 2026 the dotation numérique replaces the forfait structure (420 points at most). Base: up-to-date Ségur software with certified prescribing aid and latest SESAM-Vitale amendments, average use of DMT/FSE/PSE/AAT ≥ 60 % (80 % in 2028).',
    },
    severity: 'info',
    professions: [...MG_MS],
    from: '2026-01-01',
    contexts: ['convention-medecin', 'aat'],
    source: {
      catalogue: 'R4.4',
      seeds: [{ file: '002_d3b356307d2a16f2.txt', section: 'RENFORCEMENT SÉCURISATION DES AVIS D’ARRÊT DE TRAVAIL (dotation numérique à compter de 2026)' }],
      official: 'Convention médicale 2024-2029 (signée le 04/06/2024, JO 21/06/2024) ; ameli « nouvelle dotation numérique » (26/02/2025)',
    },
    link: MODERNISATION,
    reviewed: '2026-11-28',
    confidence: 'high',
    params: { maxPoints: 420, socleRate2026: 0.6, socleRate2028: 0.8 },
  },
  {
    ...ROSP_END,
    id: 'indicators.rosp-last-exercise',
    message: {
      fr: "La ROSP disparaît sous sa forme actuelle après l'exercice 2025. Pour les médecins généralistes (médecins traitants), elle est remplacée en 2026 par une rémunération intégrée au forfait médecin traitant. Déclarez les derniers indicateurs dans la fenêtre de saisie.",
      en: 'ROSP in its current form ends after exercise 2025. For GPs (regular doctors) it is replaced from 2026 by a payment built into the regular-doctor flat fee. Declare the last indicators within the entry window.',
    },
    professions: ['medecin-generaliste'],
    source: {
      ...ROSP_END.source,
      official: 'Convention médicale 2024-2029 (JO 21/06/2024) : nouveau forfait médecin traitant (texte non relu ici, rapporté par la presse médicale)',
    },
  },
  {
    ...ROSP_END,
    id: 'indicators.rosp-last-exercise-specialists',
    message: {
      fr: "Pour les spécialistes concernés (cardiologues, gastro-entérologues, endocrinologues), la ROSP prend fin après l'exercice 2025 ; la rémunération qui la remplace (forfait médecin traitant) concerne les généralistes. Déclarez les derniers indicateurs dans la fenêtre de saisie.",
      en: 'For the specialists concerned (cardiologists, gastroenterologists, endocrinologists), ROSP ends after exercise 2025; the payment replacing it (regular-doctor flat fee) is for GPs. Declare the last indicators within the entry window.',
    },
    professions: ['medecin-specialiste'],
    source: {
      ...ROSP_END.source,
      official: 'Convention médicale 2024-2029 (JO 21/06/2024) : fin de la ROSP après 2025 (texte non relu ici, rapporté par la presse médicale)',
    },
  },
]);
