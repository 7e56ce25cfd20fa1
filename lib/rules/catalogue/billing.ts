/**
 * Billing reminders (Territoire de Belfort billing-quality review, Aug–Oct 2024) and degraded
 * télétransmission lots — rules.md R8, R9.1–R9.5, R10.3.
 * The review period start (2024-08-01) is used as `from`: the controls existed before, the catalogue
 * has no earlier dated source.
 */
import { defineRules } from '../define';

const MG_MS = ['medecin-generaliste', 'medecin-specialiste'] as const;
const SEED_BILLING = { file: '002_d3b356307d2a16f2.txt', section: 'Qualité facturation (août à octobre 2024)' } as const;

export default defineRules([
  {
    id: 'billing.double-same-date',
    title: { fr: 'Acte déjà facturé le même jour', en: 'Act already billed on the same day' },
    message: {
      fr: "Avant d'envoyer, vérifiez qu'un même acte n'a pas déjà été facturé pour ce patient à la même date : la facture serait rejetée ou donnerait lieu à un indu.",
      en: 'Before sending, check the same act was not already billed for this patient on the same date: it would be rejected or recovered later.',
    },
    severity: 'warning',
    professions: [...MG_MS],
    from: '2024-08-01',
    contexts: ['transmission', 'checklist'],
    source: { catalogue: 'R9.1', seeds: [SEED_BILLING] },
    link: 'https://www.ameli.fr/medecin',
    reviewed: '2026-11-28',
    confidence: 'medium',
    checklistWhen: 'end-of-day',
    checklist: {
      fr: 'Aucun acte facturé deux fois pour le même patient à la même date ?',
      en: 'No act billed twice for the same patient on the same date?',
    },
  },
  {
    id: 'billing.holiday-supplement-duty-roster',
    title: { fr: 'Majoration férié / nuit : seulement de garde ou en urgence', en: 'Holiday / night supplement: on duty or emergency only' },
    message: {
      fr: "Ne facturez les majorations F, MN ou MM aux horaires de permanence des soins que si vous êtes inscrit au tableau de garde ou en cas d'urgence réelle.",
      en: 'Bill the F, MN or MM supplements during out-of-hours care only when you are on the duty roster or for a real emergency.',
    },
    severity: 'warning',
    professions: [...MG_MS],
    from: '2024-08-01',
    contexts: ['transmission', 'checklist'],
    source: {
      catalogue: 'R9.2',
      seeds: [SEED_BILLING],
      official: 'Convention médicale 2024-2029 : majorations de permanence des soins non régulées réservées à l’urgence',
    },
    link: 'https://www.ameli.fr/medecin',
    reviewed: '2026-11-28',
    confidence: 'medium',
    checklistWhen: 'end-of-day',
    checklist: {
      fr: 'Les majorations férié / nuit facturées correspondent-elles à une garde ou à une urgence ?',
      en: 'Do the holiday / night supplements billed match a duty shift or an emergency?',
    },
  },
  {
    id: 'billing.coordination-supplement',
    title: { fr: 'Majoration de coordination en accès direct', en: 'Coordination supplement for direct-access specialties' },
    message: {
      fr: 'Spécialité en accès direct : ne facturez la majoration de coordination que si elle est justifiée. Avec un médecin traitant déclaré, la facture est recyclée, ou rejetée si la majoration est indue.',
      en: 'Direct-access specialty: bill the coordination supplement only when justified. With a declared regular doctor the invoice is recycled, or rejected if the supplement is not due.',
    },
    severity: 'warning',
    professions: ['medecin-specialiste'],
    from: '2024-08-01',
    contexts: ['transmission', 'checklist'],
    source: { catalogue: 'R9.3', seeds: [SEED_BILLING] },
    link: 'https://www.ameli.fr/medecin',
    reviewed: '2026-11-28',
    confidence: 'medium',
    checklistWhen: 'end-of-day',
    checklist: {
      fr: 'Les majorations de coordination facturées sont-elles justifiées ?',
      en: 'Are the coordination supplements billed justified?',
    },
  },
  {
    id: 'billing.saturday',
    title: { fr: 'Facturation un samedi non férié', en: 'Billing on a non-holiday Saturday' },
    message: {
      fr: "Les actes datés d'un samedi non férié sont signalés par la caisse : vérifiez la date et les majorations appliquées.",
      en: 'Acts dated on a non-holiday Saturday are flagged by the fund: check the date and the supplements applied.',
    },
    severity: 'info',
    professions: [...MG_MS],
    from: '2024-08-01',
    contexts: ['transmission', 'checklist'],
    source: { catalogue: 'R9.4', seeds: [SEED_BILLING] },
    link: 'https://www.ameli.fr/medecin',
    reviewed: '2026-11-28',
    confidence: 'medium',
    checklistWhen: 'end-of-day',
    checklist: {
      fr: 'Les actes du samedi ont-ils la bonne date et les bonnes majorations ?',
      en: 'Do Saturday acts carry the right date and supplements?',
    },
  },
  {
    id: 'billing.rights-adri',
    title: { fr: 'Droits du patient : consultez ADRi', en: "Patient's rights: check ADRi" },
    message: {
      fr: 'Pour éviter les rejets (ticket modérateur, régime local, complémentaire), vérifiez les droits du patient en temps réel avec ADRi avant de facturer.',
      en: "To avoid rejections (co-payment, local scheme, complementary insurance), check the patient's rights in real time with ADRi before billing.",
    },
    severity: 'info',
    professions: [...MG_MS],
    from: '2024-08-01',
    contexts: ['transmission'],
    source: { catalogue: 'R9.5', seeds: [SEED_BILLING] },
    link: 'https://www.ameli.fr/medecin',
    reviewed: '2026-11-28',
    confidence: 'medium',
  },
  {
    id: 'teletransmission.supporting-documents',
    title: { fr: 'Lots dégradés : pièces justificatives sous 30 jours', en: 'Degraded batches: supporting documents within 30 days' },
    message: {
      fr: "Pour les feuilles de soins envoyées en mode dégradé (sans carte Vitale), transmettez les pièces justificatives sous 30 jours, de préférence par SCOR. Sinon, risque d'indus.",
      en: 'For claims sent in degraded mode (without carte Vitale), send the supporting documents within 30 days, preferably through SCOR. Otherwise undue-payment notices may follow.',
    },
    severity: 'warning',
    professions: ['medecin-generaliste', 'medecin-specialiste', 'pharmacien'],
    from: '2023-06-01',
    contexts: ['transmission', 'checklist'],
    source: {
      catalogue: 'R8.1',
      seeds: [{ file: '000_cc907b3246fc7308.txt', section: 'Lots télétransmission : suite échanges avec représentants de la profession' }],
      official: 'Consignes nationales de l’Assurance Maladie : pièces des lots dégradés sous 30 jours',
    },
    link: 'https://www.ameli.fr/medecin',
    reviewed: '2026-11-28',
    confidence: 'high',
    params: { maxDays: 30 },
    checklistWhen: 'end-of-day',
    checklist: {
      fr: 'Les pièces justificatives de vos lots dégradés de moins de 30 jours sont-elles envoyées (SCOR) ?',
      en: 'Have the supporting documents of your degraded batches (under 30 days) been sent (SCOR)?',
    },
  },
  {
    id: 'teletransmission.noemie-codes',
    title: { fr: 'Retours NOEMIE : nouveaux codes d’anomalie', en: 'NOEMIE returns: new anomaly codes' },
    message: {
      fr: "Les codes et libellés d'anomalie des retours NOEMIE changent (Météore, Assurance Maladie et MSA). Exemple : 0450-054 devient 0009-816. Mettez à jour vos correspondances.",
      en: 'Anomaly codes and labels in NOEMIE returns are changing (Météore, Assurance Maladie and MSA). Example: 0450-054 becomes 0009-816. Update your mappings.',
    },
    severity: 'info',
    professions: ['medecin-generaliste', 'medecin-specialiste', 'pharmacien'],
    from: '2024-10-03',
    contexts: ['transmission'],
    source: {
      catalogue: 'R10.3',
      seeds: [{ file: '003_15b775947fd4c522.txt', section: 'Déploiement Météore / Assurance maladie' }],
      official: 'Date contradictoire : 03/10/2024 (presse pharmaceutique) ou mars 2025 (CPAM de la Côte-d’Or)',
    },
    link: 'https://www.ameli.fr/pharmacien',
    reviewed: '2026-11-28',
    confidence: 'medium',
  },
]);
