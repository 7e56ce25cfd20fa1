/** Bilingual text: French first (what the practitioner reads), English second. */
export type Lang = 'fr' | 'en';
export interface Text {
  fr: string;
  en: string;
}

/** Pick the text in `lang`, falling back to French. */
export function t(text: Text, lang: Lang = 'fr'): string {
  return (lang === 'en' ? text.en : text.fr) || text.fr;
}
