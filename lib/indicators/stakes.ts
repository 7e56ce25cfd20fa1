/** The points and payments «Ma Convention» shows, as they travel to the side panel (no DOM here: the reader is lib/page-facts/indicators.ts). */
import type { Text } from '../i18n';
import { array, copyShape, type Infer, int, isoDay, num, object, oneOf, optional } from '../shape';

/**
 * The kinds of payment «Ma Convention» lists, told by words of their label (accent-free, lower case). Only the kind
 * leaves the page, never the label as written: a label is page text, and the page could put anything in it.
 * Sources: the test pages' payments (rules.md R4.4, R4.6); a label that matches none is « Autre rémunération ».
 */
export const PAYMENT_KINDS = {
  fpmt: { words: /\bfpmt\b|forfait patientele/, label: { fr: 'Forfait patientèle médecin traitant (FPMT)', en: 'Regular-doctor patient-list fee (FPMT)' } },
  'forfait-structure': { words: /forfait structure/, label: { fr: 'Forfait structure', en: 'Practice structure fee' } },
  rosp: {
    words: /\brosp\b|objectifs de sante publique/,
    label: { fr: 'ROSP (rémunération sur objectifs de santé publique)', en: 'ROSP (public-health objectives payment)' },
  },
  'dotation-numerique': { words: /dotation numerique/, label: { fr: 'Dotation numérique', en: 'Digital practice allowance' } },
  'numerique-sante': { words: /numerique en sante/, label: { fr: 'Développement du numérique en santé', en: 'Digital health development' } },
  'bon-usage': { words: /bon usage/, label: { fr: 'Bon usage des produits de santé', en: 'Appropriate use of health products' } },
  'dispensation-unite': { words: /dispensation a l.?unite/, label: { fr: 'Dispensation à l’unité', en: 'Dispensing by the unit' } },
  other: { words: /$^/, label: { fr: 'Autre rémunération', en: 'Other payment' } },
} as const satisfies Record<string, { words: RegExp; label: Text }>;

export type PaymentKind = keyof typeof PAYMENT_KINDS;
export const PAYMENT_KIND_IDS = Object.keys(PAYMENT_KINDS) as [PaymentKind, ...PaymentKind[]];

/** The kind of a payment from its label (normalised: accent-free, lower case); « other » when no kind's words are there. */
export function paymentKind(normalizedLabel: string): PaymentKind {
  return PAYMENT_KIND_IDS.find((k) => PAYMENT_KINDS[k].words.test(normalizedLabel)) ?? 'other';
}

/** At most this many payments are kept from a page (the portal lists the last few). */
export const MAX_PAYMENTS = 12;
/** A payment's label longer than this is not a label (a paragraph of the page): the row is not read. */
export const MAX_PAYMENT_LABEL = 120;

/** Bounds of what the tab state carries: past them, a number read on the page is not a count of points or an amount. */
export const MAX_POINTS = 1e7;
export const MAX_AMOUNT = 1e9;

/** A payment listed under «Mes rémunérations» / «Rémunérations»: the practitioner's own figures (no patient data). */
const paymentShape = object({
  kind: oneOf(PAYMENT_KIND_IDS),
  /** The year its label names ("exercice 2025"). */
  year: optional(int(2000, 2099)),
  /** YYYY-MM-DD, when the row gives a date. */
  paidOn: optional(isoDay),
  /** In euros. */
  amount: num(-MAX_AMOUNT, MAX_AMOUNT),
});
export type Payment = Infer<typeof paymentShape>;

/**
 * The points and amounts «Ma Convention» shows (tile "Points acquis", the last payments). Not stored: they go to the
 * side panel with the tab state only. A part the page shows but that cannot be read is named in `unreadable`. One
 * definition: the feature manager's copy and the messages' zod schema come from this shape.
 */
export const conventionStakesShape = object({
  points: optional(object({ acquired: num(-MAX_POINTS, MAX_POINTS), max: optional(num(-MAX_POINTS, MAX_POINTS)) })),
  payments: optional(array(paymentShape, MAX_PAYMENTS)),
  unreadable: optional(array(oneOf(['points', 'payments']), 2)),
});
export type ConventionStakes = Infer<typeof conventionStakesShape>;

/** A plain copy of reported stakes with their known fields only, or null when they are not well formed. */
export const copyStakes = (raw: unknown): ConventionStakes | null => copyShape(conventionStakesShape, raw) ?? null;
