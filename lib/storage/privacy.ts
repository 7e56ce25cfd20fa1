/**
 * Privacy guard: the one place that decides whether a value may be written to IndexedDB.
 *
 * Rules (precise, testable):
 * - No NIR-like digit run anywhere in any string: 13 digits (+ optional 2-digit key), whatever the first digit
 *   (a NIR starts with 1-4/7/8; others are refused too), separators (space, dot, dash, no-break spaces) allowed
 *   between digits, Corsica "2A"/"2B" allowed. Any 13+ digit run is refused as well (bank or phone numbers are
 *   not ours to keep).
 * - No integer number of 12 digits or more (a NIR written as a number).
 * - Free text is forbidden by the schemas (ids are `[a-z0-9._:-]`, enums, dates, numbers). The only free text,
 *   error messages and the quarantine's copies of invalid records (key, reason, raw copy), goes through
 *   `maskFreeText` first, which masks NIRs, dates, long numbers and name-like words, and replaces a text that looks
 *   like a prescription altogether; error messages are then truncated (`sanitizeErrorMessage`), and a quarantine
 *   raw copy in which anything NIR-like remains is dropped (`quarantineRaw`).
 */

/** A digit possibly followed by a separator. */
const SEP = '[\\s.\\-\\u00a0\\u202f]?';
/** 13 to 15 digits with optional separators; departments 2A/2B accepted in positions 6-7. */
const NIR_SOURCE = `(?<![0-9])[0-9](?:${SEP}[0-9]){4}${SEP}(?:[0-9]${SEP}[0-9]|2${SEP}[AaBb])(?:${SEP}[0-9]){6}(?:${SEP}[0-9]){0,2}(?![0-9])`;
/** Any long digit run (13+ digits, separators allowed). */
const LONG_DIGITS_SOURCE = `(?<![0-9])[0-9](?:${SEP}[0-9]){12,}(?![0-9])`;

export function nirRegex(flags = 'g'): RegExp {
  return new RegExp(NIR_SOURCE, flags);
}

/** True when the text contains something that looks like a NIR (or any 13+ digit identifier). */
export function containsNirLike(text: string): boolean {
  return new RegExp(NIR_SOURCE).test(text) || new RegExp(LONG_DIGITS_SOURCE).test(text);
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
  'NIR', 'DOM', 'URL', 'URI', 'JSON', 'HTTP', 'HTTPS', 'HTML', 'CSS', 'API', 'ID', 'IDB', 'CNAM', 'ATSAM', 'AAT', 'ATMP',
  'ROSP', 'PDF', 'UTF', 'XML', 'SVG', 'NAN', 'OK', 'TLS', 'CPS', 'ESP', 'ALD',
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

/**
 * Makes free text storable: masks NIRs, dates, long numbers, name-like words (NOM Prénom, M./Mme X), and drops
 * the whole text when it looks like a prescription. Best effort by construction; the schemas forbid free text
 * everywhere else.
 */
export function maskFreeText(message: string): string {
  let text = message.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  if (PRESCRIPTION_MARKERS.test(text)) return '[texte de prescription masqué]';
  text = text.replace(nirRegex('g'), MASK_NIR);
  text = text.replace(new RegExp(LONG_DIGITS_SOURCE, 'g'), MASK_NIR);
  // Dates (birth dates are patient data): 12/05/1985, 12-05-85, 1985-05-12.
  text = text.replace(/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/g, '[date]');
  // Remaining long numbers (6+ digits): RPPS, phone, invoice numbers.
  text = text.replace(/\d(?:[\s.]?\d){5,}/g, '[nombre]');
  // Civility + name.
  text = text.replace(
    /(?<!\p{L})(M\.|Mme|Mlle|Monsieur|Madame|Mademoiselle|Dr|Docteur)\s+\p{L}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu,
    '$1 [nom]',
  );
  // All-caps words (patient banners write the NOM in capitals) with the capitalised first names around them.
  text = text.replace(
    /(?<!\p{L})(?:\p{Lu}\p{Ll}[\p{L}'’-]*\s+)?\p{Lu}[\p{Lu}'’-]+(?![\p{Ll}])(?:\s+(?:\p{Lu}[\p{Lu}'’-]+(?![\p{Ll}])|\p{Lu}\p{Ll}[\p{L}'’-]*))*/gu,
    (m) => {
      const words = m.split(/\s+/);
      return words.every((w) => ALLOWED_CAPS.has(w)) ? m : '[nom]';
    },
  );
  return text.replace(/\s+/g, ' ').trim();
}

/** An error message made storable: {@link maskFreeText}, then at most MAX_ERROR_MESSAGE characters. */
export function sanitizeErrorMessage(message: string): string {
  const text = maskFreeText(message);
  return text.length > MAX_ERROR_MESSAGE ? `${text.slice(0, MAX_ERROR_MESSAGE - 1)}…` : text;
}
