/** Every user-visible text carries French (first) and English. */
export type Lang = 'fr' | 'en';
export interface Text {
  fr: string;
  en: string;
}
export const tr = (text: Text, lang: Lang = 'fr'): string => text[lang] || text.fr;

/** Browser UI language → 'fr' unless the browser is clearly English. */
export function detectLang(uiLanguage: string | undefined): Lang {
  return uiLanguage?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

