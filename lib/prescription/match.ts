/**
 * Finds the products of interest in one prescription line: brand names ("Ixprim", "Dafalgan codéine", "Skenan"),
 * substances ("paracétamol codéine", "tramadol 50"), with or without accents, in any case, with common misspellings
 * (one edit on words of six letters or more: "tramadole", "codeinne"), never inside another word ("pholcodine").
 */
import { normalizeText } from './normalize';
import { classesOf, FUZZY_MIN, type Key, type LexiconIndex, type Presentation, type ProductClass, type Profile } from './lexicon';

export interface ProductMatch {
  label: string;
  cis?: string;
  substances: string[];
  classes: ProductClass[];
  /**
   * The profiles the line can stand for: one when the strength and form written (or the product itself) settle it,
   * several when the product has presentations under different rules and the line does not say which.
   */
  profiles: Profile[];
  /** Where the name is in the normalised line. */
  start: number;
  end: number;
  /** The normalised words of the mention (brand or substance), to tell the name apart from the rest of the line. */
  words: string[];
}

/** Abbreviations and words of pharmaceutical forms → words found in BDPM names. */
const FORM_WORDS: Record<string, string[]> = {
  CP: ['COMPRIME'],
  CPS: ['COMPRIME'],
  CPR: ['COMPRIME'],
  COMP: ['COMPRIME'],
  COMPRIME: ['COMPRIME'],
  COMPRIMES: ['COMPRIME'],
  GEL: ['GELULE'],
  GELU: ['GELULE'],
  GELULE: ['GELULE'],
  GELULES: ['GELULE'],
  LP: ['LP', 'PROLONGEE'],
  PROLONGEE: ['PROLONGEE'],
  SOL: ['SOLUTION'],
  SOLUTION: ['SOLUTION'],
  BUV: ['BUVABLE'],
  BUVABLE: ['BUVABLE'],
  INJ: ['INJECTABLE'],
  INJECTABLE: ['INJECTABLE'],
  AMP: ['AMPOULE', 'INJECTABLE'],
  AMPOULE: ['AMPOULE', 'INJECTABLE'],
  AMPOULES: ['AMPOULE', 'INJECTABLE'],
  EFF: ['EFFERVESCENT'],
  EFFERVESCENT: ['EFFERVESCENT'],
  ORO: ['ORODISPERSIBLE'],
  ORODISPERSIBLE: ['ORODISPERSIBLE'],
  LYOC: ['LYOPHILISAT'],
  SIROP: ['SIROP'],
  SIR: ['SIROP'],
  PATCH: ['TRANSDERMIQUE'],
  PATCHS: ['TRANSDERMIQUE'],
  DISPOSITIF: ['TRANSDERMIQUE'],
  SACHET: ['SACHET'],
  SACHETS: ['SACHET'],
  SUPPO: ['SUPPOSITOIRE'],
  SUPPOSITOIRE: ['SUPPOSITOIRE'],
  GOUTTE: ['GOUTTE'],
  GOUTTES: ['GOUTTE'],
  GTT: ['GOUTTE'],
  GTTES: ['GOUTTE'],
  SL: ['SUBLINGUAL'],
  SUBLINGUAL: ['SUBLINGUAL'],
  SUBLINGUALE: ['SUBLINGUAL'],
  BUCCALE: ['BUCCALE'],
  NASAL: ['NASALE'],
  NASALE: ['NASALE'],
  PASTILLE: ['PASTILLE'],
  PASTILLES: ['PASTILLE'],
  IMPLANT: ['IMPLANT'],
  INJECTION: ['INJECTABLE'],
  IV: ['INJECTABLE'],
  SC: ['INJECTABLE'],
  IM: ['INJECTABLE'],
  STYLO: ['STYLO'],
  PELLICULE: ['PELLICULE'],
  SECABLE: ['SECABLE'],
};

/** True when `short` is `long` with one letter deleted (`long` one letter longer). No string is built. */
export function isOneDeletion(short: string, long: string, from = 0, longFrom = from): boolean {
  const n = short.length - from;
  if (long.length - longFrom !== n + 1) return false;
  let k = 0;
  while (k < n && short.charCodeAt(from + k) === long.charCodeAt(longFrom + k)) k++;
  // deleting at the first difference is enough: any other deletion giving `short` gives the same string
  for (; k < n; k++) if (short.charCodeAt(from + k) !== long.charCodeAt(longFrom + k + 1)) return false;
  return true;
}

/**
 * True when two different words of the same length become equal once one letter is deleted from each: one letter
 * changed ("CODEINA") or one moved ("TRAMDAOL"). Deleting at the first difference in one of the two is enough.
 */
export function oneDeletionEach(a: string, b: string): boolean {
  let p = 0;
  while (p < a.length && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p === a.length) return false; // the same word
  return isOneDeletion(a, b, p + 1, p) || isOneDeletion(b, a, p + 1, p);
}

/**
 * The key word a misspelt word stands for, when exactly one is at one edit: a letter missing ("TRAMDOL"), one
 * extra (words over FUZZY_MIN letters: "TRAMADOLE", "CODEINNE"), one changed or moved (FUZZY_MIN letters or more).
 */
function fold(word: string, index: LexiconIndex): string {
  if (word.length < FUZZY_MIN - 1 || index.keysByFirst.has(word) || index.vocabulary.has(word)) return word;
  if (index.blocked.has(word) || /\d/.test(word)) return word;
  let hit: string | undefined;
  let hits = 0; // vocabulary words are distinct: each is met once
  const found = (w: string) => {
    hits++;
    hit = w;
  };
  for (const w of index.byLength.get(word.length + 1) ?? []) if (isOneDeletion(word, w)) found(w); // a letter missing
  if (word.length > FUZZY_MIN) for (const w of index.byLength.get(word.length - 1) ?? []) if (isOneDeletion(w, word)) found(w); // one extra
  if (word.length >= FUZZY_MIN) for (const w of index.byLength.get(word.length) ?? []) if (oneDeletionEach(word, w)) found(w); // changed or moved
  return hits === 1 ? hit! : word;
}

/** Numbers written with digits in the line ("37,5mg/325mg" → 37.5 and 325). */
function lineNumbers(text: string): number[] {
  return [...text.matchAll(/\d+(?:[.,]\d+)?/g)].slice(0, 50).map((m) => Number(m[0].replace(',', '.')));
}

/** The name words that say a form or route (what FORM_WORDS maps prescribers' words onto). */
const FORM_NAME_WORDS = new Set(Object.values(FORM_WORDS).flat());

/**
 * The presentations of a key that fit the line best: the first strength number written (+10), its other numbers (+2
 * each written, -1 each not once the first is: "Antarène 400 mg" is the 400 mg tablet, not 400 mg/60 mg with codeine), the form words
 * written (+2 each) and the holder or brand words (+1 each: "AP-HP", "Zoryon").
 */
function narrow(key: Key, lineWords: Set<string>, numbers: number[]): { top: Presentation[]; score: number } {
  if (key.presentations.length <= 1 && key.kind !== 'family') return { top: key.presentations, score: 0 };
  const score = (p: Presentation): number => {
    let s = 0;
    const first = p.numbers.length > 0 && numbers.includes(p.numbers[0]!);
    if (first) s += 10;
    for (const n of p.numbers.slice(1)) s += numbers.includes(n) ? 2 : first ? -1 : 0;
    for (const w of p.words) if (lineWords.has(w) && !key.tokens.includes(w)) s += FORM_NAME_WORDS.has(w) ? 2 : 1;
    return s;
  };
  let best = -1;
  let top: Presentation[] = [];
  for (const p of key.presentations) {
    const s = score(p);
    if (s > best) {
      best = s;
      top = [p];
    } else if (s === best) top.push(p);
  }
  return { top, score: best };
}

/** True when a profile calls for a check (a regime or a GLP-1 analogue). */
const ofInterest = (p: Profile) => p.regime !== undefined || p.aglp1;

/** Products of interest in one line (normalised once; bounded by the number of words). */
export function findProducts(text: string, index: LexiconIndex): ProductMatch[] {
  const norm = normalizeText(text);
  if (norm === '') return [];
  const raw = norm.split(' ');
  const words = raw.map((w) => fold(w, index));
  const lineWords = new Set(words);
  for (const w of words) for (const f of FORM_WORDS[w] ?? []) lineWords.add(f);
  const numbers = lineNumbers(text);
  const found: Array<{ key: Key; start: number; end: number }> = [];
  for (let i = 0; i < words.length; i++) {
    const keys = index.keysByFirst.get(words[i]!);
    if (!keys) continue;
    for (const key of keys) {
      const n = key.tokens.length;
      let ok = i + n <= words.length;
      for (let j = 1; ok && j < n; j++) ok = words[i + j] === key.tokens[j];
      if (ok) {
        found.push({ key, start: i, end: i + n });
        i += n - 1;
        break;
      }
    }
  }
  // A substance named next to a brand that contains it is the same product ("Ixprim (tramadol/paracétamol)").
  const brands = found.filter((f) => f.key.kind === 'brand');
  const kept = found.filter((f) => f.key.kind === 'brand' || !brands.some((b) => b.key.substances.includes(f.key.substances[0]!)));
  // The same substance written twice ("tramadol ... tramadol LP") is one product.
  const seen = new Set<string>();
  const out: ProductMatch[] = [];
  for (const f of kept) {
    const id = f.key.kind + ':' + f.key.tokens.join(' ');
    if (seen.has(id)) continue;
    seen.add(id);
    const { top, score } = narrow(f.key, lineWords, numbers);
    const profiles = [...new Set(top.map((p) => p.profile))];
    // A brand family ("Antarène") is a product of interest only when the strength written points to one.
    if (f.key.kind === 'family' && (score < 10 || !profiles.some(ofInterest))) continue;
    // One product named by the line (with the full table): its CIS when one presentation, its name when they agree.
    const named = top[0]?.product;
    const one =
      named !== undefined && top.every((p) => p.product?.name === named.name) && (top[0]!.numbers.length === 0 || numbers.includes(top[0]!.numbers[0]!))
        ? named
        : undefined;
    const substances = one && one.substances.length > 0 ? one.substances : f.key.substances;
    out.push({
      label: one ? one.name : f.key.label,
      ...(one && top.length === 1 && one.cis ? { cis: one.cis } : {}),
      substances: [...substances],
      classes: classesOf(profiles),
      profiles,
      start: f.start,
      end: f.end,
      words: raw.slice(f.start, f.end),
    });
  }
  return out;
}
