/** Every user-visible text carries French (first) and English. */
export type Lang = 'fr' | 'en';
export interface Text {
  fr: string;
  en: string;
}

/** U+00A0, the no-break space French puts before « : ». */
export const NBSP = '\u00a0';
/** U+202F, the narrow no-break space French puts before « ; ? ! » and inside « ». */
export const NNBSP = '\u202f';

/**
 * French typography, applied once where a text is chosen for display (`tr`): the space before « : » becomes a
 * no-break space (U+00A0), the space before « ; ? ! » and inside « » a narrow no-break space (U+202F), as the
 * Imprimerie nationale and the French keyboards' autocorrect do, so that a line never starts with « : » or « ? ».
 * Only a space that is already there is changed (for « », one is added when missing): times (10:30), ratios,
 * URLs (https://…?a=1) and anything else written without a space stay as they are. Idempotent.
 */
export function frenchTypography(s: string): string {
  if (!/[:;?!«»%]/.test(s)) return s;
  return s
    .replace(/[ \u00a0\u202f]+(?=:)/g, NBSP)
    .replace(/[ \u00a0\u202f]+(?=[;?!»])/g, NNBSP)
    .replace(/«[ \u00a0\u202f]*/g, `«${NNBSP}`)
    .replace(/(\S)»/g, `$1${NNBSP}»`)
    .replace(/(\d)[ \u00a0](?=%)/g, `$1${NNBSP}`);
}

/** The text to show in `lang`: French gets its typography; a missing English falls back to the French. */
export const tr = (text: Text, lang: Lang = 'fr'): string => (lang === 'en' && text.en ? text.en : frenchTypography(text.fr));

/** A label followed by its colon, as each language writes it: « Source : » / "Source:". */
export const withColon = (label: Text, lang: Lang = 'fr'): string => (lang === 'en' && label.en ? `${label.en}:` : `${frenchTypography(label.fr)}${NBSP}:`);

/** Words quoted as each language quotes: « mot » in French, “word” in English. */
export const quoteText = (words: string): Text => ({ fr: `«${NNBSP}${words}${NNBSP}»`, en: `“${words}”` });

/** Browser UI language → 'fr' unless the browser is clearly English. */
export function detectLang(uiLanguage: string | undefined): Lang {
  return uiLanguage?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
