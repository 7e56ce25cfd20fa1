/**
 * Prescription rules, regime by regime (the regime of a product comes from the public drug database, see
 * scripts/build-lexicon.ts): stupéfiants (CSP R.5132-5, R.5132-29, R.5132-30), medicines "en toutes lettres sur
 * ordonnance sécurisée", "sur ordonnance sécurisée" only (prégabaline), tramadol / codeine / dihydrocodeine
 * (rules.md R1); the conditions that go with them (split dispensing, no overlap, pharmacist's name); AGLP-1
 * justification form (R5); ordonnance numérique (R3.4). The rules of a regime share their checks
 * (lib/rules/checks-prescription.ts), named in `check`, with the regime in `params.regime`.
 *
 * To update a date: change `from`, `until` or `transition`, then set `reviewed` to today's date
 * and run `npx vitest run tests/unit/rules` (and `UPDATE_DOCS=1` once to refresh the table in docs/rules.md).
 */
import { defineRules } from '../define';

const ANSM_OPIOIDS =
  'https://ansm.sante.fr/actualites/decision-du-24-09-2024-portant-application-dune-partie-de-la-reglementation-des-stupefiants-et-fixant-des-durees-de-prescription-tramadol-codeine';
const AMELI_AGLP1 = 'https://www.ameli.fr/oise/assure/actualites/ozempic-et-autres-antidiabetiques-l-assurance-maladie-renforce-le-controle-des-prescriptions';
const SEED_OPIOIDS = { file: '002_d3b356307d2a16f2.txt', section: 'PRESCRIPTION TRAMADOL ET OPIOÏDES' } as const;
const ANSM_DECISION =
  'ANSM, décision du 24/09/2024 (publiée le 26/09/2024), entrée en vigueur reportée au 01/03/2025 ; dérogation ANSM du 26/02/2025 pour mars 2025';

const CSP = 'https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006072665/';
const BDPM_CONDITIONS = 'conditions de prescription et de délivrance de la base de données publique des médicaments (ANSM, extrait du 07/07/2025)';
const PRESCRIBERS_AND_PHARMACISTS = ['medecin-generaliste', 'medecin-specialiste', 'pharmacien'] as const;

/** The rules of a regime that differ only by their regime, texts, dates and sources. */
function regimeRules(r: {
  prefix: string;
  regime: string;
  who: { fr: string; en: string };
  from: string;
  official: string;
  letters: boolean;
  maxDuration: { fr: string; en: string; defaultDays?: number };
}) {
  const base = {
    professions: [...PRESCRIBERS_AND_PHARMACISTS],
    from: r.from,
    contexts: ['prescription' as const],
    source: { catalogue: 'R1', official: `${r.official} ; ${BDPM_CONDITIONS}` },
    link: CSP,
    reviewed: '2026-12-04',
    confidence: 'high' as const,
  };
  const letters = (mention: 'dosage' | 'posology', fr: string, en: string) => ({
    ...base,
    id: `${r.prefix}.letters.${mention}`,
    title: { fr: `${r.who.fr} : ${fr} en toutes lettres`, en: `${r.who.en}: ${en} written in words` },
    message: {
      fr: `Écrivez en toutes lettres ${mention === 'dosage' ? 'le dosage (ex. « trente milligrammes »)' : "le nombre d'unités par prise et le nombre de prises (ex. « une gélule matin et soir »)"}, comme l'exige l'article R. 5132-29. Sans cette mention, le pharmacien ne peut pas délivrer.`,
      en: `Write in words ${mention === 'dosage' ? 'the strength (e.g. "trente milligrammes")' : 'the units per intake and the number of intakes (e.g. "une gélule matin et soir")'}, as article R. 5132-29 requires. Without it the pharmacist cannot dispense.`,
    },
    severity: 'blocking' as const,
    check: 'prescription.letters',
    params: { regime: r.regime, mention },
  });
  return [
    {
      ...base,
      id: `${r.prefix}.secure-prescription`,
      title: { fr: `${r.who.fr} : ordonnance sécurisée`, en: `${r.who.en}: secured prescription` },
      message: {
        fr: `Prescrivez sur ordonnance sécurisée papier (norme NF 280) ou sur ordonnance numérique avec QR code. Une ordonnance simple ou bizone n'est pas valable : le pharmacien ne peut pas délivrer.`,
        en: 'Prescribe on a secured paper prescription (NF 280 standard) or an e-prescription with a QR code. A plain or two-part prescription is not valid: the pharmacist cannot dispense.',
      },
      severity: 'blocking' as const,
      check: 'prescription.secure-form',
      params: { regime: r.regime },
    },
    ...(r.letters ? [letters('dosage', 'dosage', 'strength'), letters('posology', 'posologie', 'dosage instructions')] : []),
    {
      ...base,
      id: `${r.prefix}.max-duration`,
      title: { fr: `${r.who.fr} : durée maximale de prescription`, en: `${r.who.en}: maximum prescription duration` },
      message: { fr: r.maxDuration.fr, en: r.maxDuration.en },
      severity: 'blocking' as const,
      check: 'prescription.max-duration',
      params: { regime: r.regime, ...(r.maxDuration.defaultDays ? { defaultDays: r.maxDuration.defaultDays } : {}) },
    },
  ];
}

/** ANSM derogation: prescriptions written in March 2025 on a non-secured support are still honoured. */
const MARCH_2025_TOLERANCE = {
  from: '2025-03-01',
  until: '2025-03-31',
  message: {
    fr: 'Tolérance ANSM : une ordonnance rédigée en mars 2025 hors support sécurisé reste honorée pour la durée prescrite, renouvellements compris. Plus aucune tolérance à partir du 01/04/2025.',
    en: 'ANSM tolerance: a prescription written in March 2025 on a non-secured support is still honoured for its whole duration, renewals included. No tolerance from 2025-04-01.',
  },
} as const;

/** What the rules of the ANSM decision on tramadol, codeine and dihydrocodeine share: in force, tolerance, link, review. */
const OPIOID_DECISION = {
  severity: 'blocking' as const,
  professions: [...PRESCRIBERS_AND_PHARMACISTS],
  from: '2025-03-01',
  transition: MARCH_2025_TOLERANCE,
  link: ANSM_OPIOIDS,
  reviewed: '2026-12-04',
  confidence: 'high' as const,
};

export default defineRules([
  {
    id: 'secure-prescription.required',
    title: { fr: 'Tramadol, codéine, dihydrocodéine : ordonnance sécurisée', en: 'Tramadol, codeine, dihydrocodeine: secured prescription' },
    message: {
      fr: "Prescrivez tout médicament contenant du tramadol, de la codéine ou de la dihydrocodéine (seul ou associé, antitussifs compris) sur ordonnance sécurisée ou ordonnance numérique avec QR code. Une ordonnance simple n'est pas valable : le pharmacien ne peut pas délivrer.",
      en: 'Prescribe any medicine containing tramadol, codeine or dihydrocodeine (alone or combined, cough medicines included) on a secured prescription pad or an e-prescription with a QR code. A plain prescription is not valid: the pharmacist cannot dispense.',
    },
    ...OPIOID_DECISION,
    contexts: ['prescription', 'checklist'],
    source: { catalogue: 'R1.1', seeds: [SEED_OPIOIDS], official: ANSM_DECISION },
    check: 'prescription.secure-form',
    params: { regime: 'opioid' },
    checklist: {
      fr: 'Tramadol, codéine, dihydrocodéine : ordonnance sécurisée ou numérique, dosage, posologie et durée en toutes lettres, 12 semaines au plus ?',
      en: 'Tramadol, codeine, dihydrocodeine: secured or electronic prescription, strength, dosage and duration in words, 12 weeks at most?',
    },
  },
  {
    id: 'secure-prescription.letters.dosage',
    title: { fr: 'Tramadol, codéine : dosage en toutes lettres', en: 'Tramadol, codeine: strength written in words' },
    message: {
      fr: 'Écrivez le dosage en toutes lettres (ex. « cinquante milligrammes »). Des chiffres seuls ne suffisent pas : sans cette mention, le pharmacien ne peut pas délivrer.',
      en: 'Write the strength in words (e.g. "cinquante milligrammes"). Digits alone are not enough: without it the pharmacist cannot dispense.',
    },
    ...OPIOID_DECISION,
    contexts: ['prescription'],
    source: { catalogue: 'R1.2', seeds: [SEED_OPIOIDS], official: `${ANSM_DECISION} ; CSP R.5132-29` },
    check: 'prescription.letters',
    params: { regime: 'opioid', mention: 'dosage' },
  },
  {
    id: 'secure-prescription.letters.posology',
    title: { fr: 'Tramadol, codéine : posologie en toutes lettres', en: 'Tramadol, codeine: dosage instructions written in words' },
    message: {
      fr: "Écrivez la posologie en toutes lettres : nombre d'unités par prise et nombre de prises (ex. « un comprimé trois fois par jour »). Sans cette mention, le pharmacien ne peut pas délivrer.",
      en: 'Write the dosage instructions in words: units per intake and number of intakes (e.g. "un comprimé trois fois par jour"). Without it the pharmacist cannot dispense.',
    },
    ...OPIOID_DECISION,
    contexts: ['prescription'],
    source: { catalogue: 'R1.2', seeds: [SEED_OPIOIDS], official: `${ANSM_DECISION} ; CSP R.5132-29` },
    check: 'prescription.letters',
    params: { regime: 'opioid', mention: 'posology' },
  },
  {
    id: 'secure-prescription.letters.duration',
    title: { fr: 'Tramadol, codéine : durée en toutes lettres', en: 'Tramadol, codeine: treatment duration written in words' },
    message: {
      fr: 'Écrivez la durée du traitement en toutes lettres (ex. « sept jours », « huit semaines »). Sans cette mention, le pharmacien ne peut pas délivrer.',
      en: 'Write the treatment duration in words (e.g. "sept jours", "huit semaines"). Without it the pharmacist cannot dispense.',
    },
    ...OPIOID_DECISION,
    contexts: ['prescription'],
    source: { catalogue: 'R1.2', seeds: [SEED_OPIOIDS], official: ANSM_DECISION },
    check: 'prescription.letters',
    params: { regime: 'opioid', mention: 'duration' },
  },
  {
    id: 'secure-prescription.max-duration',
    title: { fr: 'Tramadol, codéine, dihydrocodéine : 12 semaines maximum', en: 'Tramadol, codeine, dihydrocodeine: 12 weeks at most' },
    message: {
      fr: 'Ne prescrivez pas plus de 12 semaines, renouvellements compris (codéine et dihydrocodéine depuis le 01/03/2025, tramadol depuis le 15/04/2020). Au-delà, il faut une nouvelle ordonnance sécurisée.',
      en: 'Do not prescribe more than 12 weeks, renewals included (codeine and dihydrocodeine since 2025-03-01, tramadol since 2020-04-15). Beyond that a new secured prescription is needed.',
    },
    ...OPIOID_DECISION,
    contexts: ['prescription'],
    source: {
      catalogue: 'R1.3',
      seeds: [SEED_OPIOIDS],
      official: `${ANSM_DECISION} ; tramadol : ANSM, point d'information du 16/01/2020 (12 semaines depuis le 15/04/2020)`,
    },
    check: 'prescription.max-duration',
    params: { regime: 'opioid', maxWeeks: 12, maxDays: 84 },
  },
  {
    id: 'secure-prescription.pharmacy-dispensing',
    title: { fr: 'Tramadol, codéine : délivrance en officine', en: 'Tramadol, codeine: dispensing at the pharmacy' },
    message: {
      fr: 'Ne délivrez que sur ordonnance sécurisée papier ou sur ordonnance numérique dont le QR code est lu par votre logiciel ; sinon, orientez vers une officine équipée. Pas de délivrance si une mention en toutes lettres manque ou au-delà de 12 semaines.',
      en: 'Dispense only on a secured paper prescription or an e-prescription whose QR code your software reads; otherwise refer the patient to an equipped pharmacy. Do not dispense if a mention in words is missing or beyond 12 weeks.',
    },
    severity: 'blocking',
    professions: ['pharmacien'],
    from: '2025-03-01',
    transition: MARCH_2025_TOLERANCE,
    contexts: ['prescription', 'checklist'],
    source: {
      catalogue: 'R1.5',
      seeds: [SEED_OPIOIDS],
      official: `${ANSM_DECISION} ; information amelipro aux pharmaciens (février 2025)`,
    },
    link: ANSM_OPIOIDS,
    reviewed: '2026-11-28',
    confidence: 'high',
    checklist: {
      fr: 'Tramadol, codéine : délivrés seulement sur ordonnance sécurisée ou numérique, mentions en toutes lettres, 12 semaines au plus ?',
      en: 'Tramadol, codeine: dispensed only on a secured or electronic prescription, mentions in words, 12 weeks at most?',
    },
  },
  {
    id: 'secure-prescription.paper-motive',
    title: { fr: 'Ordonnance sécurisée sur papier : motif du papier', en: 'Secured prescription on paper: reason for paper' },
    message: {
      fr: "Quand une ordonnance de stupéfiant, d'assimilé, de prégabaline, de tramadol ou de codéine ne peut pas être numérique, elle est établie sur ordonnance sécurisée papier et porte le motif qui justifie le papier (un des motifs de l'article R. 4073-2).",
      en: 'When a prescription for a narcotic, an assimilated medicine, pregabalin, tramadol or codeine cannot be electronic, it is written on a secured paper prescription stating the reason for paper (one of the reasons of article R. 4073-2).',
    },
    severity: 'info',
    professions: ['medecin-generaliste', 'medecin-specialiste'],
    from: '2024-12-31',
    contexts: ['prescription'],
    source: {
      catalogue: 'R1.1',
      official:
        "CSP R.5132-5 dans sa rédaction issue du décret n° 2023-1222 du 20/12/2023 (« Il mentionne alors sur l'ordonnance celui des motifs mentionnés à l'article R. 4073-2 ») ; obligation de prescription numérique au 31/12/2024 (ordonnance n° 2020-1408) ; appliqué au tramadol et à la codéine par la décision ANSM du 24/09/2024 (R.5132-5 visé)",
    },
    link: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000048621373',
    reviewed: '2026-12-04',
    confidence: 'high',
  },
  {
    id: 'secure-prescription.codeine-syrups-list-1',
    title: { fr: 'Sirops à la codéine : liste I', en: 'Codeine syrups: list I' },
    message: {
      fr: 'Les sirops à la codéine (Euphon, devenu Codéine-Érysimum Mayoly Spindler, Padéryl, Poléry) passent en liste I : ordonnance sécurisée, mentions en toutes lettres, 12 semaines maximum.',
      en: 'Codeine syrups (Euphon, now Codéine-Érysimum Mayoly Spindler, Padéryl, Poléry) move to list I: secured prescription, mentions in words, 12 weeks at most.',
    },
    severity: 'info',
    professions: ['medecin-generaliste', 'medecin-specialiste', 'pharmacien'],
    from: '2025-03-01',
    contexts: ['prescription'],
    source: { catalogue: 'R1.6', official: ANSM_DECISION },
    link: ANSM_OPIOIDS,
    reviewed: '2026-11-28',
    confidence: 'high',
  },
  {
    id: 'secure-prescription.good-practice',
    title: { fr: 'Opioïdes faibles : la durée la plus courte', en: 'Weak opioids: the shortest duration' },
    message: {
      fr: "Douleur aiguë : 3 à 14 jours. Douleur chronique : réévaluez tous les 3 mois. Diminuez progressivement pour éviter le sevrage ; prudence en cas d'épilepsie.",
      en: 'Acute pain: 3 to 14 days. Chronic pain: reassess every 3 months. Taper progressively to avoid withdrawal; caution with epilepsy.',
    },
    severity: 'info',
    professions: ['medecin-generaliste', 'medecin-specialiste'],
    from: '2024-09-26',
    contexts: ['prescription'],
    source: { catalogue: 'R1.7', official: 'Communication ANSM accompagnant la décision du 24/09/2024 (publiée le 26/09/2024)' },
    link: ANSM_OPIOIDS,
    reviewed: '2026-11-28',
    confidence: 'high',
    params: { acuteMinDays: 3, acuteMaxDays: 14, chronicReviewMonths: 3 },
  },
  {
    id: 'prescription.electronic',
    title: { fr: 'Ordonnance numérique', en: 'Electronic prescription' },
    message: {
      fr: 'Vos prescriptions doivent être faites en ordonnance numérique (QR code), le papier restant possible pour les motifs prévus par le code de la santé publique. Pour tramadol et codéine, elle vaut ordonnance sécurisée.',
      en: 'Prescriptions must be issued as electronic prescriptions (QR code); paper remains possible for the reasons listed in the public health code. For tramadol and codeine it counts as a secured prescription.',
    },
    severity: 'info',
    professions: ['medecin-generaliste', 'medecin-specialiste'],
    from: '2024-12-31',
    contexts: ['prescription'],
    source: {
      catalogue: 'R3.4',
      official: 'Ordonnance n° 2020-1408 du 18/11/2020 ; décret n° 2023-1222 du 20/12/2023 (JO 21/12/2023) ; CSP R.4073-2',
    },
    link: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000048621373',
    reviewed: '2026-11-28',
    confidence: 'high',
  },
  {
    id: 'aglp1.justification-form',
    title: { fr: 'Ozempic, Trulicity, Victoza : justificatif de prescription', en: 'Ozempic, Trulicity, Victoza: prescription justification form' },
    message: {
      fr: "Remplissez le justificatif AGLP-1 sur amelipro (une fois par patient, y compris s'il est déjà traité) et remettez-le avec l'ordonnance. Hors AMM : écrivez « non remboursable » et informez le patient.",
      en: 'Fill in the GLP-1 analogue form on amelipro (once per patient, including patients already treated) and hand it over with the prescription. Outside the marketing authorisation: write "non remboursable" and tell the patient.',
    },
    severity: 'blocking',
    professions: ['medecin-generaliste', 'medecin-specialiste'],
    from: '2025-02-01',
    transition: {
      from: '2025-02-01',
      until: '2025-04-30',
      message: {
        fr: "Période de souplesse : aucun contrôle de l'Assurance Maladie avant le 01/05/2025.",
        en: 'Grace period: no Assurance Maladie control before 2025-05-01.',
      },
    },
    contexts: ['prescription', 'checklist'],
    source: {
      catalogue: 'R5.1',
      seeds: [{ file: '003_15b775947fd4c522.txt', section: 'Prescriptions et facturation AGLP-1 : Ozempic, Victoza, Trulicity' }],
      official: 'CSS L.162-19-1 (LFSS 2024) ; quatre textes au JO du 15/01/2025, en vigueur le 01/02/2025',
    },
    link: AMELI_AGLP1,
    reviewed: '2026-12-04',
    confidence: 'high',
    check: 'prescription.aglp1-form',
    checklist: {
      fr: 'Pour chaque patient sous Ozempic, Trulicity ou Victoza, le justificatif AGLP-1 est-il rempli ?',
      en: 'For every patient on Ozempic, Trulicity or Victoza, is the GLP-1 analogue form filled in?',
    },
  },
  {
    id: 'aglp1.pharmacist-form-on-file',
    title: { fr: 'AGLP-1 : justificatif en main avant de facturer', en: 'GLP-1 analogues: form on file before billing' },
    message: {
      fr: "Avant de facturer Ozempic, Trulicity ou Victoza, ayez le justificatif du prescripteur avec l'ordonnance (à conserver au DP ou au DMP). Sans justificatif : pas de prise en charge, risque d'indu.",
      en: "Before billing Ozempic, Trulicity or Victoza, hold the prescriber's form together with the prescription (store it in the DP or DMP). Without it: no reimbursement, risk of recovery of undue payment.",
    },
    severity: 'blocking',
    professions: ['pharmacien'],
    from: '2025-02-01',
    transition: {
      from: '2025-02-01',
      until: '2025-08-31',
      message: {
        fr: "Jusqu'au 31/08/2025 : délivrance possible sur la seule ordonnance, sans tiers payant (feuille de soins, le patient envoie le justificatif à sa CPAM). Aucun contrôle avant le 01/05/2025.",
        en: 'Until 2025-08-31: dispensing on the prescription alone is possible, without third-party payment (paper claim, the patient sends the form to the CPAM). No control before 2025-05-01.',
      },
    },
    contexts: ['prescription', 'checklist'],
    source: {
      catalogue: 'R5.1',
      seeds: [{ file: '003_15b775947fd4c522.txt', section: 'Prescriptions et facturation AGLP-1 : Ozempic, Victoza, Trulicity' }],
      official: "CSS L.162-19-1 ; JO du 15/01/2025 ; note de l'Assurance Maladie du 06/06/2025 (obligatoire au 01/09/2025)",
    },
    link: AMELI_AGLP1,
    reviewed: '2026-12-04',
    confidence: 'high',
    check: 'prescription.aglp1-form',
    checklistWhen: 'end-of-day',
    checklist: {
      fr: 'Les délivrances d’AGLP-1 à facturer ont-elles toutes leur justificatif ?',
      en: 'Do all GLP-1 analogue dispensings to bill have their form?',
    },
  },
  ...regimeRules({
    prefix: 'stupefiants',
    regime: 'stupefiant',
    who: { fr: 'Stupéfiants', en: 'Narcotics' },
    from: '1999-07-01',
    official:
      "CSP R.5132-5 (ordonnance sécurisée, obligatoire depuis le 01/07/1999, décret n° 99-249 du 31/03/1999), R.5132-29 (en toutes lettres : nombre d'unités par prise, nombre de prises, dosage), R.5132-30 (28 jours au plus, durées réduites par arrêté)",
    letters: true,
    maxDuration: {
      fr: 'Pas plus de 28 jours, ou moins pour les médicaments dont les conditions de prescription le disent (7 ou 14 jours selon la forme), renouvellements compris. Au-delà, il faut une nouvelle ordonnance.',
      en: 'No more than 28 days, or less for the medicines whose prescription conditions say so (7 or 14 days depending on the form), renewals included. Beyond that a new prescription is needed.',
      defaultDays: 28,
    },
  }),
  ...regimeRules({
    prefix: 'assimiles',
    regime: 'assimile',
    who: { fr: 'Assimilés stupéfiants', en: 'Medicines under narcotic rules' },
    from: '1999-07-01',
    official:
      "CSP R.5132-5 et R.5132-29 appliqués par arrêté ou décision aux médicaments « soumis à la réglementation des stupéfiants » : buprénorphine, clonazépam par voie orale (depuis le 02/01/2012), zolpidem (depuis le 10/04/2017), clorazépate 20 mg, midazolam… ; la date d'entrée de chaque produit varie, les conditions en vigueur sont appliquées",
    letters: true,
    maxDuration: {
      fr: 'Ne dépassez pas la durée maximale des conditions de prescription du médicament (par exemple 4 semaines pour le zolpidem, 12 semaines pour le clonazépam), renouvellements compris.',
      en: "Do not exceed the maximum duration of the medicine's prescription conditions (e.g. 4 weeks for zolpidem, 12 weeks for clonazepam), renewals included.",
    },
  }),
  ...regimeRules({
    prefix: 'secure-form',
    regime: 'secure-form',
    who: { fr: 'Prégabaline', en: 'Pregabalin' },
    from: '2021-05-24',
    official:
      'ANSM : prégabaline sur ordonnance sécurisée et durée de prescription limitée à 6 mois à partir du 24/05/2021 (sans obligation de rédaction en toutes lettres dans les conditions de prescription)',
    letters: false,
    maxDuration: {
      fr: 'Pas plus de 6 mois de traitement, renouvellements compris. Au-delà, il faut une nouvelle ordonnance sécurisée.',
      en: 'No more than 6 months of treatment, renewals included. Beyond that a new secured prescription is needed.',
    },
  }),
  {
    id: 'secure-prescription.split-dispensing',
    title: { fr: 'Délivrance fractionnée', en: 'Split dispensing' },
    message: {
      fr: 'Le pharmacien délivre ce médicament par fractions (7 ou 14 jours selon le produit). Indiquez la durée de traitement de chaque fraction, ou « délivrance en une seule fois » si la situation du patient le justifie.',
      en: 'The pharmacist dispenses this medicine in fractions (7 or 14 days depending on the product). Write the treatment duration of each fraction, or "délivrance en une seule fois" when the patient\'s situation justifies it.',
    },
    severity: 'info',
    professions: ['medecin-generaliste', 'medecin-specialiste', 'pharmacien'],
    from: '1999-07-01',
    contexts: ['prescription'],
    source: {
      catalogue: 'R1',
      official: `CSP R.5132-30 (fractionnement fixé par arrêté, mention « délivrance en une seule fois ») ; ${BDPM_CONDITIONS} (« délivrance fractionnée de N jours »)`,
    },
    link: CSP,
    reviewed: '2026-12-04',
    confidence: 'high',
    check: 'prescription.split-dispensing',
  },
  {
    id: 'secure-prescription.no-overlap',
    title: { fr: 'Chevauchement interdit', en: 'No overlapping prescriptions' },
    message: {
      fr: "Une nouvelle ordonnance ne peut pas être délivrée pendant la période couverte par la précédente, sauf mention expresse du prescripteur sur l'ordonnance.",
      en: 'A new prescription cannot be dispensed during the period covered by the previous one unless the prescriber states otherwise on it.',
    },
    severity: 'info',
    professions: ['medecin-generaliste', 'medecin-specialiste', 'pharmacien'],
    from: '1999-07-01',
    contexts: ['prescription'],
    source: { catalogue: 'R1', official: `CSP R.5132-33 ; ${BDPM_CONDITIONS} (« chevauchement interdit sauf mention expresse du prescripteur »)` },
    link: CSP,
    reviewed: '2026-12-04',
    confidence: 'high',
    check: 'prescription.no-overlap',
  },
  {
    id: 'secure-prescription.pharmacist-name',
    title: { fr: 'Méthadone, buprénorphine, méthylphénidate : nom du pharmacien', en: "Methadone, buprenorphine, methylphenidate: pharmacist's name" },
    message: {
      fr: "Pour la prise en charge, le patient indique à chaque prescription le pharmacien qui délivrera ; le prescripteur écrit son nom sur l'ordonnance, qui n'est exécutée que par ce pharmacien.",
      en: 'For reimbursement, the patient names at each prescription the pharmacist who will dispense; the prescriber writes that name on the prescription, which only that pharmacist may fill.',
    },
    severity: 'info',
    professions: ['medecin-generaliste', 'medecin-specialiste', 'pharmacien'],
    from: '2008-04-09',
    contexts: ['prescription'],
    source: {
      catalogue: 'R1',
      official:
        'CSS L.162-4-2 ; arrêté du 01/04/2008 (JORF du 08/04/2008) : buprénorphine par voie orale à plus de 0,2 mg par prise, flunitrazépam, méthadone, méthylphénidate',
    },
    link: 'https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006073189/',
    reviewed: '2026-12-04',
    confidence: 'high',
    check: 'prescription.pharmacist-name',
  },
  {
    id: 'aglp1.form-scope',
    title: { fr: 'AGLP-1 : le justificatif concerne Ozempic, Trulicity, Victoza', en: 'GLP-1 analogues: the form concerns Ozempic, Trulicity, Victoza' },
    message: {
      fr: "Le justificatif de prescription concerne Ozempic, Trulicity et Victoza. Une substance écrite seule peut désigner une autre spécialité (Wegovy, Saxenda…) qui n'en a pas besoin.",
      en: 'The prescription justification form concerns Ozempic, Trulicity and Victoza. A substance written alone may mean another product (Wegovy, Saxenda…) that does not need it.',
    },
    severity: 'info',
    professions: ['medecin-generaliste', 'medecin-specialiste', 'pharmacien'],
    from: '2025-02-01',
    contexts: ['prescription'],
    source: {
      catalogue: 'R5.1',
      seeds: [{ file: '003_15b775947fd4c522.txt', section: 'Prescriptions et facturation AGLP-1 : Ozempic, Victoza, Trulicity' }],
      official: 'CSS L.162-19-1 (LFSS 2024) ; textes au JO du 15/01/2025, en vigueur le 01/02/2025',
    },
    link: AMELI_AGLP1,
    reviewed: '2026-12-04',
    confidence: 'high',
    check: 'prescription.aglp1-form-scope',
  },
]);
