/**
 * French number words ("en toutes lettres"): reads "cinquante", "vingt et un", "soixante-dix-sept", "quatre-vingts",
 * "deux cent cinquante", "mille", "un et demi", "une demie", "la moitié", "un quart".
 * Words are matched without accents and case-insensitively; hyphens and spaces are equivalent.
 */
import { foldFr } from './normalize';

const UNITS: Record<string, number> = {
  zero: 0,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  septante: 70,
  huitante: 80,
  octante: 80,
  nonante: 90,
};
const HALF = new Set(['demi', 'demie', 'demis', 'demies', 'moitie']);
const QUARTER = new Set(['quart', 'quarts']);
const HUNDRED = new Set(['cent', 'cents']);
const THOUSAND = new Set(['mille', 'milles']);

/** True when the (accent-folded, lowercase) word can be part of a number written in words. */
export function isNumberWord(word: string): boolean {
  return word in UNITS || HALF.has(word) || QUARTER.has(word) || HUNDRED.has(word) || THOUSAND.has(word);
}

/**
 * Value of a sequence of number words (already split, folded, lowercase; "et" allowed between them).
 * Returns undefined when the words do not form a number.
 */
export function valueOfWords(words: readonly string[]): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  let prev = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'et') {
      // "vingt et un", "un et demi": only between two number words
      if (!seen || i === words.length - 1) return undefined;
      prev = w;
      continue;
    }
    if (w in UNITS) {
      const v = UNITS[w]!;
      if ((w === 'vingt' || w === 'vingts') && prev === 'quatre') current += 80 - 4;
      else current += v;
    } else if (HUNDRED.has(w)) {
      const high = current - (current % 100);
      const low = current % 100;
      current = high + (low === 0 ? 1 : low) * 100;
    } else if (THOUSAND.has(w)) {
      total += (current === 0 ? 1 : current) * 1000;
      current = 0;
    } else if (HALF.has(w)) {
      if (prev === 'et') current += 0.5;
      else if (prev === 'un' || prev === 'une') current = current - 1 + 0.5;
      else if (!seen)
        current += 0.5; // "moitié", "demi" alone
      else current *= 0.5;
    } else if (QUARTER.has(w)) {
      if (prev === 'et') current += 0.25;
      else if (prev === 'un' || prev === 'une') current = current - 1 + 0.25;
      else if (seen)
        current *= 0.25; // "trois quarts"
      else current += 0.25;
    } else return undefined;
    seen = true;
    prev = w;
  }
  return seen ? total + current : undefined;
}

/** Value of a phrase written in words ("soixante-quinze", "quatre-vingt-dix"), undefined if it is not only a number. */
export function parseFrenchNumber(phrase: string): number | undefined {
  const words = foldFr(phrase)
    .split(/[\s\-‐‑–]+/)
    .filter(Boolean);
  if (words.length === 0) return undefined;
  return valueOfWords(words);
}

export interface NumberMatch {
  value: number;
  /** Offsets in the original text (end exclusive). */
  start: number;
  end: number;
  text: string;
}

const WORD = /[A-Za-zÀ-ÖØ-öø-ÿœŒ]+/g;

/**
 * Every number written in words in `text`, longest sequences first read left to right ("vingt et un jours" → 21).
 * A lone "un"/"une" is kept (it is the number one in posologies: "un comprimé"). "et" joins two number words only.
 */
export function findNumberWords(text: string): NumberMatch[] {
  const words: Array<{ w: string; start: number; end: number }> = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    words.push({ w: foldFr(m[0]), start: m.index, end: m.index + m[0].length });
  }
  const out: NumberMatch[] = [];
  let i = 0;
  while (i < words.length) {
    if (!isNumberWord(words[i]!.w)) {
      i++;
      continue;
    }
    let j = i;
    // extend while number words, or "et" followed by a number word; only spaces/hyphens between words
    while (j + 1 < words.length) {
      const gap = text.slice(words[j]!.end, words[j + 1]!.start);
      if (!/^[\s\-‐‑–]*$/.test(gap)) break;
      const next = words[j + 1]!.w;
      if (isNumberWord(next)) {
        j++;
        continue;
      }
      if (next === 'et' && j + 2 < words.length && isNumberWord(words[j + 2]!.w)) {
        const gap2 = text.slice(words[j + 1]!.end, words[j + 2]!.start);
        if (/^[\s\-‐‑–]*$/.test(gap2)) {
          j += 2;
          continue;
        }
      }
      break;
    }
    // shrink from the right until the sequence reads as a number
    let k = j;
    let value: number | undefined;
    while (k >= i) {
      value = valueOfWords(words.slice(i, k + 1).map((x) => x.w));
      if (value !== undefined) break;
      k--;
    }
    if (value === undefined) {
      i++;
      continue;
    }
    out.push({ value, start: words[i]!.start, end: words[k]!.end, text: text.slice(words[i]!.start, words[k]!.end) });
    i = k + 1;
  }
  return out;
}

const SMALL = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const TENS: Record<number, string> = { 20: 'vingt', 30: 'trente', 40: 'quarante', 50: 'cinquante', 60: 'soixante' };

function below100(n: number): string {
  if (n <= 16) return SMALL[n]!;
  if (n < 20) return `dix-${SMALL[n - 10]}`;
  if (n < 70) {
    const t = n - (n % 10);
    const u = n % 10;
    return u === 0 ? TENS[t]! : u === 1 ? `${TENS[t]} et un` : `${TENS[t]}-${SMALL[u]}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${below100(n - 60)}`;
  if (n === 80) return 'quatre-vingts';
  return `quatre-vingt-${below100(n - 80)}`;
}

function below1000(n: number): string {
  if (n < 100) return below100(n);
  const h = Math.floor(n / 100);
  const r = n % 100;
  const head = h === 1 ? 'cent' : `${SMALL[h]} cent${r === 0 ? 's' : ''}`;
  return r === 0 ? head : `${head} ${below100(r)}`;
}

/**
 * French words for a number, as a prescriber would write it: 50 → "cinquante", 37.5 → "trente-sept virgule cinq",
 * 0.5 → "un demi" is not produced (decimals are read with "virgule"). Integers up to 999 999.
 */
export function toFrenchWords(value: number): string {
  if (!Number.isFinite(value) || value < 0 || value >= 1_000_000) return String(value);
  const int = Math.floor(value);
  const decimals = String(value).split('.')[1];
  let words: string;
  if (int < 1000) words = below1000(int);
  else {
    const th = Math.floor(int / 1000);
    const r = int % 1000;
    words = `${th === 1 ? 'mille' : `${below1000(th)} mille`}${r ? ` ${below1000(r)}` : ''}`;
  }
  if (decimals) {
    const lead = decimals.match(/^0+/)?.[0].length ?? 0;
    words += ` virgule ${'zéro '.repeat(lead)}${below1000(Number(decimals.slice(0, 3)) || 0)}`;
  }
  return words;
}
