/** Teleconsultation ceiling — rules.md R7. The ceiling lives in `params.threshold` (share of activity, 0..1). */
import { defineRules } from '../define';

export default defineRules([
  {
    id: 'teleconsultation.annual-threshold',
    title: 'Téléconsultation : 20 % de votre activité au maximum',
    message:
      "Ne dépassez pas 20 % de votre activité annuelle en téléconsultation (40 % pour les psychiatres). Au-delà, demandez un aménagement du seuil à la commission paritaire locale de votre caisse.",
    en: {
      title: 'Teleconsultation: at most 20 % of your activity',
      message:
        'Keep teleconsultation under 20 % of your yearly activity (40 % for psychiatrists). Above that, ask your local joint committee (CPL) for an adjusted ceiling.',
    },
    severity: 'warning',
    professions: ['medecin-generaliste', 'medecin-specialiste'],
    from: '2022-01-01',
    contexts: ['convention-medecin', 'home', 'checklist'],
    source: {
      catalogue: 'R7.1',
      seeds: [{ file: '004_73d082affebbf081.txt', section: 'Suivi du seuil de 20% de téléconsultation – avenant 9' }],
      official: 'Avenant 9 à la convention médicale (JO 25/09/2021), art. 2-4 ; convention médicale 2024-2029 (JO 21/06/2024)',
    },
    link: 'https://www.ameli.fr/medecin',
    reviewed: '2026-11-28',
    confidence: 'high',
    checklist: {
      fr: 'Téléconsultations : moins de 20 % de votre activité de l’année ?',
      en: 'Teleconsultations: under 20 % of your activity this year?',
    },
    params: { threshold: 0.2, psychiatristThreshold: 0.4 },
  },
  {
    id: 'teleconsultation.convention-2024-scope',
    title: 'Téléconsultation : ce qui compte dans le plafond',
    message:
      "Depuis la convention 2024, seules les téléconsultations comptent (pas la téléexpertise), et celles du médecin traitant avec sa propre patientèle sont exclues. Respectez l'alternance avec le présentiel et la territorialité.",
    en: {
      title: 'Teleconsultation: what counts toward the ceiling',
      message:
        "Since the 2024 convention only teleconsultations count (not tele-expertise), and the regular doctor's teleconsultations with his own patients are excluded. Alternate with in-person visits and stay local.",
    },
    severity: 'info',
    professions: ['medecin-generaliste', 'medecin-specialiste'],
    from: '2024-06-22',
    contexts: ['convention-medecin'],
    source: { catalogue: 'R7.2', official: 'Convention médicale 2024-2029 (arrêté du 20/06/2024, JO 21/06/2024) ; date d’effet exacte de la nouvelle règle non confirmée' },
    link: 'https://www.ameli.fr/medecin',
    reviewed: '2026-11-28',
    confidence: 'medium',
  },
]);
