/**
 * «Réclamations Paiements» téléservice (RECLAPS) — rules.md R6.
 * Attachment limits are in `params` (bytes: 5 MB read as 5 × 1024 × 1024, an assumption).
 */
import { defineRules } from '../define';

const ALL = ['medecin-generaliste', 'medecin-specialiste', 'pharmacien'] as const;
const SEED = { file: '002_d3b356307d2a16f2.txt', section: 'nouveau téléservice amelipro « Réclamations Paiements »' } as const;

/** What the rules of the service share: who, since when (its opening), where shown, source, review. */
const RECLAPS_SERVICE = {
  professions: [...ALL],
  from: '2024-12-02',
  contexts: ['reclaps' as const],
  source: { catalogue: 'R6.1', seeds: [SEED] },
  link: 'https://www.ameli.fr/medecin',
  reviewed: '2026-11-28',
  confidence: 'high' as const,
};

export default defineRules([
  {
    id: 'reclaps.attachments',
    title: { fr: 'Réclamation : 3 pièces jointes, 5 Mo au total', en: 'Payment claim: 3 attachments, 5 MB in total' },
    message: {
      fr: 'Joignez au plus 3 fichiers, 5 Mo au total, aux formats pdf, doc, docx, xls, xlsx, csv, tiff, png ou jpeg. Sinon la réclamation ne part pas.',
      en: 'Attach at most 3 files, 5 MB in total, as pdf, doc, docx, xls, xlsx, csv, tiff, png or jpeg. Otherwise the claim cannot be sent.',
    },
    severity: 'blocking',
    ...RECLAPS_SERVICE,
    params: {
      maxFiles: 3,
      maxTotalBytes: 5242880,
      formats: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'csv', 'tif', 'tiff', 'png', 'jpg', 'jpeg'],
    },
  },
  {
    id: 'reclaps.answer-15-days',
    title: { fr: 'Réclamation : téléchargez la réponse sous 15 jours', en: 'Payment claim: download the answer within 15 days' },
    message: {
      fr: 'La réponse de la caisse et ses pièces jointes ne restent consultables que 15 jours après la date de réponse ; la réclamation est archivée 15 jours après son traitement. Téléchargez-les à temps.',
      en: "The fund's answer and its attachments stay available only 15 days after the answer date; the claim is archived 15 days after processing. Download them in time.",
    },
    severity: 'info',
    ...RECLAPS_SERVICE,
    params: { answerDays: 15 },
  },
]);
