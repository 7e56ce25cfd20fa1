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

/** Local calendar date as YYYY-MM-DD (the practitioner's day, not UTC's). */
export function localIsoDate(d: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** 2026-09-01 → 01/09/2026 */
export function frDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
