/**
 * Teleconsultation ceiling — rules.md R7. Reminders: nothing on amelipro shows the doctor's teleconsultation share
 * (no page is known to display it), so the ceiling is recalled, never checked.
 */
import { defineRules } from '../define';

const MG_MS = ['medecin-generaliste', 'medecin-specialiste'] as const;

export default defineRules([
  {
    id: 'teleconsultation.annual-threshold-avenant9',
    title: {
      fr: 'Téléconsultation et téléexpertise : 20 % de votre activité au maximum',
      en: 'Teleconsultation and tele-expertise: at most 20 % of your activity',
    },
    message: {
      fr: "Ne dépassez pas 20 % de votre activité conventionnée de l'année à distance (téléconsultations et téléexpertises). Au-delà, demandez un aménagement du seuil à la commission paritaire locale (CPL) de votre caisse.",
      en: 'Keep remote work (teleconsultations and tele-expertise) under 20 % of your yearly conventioned activity. Above that, ask the local joint committee (CPL) of your fund for an adjusted ceiling.',
    },
    severity: 'info',
    professions: [...MG_MS],
    from: '2022-01-01',
    // the 2024-2029 convention's rule replaces it (teleconsultation.annual-threshold)
    until: '2024-06-21',
    contexts: ['convention-medecin', 'home'],
    source: {
      catalogue: 'R7.1',
      seeds: [{ file: '004_73d082affebbf081.txt', section: 'Suivi du seuil de 20% de téléconsultation – avenant 9' }],
      official: 'Avenant 9 à la convention médicale (JO 25/09/2021), art. 2-4',
    },
    link: 'https://www.ameli.fr/medecin',
    reviewed: '2026-12-04',
    confidence: 'high',
  },
  {
    id: 'teleconsultation.annual-threshold',
    title: {
      fr: 'Téléconsultation : 20 % de votre activité au maximum (psychiatres 40 %)',
      en: 'Teleconsultation: at most 20 % of your activity (psychiatrists 40 %)',
    },
    message: {
      fr: "Rappel : vos téléconsultations ne doivent pas dépasser 20 % de votre activité conventionnée de l'année (40 % pour les psychiatres), hors téléexpertise et hors téléconsultations de médecin traitant avec vos patients. Dérogations : commission paritaire nationale (CPN). Votre part n'est pas lue sur la page.",
      en: 'Reminder: teleconsultations must stay under 20 % of your yearly conventioned activity (40 % for psychiatrists), not counting tele-expertise nor your teleconsultations as regular doctor with your own patients. Exceptions: national joint committee (CPN). Your share is not read from the page.',
    },
    severity: 'info',
    professions: [...MG_MS],
    from: '2024-06-22',
    contexts: ['convention-medecin', 'home', 'checklist'],
    source: {
      catalogue: 'R7.2',
      official:
        'Convention médicale 2024-2029 (arrêté du 20/06/2024, JO 21/06/2024), art. 87.7 : texte non relu ici, contenu rapporté par la CSMF et Télésanté Bretagne ; date d’effet exacte non confirmée',
    },
    link: 'https://www.ameli.fr/medecin',
    reviewed: '2026-12-04',
    confidence: 'medium',
    checklist: {
      fr: 'Téléconsultations : moins de 20 % de votre activité conventionnée de l’année (40 % pour un psychiatre) ?',
      en: 'Teleconsultations: under 20 % of your conventioned activity this year (40 % for a psychiatrist)?',
    },
  },
  {
    id: 'teleconsultation.convention-2024-scope',
    title: { fr: 'Téléconsultation : ce qui compte dans le plafond', en: 'Teleconsultation: what counts toward the ceiling' },
    message: {
      fr: "Depuis la convention 2024, seules les téléconsultations comptent (pas la téléexpertise), et celles du médecin traitant avec sa propre patientèle sont exclues. Respectez l'alternance avec le présentiel et la territorialité.",
      en: "Since the 2024 convention only teleconsultations count (not tele-expertise), and the regular doctor's teleconsultations with his own patients are excluded. Alternate with in-person visits and stay local.",
    },
    severity: 'info',
    professions: [...MG_MS],
    from: '2024-06-22',
    contexts: ['convention-medecin'],
    source: {
      catalogue: 'R7.2',
      official:
        'Convention médicale 2024-2029 (arrêté du 20/06/2024, JO 21/06/2024) : texte non relu ici, contenu rapporté par la CSMF et Télésanté Bretagne ; date d’effet exacte de la nouvelle règle non confirmée',
    },
    link: 'https://www.ameli.fr/medecin',
    reviewed: '2026-12-04',
    confidence: 'medium',
  },
]);
