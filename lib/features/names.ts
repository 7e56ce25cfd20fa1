/**
 * The features' ids and titles, in display order, apart from their code: the options page lists them (to turn
 * each check on or off) without loading the checks themselves (the prescription checker alone is 20 KB).
 * Each feature takes its title from here; a test keeps this list equal to the registry.
 */
import type { Text } from '../i18n';

export const FEATURE_NAMES = [
  { id: 'aat-notice', title: { fr: "Avis d'arrêt de travail", en: 'Sick-leave notice' } },
  {
    id: 'prescription-lines',
    title: { fr: 'Ordonnances sécurisées et AGLP-1 (lignes de médicaments)', en: 'Secure prescriptions and GLP-1 (medicine lines)' },
  },
  { id: 'reclaps-attachments', title: { fr: 'Réclamations Paiements : pièces jointes', en: 'Payment claims: attachments' } },
  { id: 'convention-indicators', title: { fr: 'Indicateurs et déclaration (Ma Convention)', en: 'Indicators and declaration (Ma Convention)' } },
  { id: 'vitale-setup', title: { fr: 'Lecture de la carte Vitale (ATSAM et extension)', en: 'Carte Vitale reading (ATSAM and extension)' } },
  { id: 'login-strong-auth', title: { fr: 'Connexion : CPS et e-CPS', en: 'Login: CPS and e-CPS' } },
  { id: 'commandes-secured-cerfa', title: { fr: 'Commandes : Cerfa sécurisé d’arrêt de travail', en: 'Orders: secured sick-leave Cerfa' } },
  { id: 'transmission-checklist', title: { fr: 'Avant de transmettre : la liste de vérification', en: 'Before sending: the checklist' } },
] as const satisfies readonly { id: string; title: Text }[];

export type FeatureId = (typeof FEATURE_NAMES)[number]['id'];

/** The title of a feature (throws on an unknown id, so that a typo fails at start-up and in the tests). */
export function featureTitle(id: FeatureId): Text {
  const f = FEATURE_NAMES.find((n) => n.id === id);
  if (!f) throw new Error(`Unknown feature "${id}"`);
  return f.title;
}
