/**
 * Pharmacists' items of the CPL «pharmaciens» of 17/02/2025 (seed 003) — rules.md R9.6–R9.9, R10.1, R10.2, R10.5.
 * Amounts live in `params` (euros TTC).
 */
import { defineRules } from '../define';

const SEED = '003_15b775947fd4c522.txt' as const;
const AMELI_PH = 'https://www.ameli.fr/pharmacien';

export default defineRules([
  {
    id: 'pharmacy.fees-avenant1',
    title: 'Avenant 1 : nouveaux honoraires au 08/01/2025',
    message:
      "Depuis le 08/01/2025 : honoraire à l'ordonnance 0,61 €, garde 20 h–24 h et 6 h–8 h 10 €, 0 h–6 h 20 €, dimanche et férié 6 €, astreinte 200 €. Les honoraires de garde ne s'appliquent pas si l'officine se déclare ouverte.",
    en: {
      title: 'Amendment 1: new fees from 2025-01-08',
      message:
        'Since 2025-01-08: per-prescription fee €0.61, on-call 8 pm–midnight and 6–8 am €10, midnight–6 am €20, Sunday and holiday €6, on-call allowance €200. On-call fees do not apply when the pharmacy declares itself open.',
    },
    severity: 'info',
    professions: ['pharmacien'],
    from: '2025-01-08',
    contexts: ['transmission', 'convention-pharmacien', 'checklist'],
    source: {
      catalogue: 'R9.6',
      seeds: [{ file: SEED, section: 'Évolutions tarifaires avenant 1' }],
      official: 'Avenant n° 1 à la convention nationale pharmaceutique (signé le 10/06/2024 ; arrêté du 05/07/2024, JO 07/07/2024)',
    },
    link: AMELI_PH,
    reviewed: '2026-11-28',
    confidence: 'high',
    checklistWhen: 'end-of-day',
    checklist: {
      fr: 'Honoraires de garde (nuit, dimanche, férié) facturés seulement pour une délivrance hors de vos heures d’ouverture ?',
      en: 'On-call fees (night, Sunday, public holiday) billed only when dispensing outside your opening hours?',
    },
    params: { prescriptionFee: 0.61, nightFee: 10, deepNightFee: 20, sundayHolidayFee: 6, daytimeOutsideHoursFee: 2, onCallAllowance: 200 },
  },
  {
    id: 'pharmacy.opioid-interview',
    title: 'Entretien court opioïdes au premier renouvellement',
    message:
      "Au premier renouvellement d'un antalgique opioïde de palier II (tramadol, codéine, dihydrocodéine, opium) chez un adulte, proposez l'entretien court (questionnaire POMI, une fois par an et par patient). 5 € TTC, code EPA. Codéine antitussive exclue.",
    en: {
      title: 'Short opioid interview at the first renewal',
      message:
        'At the first renewal of a step-II opioid painkiller (tramadol, codeine, dihydrocodeine, opium) for an adult, offer the short interview (POMI questionnaire, once a year per patient). €5 incl. VAT, code EPA. Cough codeine excluded.',
    },
    severity: 'info',
    professions: ['pharmacien'],
    from: '2025-01-08',
    contexts: ['prescription', 'convention-pharmacien'],
    source: {
      catalogue: 'R9.8',
      seeds: [{ file: SEED, section: 'Entretiens opioïdes (Osmose du 10/01/2025)' }],
      official: 'Avenant n° 1 à la convention nationale pharmaceutique (JO 07/07/2024) ; code EPA cité par la seule CPAM',
    },
    link: AMELI_PH,
    reviewed: '2026-11-28',
    confidence: 'high',
    params: { fee: 5, code: 'EPA', minAge: 18, perPatientMonths: 12 },
  },
  {
    id: 'pharmacy.fluoroquinolone-information',
    title: 'Fluoroquinolones : informez le patient',
    message:
      'Avec une fluoroquinolone, prévenez le patient des effets graves (tendons, anévrisme ou dissection aortique) : en cas de douleur brutale et intense au ventre, à la poitrine ou au dos, appeler son médecin ou aller aux urgences.',
    en: {
      title: 'Fluoroquinolones: inform the patient',
      message:
        'With a fluoroquinolone, warn the patient of serious effects (tendons, aortic aneurysm or dissection): for sudden intense abdominal, chest or back pain, call the doctor or go to the emergency department.',
    },
    severity: 'warning',
    professions: ['pharmacien', 'medecin-generaliste', 'medecin-specialiste'],
    from: '2024-12-13',
    contexts: ['prescription'],
    source: {
      catalogue: 'R10.2',
      seeds: [{ file: SEED, section: 'Effets indésirables des fluoroquinolones (Osmose du 13/12/2024)' }],
      official: 'ANSM, information de sécurité sur les fluoroquinolones (2018)',
    },
    link: 'https://ansm.sante.fr',
    reviewed: '2026-11-28',
    confidence: 'high',
  },
  {
    id: 'pharmacy.ipa-direct-access-not-billable',
    title: 'IPA en accès direct : actes non facturables',
    message:
      "Tant que l'arrêté fixant la liste de primo-prescription des IPA n'est pas publié, les actes réalisés en accès direct ne sont pas facturables à l'Assurance Maladie.",
    en: {
      title: 'Advanced-practice nurses in direct access: not billable',
      message:
        'Until the order listing what advanced-practice nurses may first-prescribe is published, acts done in direct access cannot be billed to the Assurance Maladie.',
    },
    severity: 'warning',
    professions: ['pharmacien', 'medecin-generaliste'],
    from: '2025-01-22',
    until: '2025-04-29',
    contexts: ['prescription'],
    source: {
      catalogue: 'R10.1',
      seeds: [{ file: SEED, section: 'Droit de prescription des IPA (Osmose du 13/02/2025)' }],
      official: 'Décret n° 2025-55 du 20/01/2025 (JO 21/01/2025) ; arrêté du 25/04/2025 (JO 30/04/2025) qui rend la règle probablement caduque',
    },
    link: 'https://www.legifrance.gouv.fr',
    reviewed: '2026-11-28',
    confidence: 'low',
  },
  {
    id: 'pharmacy.serialisation-penalty',
    title: 'Sérialisation : désactivez chaque identifiant unique',
    message:
      "Désactivez l'identifiant unique de chaque boîte délivrée. À défaut : pénalité de 2 000 € par le directeur de la CPAM, renouvelable chaque trimestre (8 000 € par an au plus), après un mois pour vous mettre en conformité ou présenter vos observations.",
    en: {
      title: 'Serialisation: decommission every unique identifier',
      message:
        'Decommission the unique identifier of every box dispensed. Otherwise: €2,000 penalty from the CPAM director, repeatable each quarter (at most €8,000 a year), after one month to comply or submit observations.',
    },
    severity: 'warning',
    professions: ['pharmacien'],
    from: '2024-01-01',
    contexts: ['home', 'convention-pharmacien', 'checklist'],
    source: {
      catalogue: 'R9.9',
      seeds: [{ file: SEED, section: 'Dispositif de pénalisation en cas de non sérialisation' }],
      official: 'CSS L.162-16-3-2 (loi du 09/03/2023, art. 28) ; décret JO 01-02/12/2023 ; règlement délégué (UE) 2016/161 art. 25',
    },
    link: AMELI_PH,
    reviewed: '2026-11-28',
    confidence: 'high',
    params: { penalty: 2000, maxPerYear: 8000, complianceMonths: 1 },
    checklistWhen: 'end-of-day',
    checklist: {
      fr: 'Les identifiants uniques des boîtes délivrées sont-ils bien désactivés dans votre logiciel ?',
      en: 'Are the unique identifiers of dispensed boxes decommissioned in your software?',
    },
  },
  {
    id: 'pharmacy.trod-antibiotics',
    title: 'TROD angine ou cystite : antibiotique sans ordonnance',
    message:
      "Après un TROD angine ou une bandelette urinaire positifs, vous pouvez délivrer l'antibiotique sans ordonnance selon le protocole. Test facturé 10 €, 15 € si un antibiotique est délivré.",
    en: {
      title: 'Strep or cystitis rapid test: antibiotic without prescription',
      message:
        'After a positive strep rapid test or urine dipstick you may dispense the antibiotic without prescription following the protocol. Test billed €10, €15 when an antibiotic is dispensed.',
    },
    severity: 'info',
    professions: ['pharmacien'],
    from: '2024-07-01',
    contexts: ['transmission', 'convention-pharmacien'],
    source: {
      catalogue: 'R9.7',
      seeds: [{ file: SEED, section: 'Rappels facturation TROD' }],
      official: 'Décret n° 2024-550 et arrêté (JO 18/06/2024), applicables en pratique en juillet 2024',
    },
    link: AMELI_PH,
    reviewed: '2026-11-28',
    confidence: 'medium',
    params: { testFee: 10, testFeeWithAntibiotic: 15 },
  },
  {
    id: 'asafo.pharmacy-nir-check',
    title: 'ASAFO Pharma : ordonnances frauduleuses',
    message: 'Avec ASAFO Pharma, comparez le NIR de la carte Vitale à la liste nationale des ordonnances frauduleuses avant de délivrer un produit à risque.',
    en: {
      title: 'ASAFO Pharma: fraudulent prescriptions',
      message: 'With ASAFO Pharma, match the carte Vitale NIR against the national list of fraudulent prescriptions before dispensing a high-risk product.',
    },
    severity: 'info',
    professions: ['pharmacien'],
    from: '2025-01-30',
    contexts: ['prescription'],
    source: { catalogue: 'R10.5', seeds: [{ file: SEED, section: 'ASAFO' }] },
    link: AMELI_PH,
    reviewed: '2026-11-28',
    confidence: 'medium',
  },
  {
    id: 'asafo.prescriber-authentication',
    title: "Authentification d'ordonnance demandée par la CPAM",
    message: "Si la CPAM vous demande d'authentifier une ordonnance, répondez depuis le service amelipro : vous y voyez l'ordonnance concernée.",
    en: {
      title: 'Prescription authentication requested by the CPAM',
      message: 'When the CPAM asks you to authenticate a prescription, answer from the amelipro service, which shows the prescription concerned.',
    },
    severity: 'info',
    professions: ['medecin-generaliste', 'medecin-specialiste'],
    from: '2025-02-03',
    contexts: ['home', 'prescription'],
    source: { catalogue: 'R10.5', seeds: [{ file: SEED, section: 'ASAFO' }] },
    link: 'https://www.ameli.fr/medecin',
    reviewed: '2026-11-28',
    confidence: 'medium',
  },
  {
    id: 'prevention.flu-campaign-2024-2025',
    title: 'Grippe 2024-2025 : campagne prolongée au 28/02/2025',
    message:
      "La campagne de vaccination contre la grippe est prolongée jusqu'au 28/02/2025. Les bons de prise en charge datés « jusqu'au 31/01/2025 » restent valables jusqu'à la fin de la campagne.",
    en: {
      title: 'Flu 2024-2025: campaign extended to 2025-02-28',
      message: 'The flu vaccination campaign is extended to 2025-02-28. Vouchers reading "until 31/01/2025" stay valid until the end of the campaign.',
    },
    severity: 'info',
    professions: ['medecin-generaliste', 'medecin-specialiste', 'pharmacien'],
    from: '2024-10-15',
    until: '2025-02-28',
    contexts: ['prescription', 'home'],
    source: {
      catalogue: 'R10.4',
      seeds: [{ file: SEED, section: 'V – PRÉVENTION (campagne de vaccination grippe prolongée)' }],
    },
    link: 'https://www.ameli.fr/medecin/sante-prevention/programmes-prevention/vaccination-grippe-saisonniere',
    reviewed: '2026-11-28',
    confidence: 'high',
  },
]);
