/** The points and payments «Ma Convention» shows, as they travel to the side panel (no DOM here: the reader is parse.ts). */
import type { Text } from '../i18n';

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

/** A payment listed under «Mes rémunérations» / «Rémunérations»: the practitioner's own figures (no patient data). */
export interface Payment {
  kind: PaymentKind;
  /** The year its label names ("exercice 2025"), 2000 to 2099. */
  year?: number;
  /** YYYY-MM-DD, when the row gives a date. */
  paidOn?: string;
  /** In euros. */
  amount: number;
}

/**
 * The points and amounts «Ma Convention» shows (tile "Points acquis", the last payments). Not stored: they go to the
 * side panel with the tab state only. A part the page shows but that cannot be read is named in `unreadable`.
 */
export interface ConventionStakes {
  points?: { acquired: number; max?: number };
  payments?: Payment[];
  unreadable?: Array<'points' | 'payments'>;
}

/** At most this many payments are kept from a page (the portal lists the last few). */
export const MAX_PAYMENTS = 12;
/** A payment's label longer than this is not a label (a paragraph of the page): the row is not read. */
export const MAX_PAYMENT_LABEL = 120;

/** Bounds of what the tab state carries: past them, a number read on the page is not a count of points or an amount. */
export const MAX_POINTS = 1e7;
export const MAX_AMOUNT = 1e9;

const finite = (n: unknown, max: number): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= max;

/**
 * A plain copy of reported stakes, or null when they are not well formed: the feature manager keeps only this copy
 * (known fields, bounded sizes), so nothing else of the page rides along to the side panel.
 */
export function copyStakes(raw: unknown): ConventionStakes | null {
  try {
    if (!raw || typeof raw !== 'object') return null;
    const s = raw as ConventionStakes;
    const out: ConventionStakes = {};
    if (s.points !== undefined) {
      const p = s.points;
      if (!p || !finite(p.acquired, MAX_POINTS) || (p.max !== undefined && !finite(p.max, MAX_POINTS))) return null;
      out.points = { acquired: p.acquired, ...(p.max !== undefined ? { max: p.max } : {}) };
    }
    if (s.payments !== undefined) {
      if (!Array.isArray(s.payments) || s.payments.length > MAX_PAYMENTS) return null;
      out.payments = [];
      for (const p of s.payments) {
        if (!p || !PAYMENT_KIND_IDS.includes(p.kind) || !finite(p.amount, MAX_AMOUNT)) return null;
        if (p.year !== undefined && !(Number.isInteger(p.year) && p.year >= 2000 && p.year <= 2099)) return null;
        if (p.paidOn !== undefined && (typeof p.paidOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(p.paidOn))) return null;
        out.payments.push({
          kind: p.kind,
          ...(p.year !== undefined ? { year: p.year } : {}),
          ...(p.paidOn !== undefined ? { paidOn: p.paidOn } : {}),
          amount: p.amount,
        });
      }
    }
    if (s.unreadable !== undefined) {
      if (!Array.isArray(s.unreadable) || s.unreadable.length > 2 || s.unreadable.some((u) => u !== 'points' && u !== 'payments')) return null;
      out.unreadable = [...s.unreadable];
    }
    return out;
  } catch {
    return null;
  }
}
