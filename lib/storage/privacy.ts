/**
 * Privacy guard: the one place that decides whether a value may be written to IndexedDB.
 *
 * Rules (precise, testable):
 * - No NIR-like digit run anywhere in any string: 13 digits (+ optional 2-digit key), whatever the first digit
 *   (a NIR starts with 1-4/7/8; others are refused too), up to three separators (spaces, tabs, dots, dashes,
 *   no-break spaces) allowed between digits, in the text normalised first (NFKC, invisible characters removed:
 *   `normalizeForScan`), Corsica "2A"/"2B" allowed. Any 13+ digit run is refused as well (bank or phone numbers are
 *   not ours to keep).
 * - No integer number of 12 digits or more (a NIR written as a number).
 * - Free text is forbidden by the schemas (ids are `[a-z0-9._:-]`, enums, dates, numbers). The only free text,
 *   error messages and the quarantine's copies of invalid records (key, reason, raw copy), goes through
 *   `maskFreeText` first (the one masking function), which masks NIRs, dates, long numbers and name-like words,
 *   replaces a text that looks like a prescription altogether, and drops what is left if anything NIR-like remains;
 *   error messages are then truncated (`sanitizeErrorMessage`). The content script keeps no message at all: it
 *   reports an error's class (lib/features/manager.ts `safeErrorMessage`).
 */

/** Between two digits: up to three separators (spaces and tabs, dots, dashes of any kind, underscores). */
const SEP = '[\\s._\\-\\u00a0\\u202f\\u2010-\\u2015\\u2212]{0,3}';
/** 13 to 15 digits with optional separators; departments 2A/2B accepted in positions 6-7. */
const NIR_SOURCE = `(?<![0-9])[0-9](?:${SEP}[0-9]){4}${SEP}(?:[0-9]${SEP}[0-9]|2${SEP}[AaBb])(?:${SEP}[0-9]){6}(?:${SEP}[0-9]){0,2}(?![0-9])`;
/** Any long digit run (13+ digits, separators allowed). */
const LONG_DIGITS_SOURCE = `(?<![0-9])[0-9](?:${SEP}[0-9]){12,}(?![0-9])`;

export function nirRegex(flags = 'g'): RegExp {
  return new RegExp(NIR_SOURCE, flags);
}

/** Invisible characters a text may hide digits behind (zero-width spaces and joiners, marks, soft hyphen, BOM). */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each of these marks is removed on its own, never as part of a sequence
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;

/**
 * What every scan looks at: the text in Unicode compatibility form (NFKC: full-width digits and letters become
 * ASCII ones, ligatures split) without invisible characters, so "１８５…" or "1\u200b85…" is read as "185…".
 */
export function normalizeForScan(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '');
}

/** True when the text contains something that looks like a NIR (or any 13+ digit identifier), once normalised. */
export function containsNirLike(text: string): boolean {
  const t = normalizeForScan(text);
  return new RegExp(NIR_SOURCE).test(t) || new RegExp(LONG_DIGITS_SOURCE).test(t);
}

export interface PrivacyViolation {
  /** Path inside the value, e.g. `snapshots[3].indicatorId`. */
  path: string;
  reason: string;
}

function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/**
 * Deep scan of a value about to be stored. Returns the first violation, or null when the value is storable.
 * Keys of objects are scanned too (a NIR used as a record key is still a NIR).
 */
export function findPatientData(value: unknown, path = ''): PrivacyViolation | null {
  if (typeof value === 'string') {
    if (containsNirLike(value)) {
      return { path: path || '(valeur)', reason: 'contient un numéro ressemblant à un NIR (numéro de sécurité sociale)' };
    }
    return null;
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    const n = typeof value === 'bigint' ? Number(value) : value;
    if (Number.isInteger(n) && Math.abs(n) >= 1e11) {
      return { path: path || '(valeur)', reason: 'contient un nombre entier trop long (possible NIR)' };
    }
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = findPatientData(value[i], joinPath(path, i));
      if (v) return v;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (containsNirLike(k)) return { path: joinPath(path, '(clé)'), reason: 'une clé contient un numéro ressemblant à un NIR' };
      const found = findPatientData(v, joinPath(path, k));
      if (found) return found;
    }
  }
  return null;
}

/** Technical all-caps words that may stay in an error message. */
const ALLOWED_CAPS = new Set([
  'NIR',
  'DOM',
  'URL',
  'URI',
  'JSON',
  'HTTP',
  'HTTPS',
  'HTML',
  'CSS',
  'API',
  'ID',
  'IDB',
  'CNAM',
  'ATSAM',
  'AAT',
  'ATMP',
  'ROSP',
  'PDF',
  'UTF',
  'XML',
  'SVG',
  'NAN',
  'OK',
  'TLS',
  'CPS',
  'ESP',
  'ALD',
]);

export const MAX_ERROR_MESSAGE = 200;
const MASK_NIR = '[NIR masqué]';

const PRESCRIPTION_MARKERS = new RegExp(
  [
    `\\b\\d+(?:[.,]\\d+)?\\s?(?:mg|g|µg|mcg|ml|mL|UI|ui|%|mmol|cp|gél)\\b`,
    `\\b(?:comprimés?|gélules?|sachets?|ampoules?|gouttes?|flacons?|posologie|fois par jour|matin|midi|soir|au coucher|pendant \\d+ jours?)\\b`,
    `\\b\\d+\\s?(?:x|fois)\\s?(?:par|/)\\s?(?:jour|j|semaine)\\b`,
  ].join('|'),
  'i',
);

const MONTHS =
  'janv(?:ier)?|f[ée]vr(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?|' +
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec';
/** A date written with its month's name: "12 mai 1985", "1er janvier 2000", "May 12, 1985". */
const WORD_DATE = new RegExp(`\\b\\d{1,2}(?:er)?\\s+(?:${MONTHS})\\.?\\s+\\d{2,4}\\b|\\b(?:${MONTHS})\\.?\\s+\\d{1,2},?\\s+\\d{4}\\b`, 'giu');
/** Words that announce a person (in any case): what follows, up to three words, is taken for a name. */
const PERSON_CUE =
  /(?<!\p{L})(patiente?s?|assur[ée]e?s?|b[ée]n[ée]ficiaires?|enfant|nom(?: de naissance| d['’]usage)?|pr[ée]noms?|(?:née?s?|nee?s? le)(?: le| en)?|born(?: on)?|name)(\s*:?\s+)(?!\[)[\p{L}'’-]+(?:\s+(?!\[)[\p{L}'’-]+){0,2}/giu;

/**
 * The one function that makes free text storable (error messages, the quarantine's key, reason and raw copy), at
 * least as strict as the privacy guard: on the normalised text ({@link normalizeForScan}) it masks NIRs, dates
 * (numeric or with the month's name), long numbers, name-like words (NOM Prénom, M./Mme X, and whatever follows
 * "patient", "né le", "nom"…), drops the whole text when it looks like a prescription, and drops what is left if
 * anything NIR-like remains. Best effort by construction; the schemas forbid free text everywhere else.
 */
export function maskFreeText(message: string): string {
  let text = normalizeForScan(String(message)).replace(/[\u0000-\u001f\u007f]+/g, ' ');
  if (PRESCRIPTION_MARKERS.test(text)) return '[texte de prescription masqué]';
  text = text.replace(nirRegex('g'), MASK_NIR);
  text = text.replace(new RegExp(LONG_DIGITS_SOURCE, 'g'), MASK_NIR);
  // Dates (birth dates are patient data): 12/05/1985, 12-05-85, 1985-05-12, 12 mai 1985.
  text = text.replace(/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/g, '[date]');
  text = text.replace(WORD_DATE, '[date]');
  // Remaining long numbers (6+ digits): RPPS, phone, invoice numbers.
  text = text.replace(/\d(?:[\s.]?\d){5,}/g, '[nombre]');
  // Whatever a person cue announces, in any case ("patient jean dupont", "né le …").
  text = text.replace(PERSON_CUE, (_m, cue: string, gap: string) => `${cue}${gap}[nom]`);
  // Civility + name.
  text = text.replace(/(?<!\p{L})(M\.|Mme|Mlle|Monsieur|Madame|Mademoiselle|Dr|Docteur)\s+\p{L}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu, '$1 [nom]');
  // All-caps words (patient banners write the NOM in capitals) with the capitalised first names around them.
  text = text.replace(
    /(?<!\p{L})(?:\p{Lu}\p{Ll}[\p{L}'’-]*\s+)?\p{Lu}[\p{Lu}'’-]+(?![\p{Ll}])(?:\s+(?:\p{Lu}[\p{Lu}'’-]+(?![\p{Ll}])|\p{Lu}\p{Ll}[\p{L}'’-]*))*/gu,
    (m) => {
      const words = m.split(/\s+/);
      return words.every((w) => ALLOWED_CAPS.has(w)) ? m : '[nom]';
    },
  );
  text = text.replace(/\s+/g, ' ').trim();
  return containsNirLike(text) ? '[texte masqué]' : text;
}

/** An error message made storable: {@link maskFreeText}, then at most MAX_ERROR_MESSAGE characters. */
export function sanitizeErrorMessage(message: string): string {
  const text = maskFreeText(message);
  return text.length > MAX_ERROR_MESSAGE ? `${text.slice(0, MAX_ERROR_MESSAGE - 1)}…` : text;
}
