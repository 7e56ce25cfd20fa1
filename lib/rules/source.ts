import type { Text } from '../i18n';
// type-only: the schema module brings zod, which must stay out of the content script
import type { Rule, SEED_FILES } from './schema';

type SeedFile = (typeof SEED_FILES)[number];

/**
 * The documents behind the seed files, under the title their publisher gave them (publisher, kind of document,
 * date). The file names are provenance for the maintainers (docs/rules.md): they are never shown.
 */
export const SEED_TITLES: Record<SeedFile, Text> = {
  '000_cc907b3246fc7308.txt': {
    fr: 'CPAM de la Côte-d’Or, commission paritaire locale des médecins du 14/12/2023',
    en: 'CPAM de la Côte-d’Or, local joint committee of doctors, 14/12/2023',
  },
  '001_f7a46319a81d38ac.txt': {
    fr: 'CPAM de la Côte-d’Or, « En direct » du 17/12/2019 : ROSP et forfait structure, déclarez vos indicateurs sans tarder',
    en: 'CPAM de la Côte-d’Or, “En direct” newsletter of 17/12/2019: ROSP and forfait structure, declare your indicators',
  },
  '002_d3b356307d2a16f2.txt': {
    fr: 'CPAM du Territoire de Belfort, commission paritaire locale des médecins (fin 2024)',
    en: 'CPAM du Territoire de Belfort, local joint committee of doctors (late 2024)',
  },
  '003_15b775947fd4c522.txt': {
    fr: 'CPAM de la Côte-d’Or, commission paritaire locale des pharmaciens du 17/02/2025',
    en: 'CPAM de la Côte-d’Or, local joint committee of pharmacists, 17/02/2025',
  },
  '004_73d082affebbf081.txt': {
    fr: 'CPAM de la Côte-d’Or, commission paritaire locale des médecins (automne 2022)',
    en: 'CPAM de la Côte-d’Or, local joint committee of doctors (autumn 2022)',
  },
};

/**
 * A rule's source as shown to the user: the official text first (decree, order, convention, ANSM decision, under
 * its official title, which stays French in both languages), then the CPAM documents by their title. The
 * catalogue section (docs/rules.md) and the seed file names stay in the data as provenance, never displayed.
 */
export function formatSource(source: Rule['source']): Text {
  const seeds = [...new Set((source.seeds ?? []).map((s) => s.file))].map((f) => SEED_TITLES[f]);
  const official = (lang: keyof Text) => (source.official ? [lang === 'en' ? glossOfficial(source.official) : source.official] : []);
  const part = (lang: keyof Text) => [...official(lang), ...seeds.map((s) => s[lang])].join(' · ');
  return { fr: part('fr'), en: part('en') };
}

/**
 * English glosses of the French names an official reference uses (codes, the Journal officiel, agencies,
 * conventions). The reference stays as written, since it is the official name; in English, the first time a name
 * appears it is followed by its gloss in brackets: "CSP (French Public Health Code) R.5132-29".
 */
export const OFFICIAL_GLOSSES: ReadonlyArray<{ name: string; en: string }> = [
  { name: 'CSP', en: 'French Public Health Code' },
  { name: 'CSS', en: 'French Social Security Code' },
  { name: 'JO', en: 'French Official Journal' },
  { name: 'LFSS', en: 'Social Security Financing Act' },
  { name: 'ANSM', en: 'French medicines agency' },
  { name: 'Convention médicale', en: 'national agreement between doctors and the Assurance Maladie' },
  { name: 'convention nationale pharmaceutique', en: 'national agreement between pharmacists and the Assurance Maladie' },
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A name as a whole word: not inside another word or number ("JO" is not the start of "JOUR"). */
const GLOSS_RES = OFFICIAL_GLOSSES.map((g) => ({ ...g, re: new RegExp(`(?<![\\p{L}\\d])${escapeRe(g.name)}(?![\\p{L}\\d])`, 'u') }));

/** An official reference with each name it uses glossed once in English (lib data: OFFICIAL_GLOSSES). */
export function glossOfficial(official: string): string {
  let out = official;
  for (const g of GLOSS_RES) {
    const m = g.re.exec(out);
    if (!m) continue;
    const end = m.index + m[0].length;
    out = `${out.slice(0, end)} (${g.en})${out.slice(end)}`;
  }
  return out;
}

/** The source for the README's rule table (maintainers): catalogue section, seed numbers and official text. */
export function formatSourceCompact(source: Rule['source']): string {
  const parts = [source.catalogue];
  for (const s of source.seeds ?? []) parts.push(`seed ${s.file.slice(0, 3)}`);
  if (source.official) parts.push(source.official);
  return parts.join(' · ');
}
