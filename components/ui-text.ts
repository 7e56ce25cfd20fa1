import type { Text } from '../lib/i18n';

/** Interface strings shared by the overlay, popup and side panel (French first). */
export const UI = {
  appName: { fr: 'Compagnon amelipro', en: 'Compagnon amelipro' },
  severity: {
    blocking: { fr: 'Bloquant', en: 'Blocking' },
    warning: { fr: 'Attention', en: 'Warning' },
    info: { fr: 'Information', en: 'Information' },
  },
  learnMore: { fr: 'En savoir plus', en: 'Learn more' },
  /** After the title of a low-confidence rule. */
  toVerify: { fr: '(à vérifier)', en: '(to verify)' },
  /** The corrected prescription line (always French: the prescription is French). */
  inWords: { fr: 'À écrire en toutes lettres', en: 'Written out in words (in French)' },
  copy: { fr: 'Copier', en: 'Copy' },
  copied: { fr: 'Copié', en: 'Copied' },
  snoozeFor: { fr: 'Ne plus afficher pendant…', en: 'Hide for…' },
  hideHere: { fr: 'Masquer sur cette page', en: 'Hide on this page' },
  hideHereNote: {
    fr: 'Point bloquant : il ne peut être masqué que sur cette page, jusqu’à son prochain chargement.',
    en: 'Blocking finding: it can only be hidden on this page, until it is loaded again.',
  },
  snoozed: (title: string, days: number): Text => ({
    fr: `« ${title} » masqué ${days === 1 ? '1 jour' : `${days} jours`}.`,
    en: `“${title}” hidden for ${days === 1 ? '1 day' : `${days} days`}.`,
  }),
  hiddenHere: (title: string): Text => ({ fr: `« ${title} » masqué sur cette page.`, en: `“${title}” hidden on this page.` }),
  undo: { fr: 'Annuler', en: 'Undo' },
  hiddenCount: (n: number): Text => ({
    fr: n === 1 ? '1 remarque masquée' : `${n} remarques masquées`,
    en: n === 1 ? '1 finding hidden' : `${n} findings hidden`,
  }),
  snoozeDays: (n: number): Text => ({ fr: n === 1 ? '1 jour' : `${n} jours`, en: n === 1 ? '1 day' : `${n} days` }),
  cannotCheck: { fr: 'Impossible de vérifier', en: 'Could not check' },
  nothingToSay: { fr: 'Aucune remarque sur cette page.', en: 'Nothing to report on this page.' },
  show: { fr: 'Afficher les remarques', en: 'Show findings' },
  hide: { fr: 'Réduire', en: 'Collapse' },
  sourceLabel: { fr: 'Source', en: 'Source' },
  count: (n: number): Text => ({
    fr: n === 0 ? 'aucune remarque' : n === 1 ? '1 remarque' : `${n} remarques`,
    en: n === 0 ? 'no finding' : n === 1 ? '1 finding' : `${n} findings`,
  }),
  announce: (n: number): Text => ({
    fr: n === 1 ? 'Compagnon amelipro : 1 nouvelle remarque.' : `Compagnon amelipro : ${n} nouvelles remarques.`,
    en: n === 1 ? 'Compagnon amelipro: 1 new finding.' : `Compagnon amelipro: ${n} new findings.`,
  }),
} as const;
