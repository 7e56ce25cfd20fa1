/**
 * Text normalisation shared by the lexicon generator (scripts/build-lexicon.ts) and the runtime matcher.
 * Both sides must normalise the same way, otherwise committed keys stop matching prescriptions.
 */

/** Uppercase, accents and ligatures removed (É→E, Ï→I, Œ→OE), everything that is not A-Z or 0-9 becomes a space. */
export function normalizeText(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .toUpperCase()
    .replace(/\bL\s?\.\s?P\b\.?/g, 'LP')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** Word tokens of a text after {@link normalizeText}. */
export function tokens(input: string): string[] {
  const n = normalizeText(input);
  return n === '' ? [] : n.split(' ');
}

/** Lowercase, accents kept, used for French word reading (numbers, units). Apostrophes unified. */
export function lowerFr(input: string): string {
  return input.toLowerCase().replace(/[’‘`´]/g, "'");
}

/** Lowercase without accents (é→e), punctuation kept. Used by the duration/posology readers. */
export function foldFr(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œ]/g, 'oe')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
}

/** Name tokens that identify a product in free text: the part before ", <form>", up to the first strength. */
export function namePrefix(name: string): string[] {
  const head = name.split(/,\s/)[0] ?? name;
  const out: string[] = [];
  for (const t of tokens(head)) {
    if (/\d/.test(t)) break;
    out.push(t);
  }
  return out;
}

/** Name words that say the form or route (the matcher maps what prescribers write onto these). */
export const FORM_TOKENS: ReadonlySet<string> = new Set([
  'COMPRIME',
  'GELULE',
  'LP',
  'PROLONGEE',
  'SOLUTION',
  'BUVABLE',
  'INJECTABLE',
  'PERFUSION',
  'AMPOULE',
  'EFFERVESCENT',
  'ORODISPERSIBLE',
  'LYOPHILISAT',
  'SIROP',
  'TRANSDERMIQUE',
  'SACHET',
  'SUPPOSITOIRE',
  'STYLO',
  'SUBLINGUAL',
  'GOUTTE',
  'GOUTTES',
  'BUCCALE',
  'NASALE',
  'PASTILLE',
  'IMPLANT',
  'GRANULES',
  'MICROGRANULES',
  'POUDRE',
]);

/**
 * The words that tell one presentation of a product from another: its name prefix (brand, holder: "AP HP",
 * "ZORYON") and its form words. The matcher scores the words a line shares with them.
 */
export function presentationWords(name: string): string[] {
  const prefix = namePrefix(name).filter((t) => t.length >= 2);
  return [...new Set([...prefix, ...tokens(name).filter((t) => FORM_TOKENS.has(t))])];
}

/** The words at one deletion from `word` (the one-edit matcher's neighbourhood). */
export function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Shortest key word corrected by the one-edit matcher (shorter words are matched exactly). */
export const FUZZY_MIN = 6;
