/**
 * Reads the three mentions that must be written in words on a secured prescription (dosage, posology, duration),
 * and the duration in days. Works on one line, folded to lowercase without accents; every regular expression is
 * linear (no nested quantifiers), so a 1 MB line stays fast.
 */
import { foldFr } from './normalize';
import { findNumberWords, parseFrenchNumber, toFrenchWords, type NumberMatch } from './numbers';

export interface DigitMention {
  /** What the prescriber wrote ("1 cp x3/j", "5 j", "50 mg"). */
  text: string;
  /** The same in words, when it can be proposed ("un comprimé trois fois par jour"). */
  words?: string;
}

export interface Mentions {
  dosageInWords: boolean;
  dosageDigits: DigitMention[];
  posologyInWords: boolean;
  posologyDigits: DigitMention[];
  durationInWords: boolean;
  durationDigits: DigitMention[];
  /** Longest duration written (words or digits), in days, renewals included; undefined when none. */
  totalDays?: number;
  /** How the total was computed ("4 mois", "1 mois × 3 (deux renouvellements)"). */
  durationText?: string;
}

const DOSE_UNIT = /^[\s)\]]*(milligrammes?|milligr\b|mg\b|microgrammes?|mcg\b|µg|ug\b|grammes?|g\b|millilitres?|ml\b|pour\s?cent|%|unites?\b|ui\b)/;
const POSO_UNIT_WORDS =
  /^[\s)\]]*(?:et\s+demie?\s+)?(?:de\s+|d')?(comprimes?|cp\b|cps\b|gelules?|gel\b|sachets?|gouttes?|ampoules?|amp\b|doses?|bouffees?|pulverisations?|patchs?|dispositifs?|suppositoires?|cuilleres?|mesures?|millilitres?|ml\b|injections?|unites?|stylos?)/;
const FREQ_WORDS = /^[\s)\]]*(fois|prises?|heures)\b/;
const DURATION_UNIT = /^[\s)\]]*(jours?|semaines?|mois|ans?\b|annees?)/;

const UNIT_NAMES: Array<[RegExp, string, string]> = [
  [/^(comprimes?|cps?|cpr)$/, 'comprimé', 'comprimés'],
  [/^(gelules?|gel|gelu)$/, 'gélule', 'gélules'],
  [/^sachets?$/, 'sachet', 'sachets'],
  [/^(gouttes?|gtt|gttes)$/, 'goutte', 'gouttes'],
  [/^(ampoules?|amp)$/, 'ampoule', 'ampoules'],
  [/^doses?$/, 'dose', 'doses'],
  [/^bouffees?$/, 'bouffée', 'bouffées'],
  [/^pulverisations?$/, 'pulvérisation', 'pulvérisations'],
  [/^patchs?$/, 'patch', 'patchs'],
  [/^(suppo|suppositoires?|suppos)$/, 'suppositoire', 'suppositoires'],
  [/^(ml|millilitres?)$/, 'millilitre', 'millilitres'],
  [/^prises?$/, 'prise', 'prises'],
  [/^injections?$/, 'injection', 'injections'],
  [/^(unites?|ui)$/, 'unité', 'unités'],
  [/^(mesures?|cuilleres?)$/, 'mesure', 'mesures'],
];

function unitWord(abbr: string, n: number): string {
  for (const [re, one, many] of UNIT_NAMES) if (re.test(abbr)) return n >= 2 ? many : one;
  return abbr;
}

function num(s: string): number {
  return Number(s.replace(',', '.'));
}

/** A number in words, feminine "une" for feminine units. */
function wordsFor(n: number, feminine = false): string {
  if (n === 0.5) return feminine ? 'une demie' : 'un demi';
  if (n === 1) return feminine ? 'une' : 'un';
  if (n % 1 === 0.5 && n < 100) return `${wordsFor(Math.floor(n), feminine)} et demi${feminine ? 'e' : ''}`;
  return toFrenchWords(n);
}
const FEMININE = /^(gelule|goutte|ampoule|dose|bouffee|pulverisation|prise|injection|unite|mesure|cuillere)/;

const POSO_DIGIT_UNITS =
  'comprimes?|cps?|cpr|gelules?|gelu|gel|sachets?|gouttes?|gttes?|gtt|ampoules?|amp|doses?|bouffees?|pulverisations?|patchs?|suppositoires?|suppos?|cuilleres?|mesures?|millilitres?|ml|prises?|injections?|unites?|ui';
const RE_DIGIT_UNIT = new RegExp(`(?<![\\d.,/])(\\d+(?:[.,]\\d+)?|½)\\s*(${POSO_DIGIT_UNITS})\\b`, 'g');
const RE_TIMES_PER_DAY = /(?<![\d.,])(\d+)\s*(?:x|fois)\s*(?:\/|par)\s*(?:j\b|jour|24\s*h)/g;
const RE_X_N = /(?<![a-z])x\s*(\d+)(?:\s*(?:\/|par)\s*(?:j\b|jour|24\s*h))?/g;
const RE_SCHEME = /(?<![\d.,/-])(\d(?:[.,]5)?)\s*-\s*(\d(?:[.,]5)?)\s*-\s*(\d(?:[.,]5)?)(?:\s*-\s*(\d(?:[.,]5)?))?(?![\d/-])/g;
const RE_EVERY_H = /toutes\s+les\s+(\d+)\s*h/g;
const RE_AT_TIME = /(?<![\d.,/])(\d+)\s+(?:le\s+|au\s+)?(matin|midi|soir|coucher)\b/g;
const RE_DURATION = /(?<![\d.,/x])(\d+)\s*(jours?|j|semaines?|sem|mois|ans?|annees?)(?![a-z])/g;
const RE_DOSE_DIGITS = /(?<![\d.,])(\d+(?:[.,]\d+)?)\s*(mg|milligrammes?|µg|mcg|microgrammes?|g|grammes?|%)(?![a-z])/g;
const RE_RENEW = /renouvel\w*\s+(?:(\d+)|([a-z\- ]{2,40}?))\s*fois/;

const DAYS: Array<[RegExp, number, string, string]> = [
  [/^(jours?|j)$/, 1, 'jour', 'jours'],
  [/^(semaines?|sem)$/, 7, 'semaine', 'semaines'],
  // A month counts as 4 weeks (28 days): "trois mois" is the usual wording of the 12-week limit and must pass,
  // "quatre mois" (112 days) must not. Limits in months stored in the lexicon use 31 days (see build-lexicon).
  [/^mois$/, 28, 'mois', 'mois'],
  [/^(ans?|annees?)$/, 365, 'an', 'ans'],
];
function unitDays(unit: string): [number, string, string] {
  for (const [re, d, one, many] of DAYS) if (re.test(unit)) return [d, one, many];
  return [1, 'jour', 'jours'];
}

function followedBy(text: string, m: NumberMatch, re: RegExp): RegExpExecArray | null {
  return re.exec(text.slice(m.end, m.end + 40));
}

export function readMentions(line: string, productWords: readonly string[] = []): Mentions {
  const raw = line.length > 20_000 ? line.slice(0, 20_000) : line;
  let text = foldFr(raw);
  // The product name's own digits ("Ixprim 37,5/325", "Tramadol Arrow LP 100") are not the posology or duration.
  for (const w of productWords) if (w.length >= 4) text = text.split(foldFr(w)).join(' '.repeat(w.length));
  const numbers = findNumberWords(text);

  let dosageInWords = false;
  let quantityInWords = false;
  let frequencyInWords = false;
  let durationInWords = false;
  const durations: Array<{ days: number; text: string }> = [];
  for (const m of numbers) {
    if (followedBy(text, m, DOSE_UNIT)) dosageInWords = true;
    if (followedBy(text, m, POSO_UNIT_WORDS)) quantityInWords = true;
    if (followedBy(text, m, FREQ_WORDS)) frequencyInWords = true;
    const d = followedBy(text, m, DURATION_UNIT);
    if (d) {
      durationInWords = true;
      const [per] = unitDays(d[1]!);
      durations.push({ days: m.value * per, text: `${m.text} ${d[1]}` });
    }
  }
  // "matin et soir", "au coucher", "par jour" written without digits also say the number of intakes in words
  let withoutDigitPosology = text;
  for (const re of [RE_TIMES_PER_DAY, RE_X_N, RE_EVERY_H, RE_AT_TIME, RE_SCHEME]) withoutDigitPosology = withoutDigitPosology.replace(re, ' ');
  if (/\b(matin|midi|soir|coucher|par jour|chaque jour|quotidien)/.test(withoutDigitPosology)) frequencyInWords = true;

  const dosageDigits: DigitMention[] = [];
  for (const m of text.matchAll(RE_DOSE_DIGITS)) {
    if (dosageDigits.length >= 5) break;
    const n = num(m[1]!);
    const unit = m[2]!;
    const w =
      unit === 'mg' || unit.startsWith('milli')
        ? 'milligrammes'
        : unit === 'g' || unit.startsWith('gram')
          ? 'grammes'
          : unit === '%'
            ? 'pour cent'
            : 'microgrammes';
    dosageDigits.push({ text: m[0].trim(), words: `${toFrenchWords(n)} ${n < 2 && w !== 'pour cent' ? w.replace(/s$/, '') : w}` });
  }
  // Strengths written with a slash and no unit ("500/30", "37,5/325") after the product name.
  if (dosageDigits.length === 0) {
    const s = /(?<![\d.,])(\d+(?:[.,]\d+)?)\s*\/\s*(\d+(?:[.,]\d+)?)(?![\d.,]*\s*(?:j\b|jour|h\b))/.exec(text);
    if (s) dosageDigits.push({ text: s[0], words: `${toFrenchWords(num(s[1]!))} milligrammes / ${toFrenchWords(num(s[2]!))} milligrammes` });
  }

  const posologyDigits: DigitMention[] = [];
  let perIntake: string | undefined;
  let frequency: string | undefined;
  let frequencyDigits = false;
  for (const m of text.matchAll(RE_DIGIT_UNIT)) {
    const n = m[1] === '½' ? 0.5 : num(m[1]!);
    const u = unitWord(m[2]!, n);
    perIntake ??= `${wordsFor(n, FEMININE.test(foldFr(u)))} ${u}`;
    posologyDigits.push({ text: m[0].trim() });
    if (posologyDigits.length > 5) break;
  }
  for (const m of text.matchAll(RE_TIMES_PER_DAY)) {
    frequencyDigits = true;
    frequency ??= `${toFrenchWords(num(m[1]!))} fois par jour`;
    posologyDigits.push({ text: m[0].trim() });
    break;
  }
  for (const m of text.matchAll(RE_X_N)) {
    frequencyDigits = true;
    frequency ??= `${toFrenchWords(num(m[1]!))} fois par jour`;
    posologyDigits.push({ text: m[0].trim() });
    break;
  }
  for (const m of text.matchAll(RE_SCHEME)) {
    frequencyDigits = true;
    const parts = [m[1], m[2], m[3], m[4]].filter((x): x is string => x !== undefined).map(num);
    const moments = parts.length === 4 ? ['le matin', 'le midi', "l'après-midi", 'le soir'] : ['le matin', 'le midi', 'le soir'];
    const said = parts.map((n, i) => (n > 0 ? `${wordsFor(n)} ${moments[i]}` : '')).filter(Boolean);
    frequency ??= said.length ? said.join(', ') : undefined;
    posologyDigits.push({ text: m[0].trim() });
    break;
  }
  for (const m of text.matchAll(RE_EVERY_H)) {
    frequencyDigits = true;
    frequency ??= `toutes les ${toFrenchWords(num(m[1]!))} heures`;
    posologyDigits.push({ text: m[0].trim() });
    break;
  }
  for (const m of text.matchAll(RE_AT_TIME)) {
    posologyDigits.push({ text: m[0].trim() });
    perIntake ??= `${wordsFor(num(m[1]!))} le ${m[2]}`;
    break;
  }
  if (posologyDigits.length > 0) {
    const w = [perIntake, frequency].filter(Boolean).join(' ');
    posologyDigits[0]!.words = w || undefined;
  }
  // Posology = units per intake and number of intakes: each part written with digits needs its words too
  // (digits and words together are accepted), and a line with no quantity at all has no posology.
  const posologyInWords = quantityInWords && (!frequencyDigits || frequencyInWords);

  const durationDigits: DigitMention[] = [];
  for (const m of text.matchAll(RE_DURATION)) {
    const n = num(m[1]!);
    const [per, one, many] = unitDays(m[2]!);
    durations.push({ days: n * per, text: m[0].trim() });
    durationDigits.push({
      text: m[0].trim(),
      words: `${n === 1 && one !== 'mois' && one !== 'an' ? (one === 'semaine' ? 'une' : 'un') : toFrenchWords(n)} ${n >= 2 ? many : one}`,
    });
    if (durationDigits.length >= 5) break;
  }

  let totalDays: number | undefined;
  let durationText: string | undefined;
  if (durations.length > 0) {
    const longest = durations.reduce((a, b) => (b.days > a.days ? b : a));
    totalDays = longest.days;
    durationText = longest.text;
    const r = RE_RENEW.exec(text);
    if (r) {
      const renewals = r[1] !== undefined ? Number(r[1]) : parseFrenchNumber(r[2]!.trim());
      if (renewals !== undefined && renewals > 0 && renewals < 100) {
        totalDays = longest.days * (1 + renewals);
        durationText = `${longest.text}, renouvelable ${renewals} fois`;
      }
    }
  }

  return {
    dosageInWords,
    dosageDigits,
    posologyInWords,
    posologyDigits,
    durationInWords,
    durationDigits,
    ...(totalDays !== undefined ? { totalDays, durationText } : {}),
  };
}
