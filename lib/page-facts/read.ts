/** Readers of portal values: dates written JJ/MM/AAAA, amounts and percentages in French. Pure. */
import { isIsoDate } from '../rules/dates';

/** "27/11/2026", "27/11/26", "2026-11-27" → "2026-11-27"; anything else → undefined. */
export function parseFrDate(raw: string | null | undefined): string | undefined {
  const s = typeof raw === 'string' ? raw.trim() : '';
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return isIsoDate(s) ? s : undefined;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (!m) return undefined;
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  const iso = `${year}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** First JJ/MM/AAAA date in a text. */
export function findFrDate(text: string): string | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  return m ? parseFrDate(m[0]) : undefined;
}

/** "1 234,5", "72 %", "0,8" → number; undefined when there is no number. */
export function parseFrNumber(raw: string | null | undefined): number | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = /-?\d[\d\s\u00a0\u202f]*(?:[,.]\d+)?/.exec(raw);
  if (!m) return undefined;
  const n = Number(m[0].replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}
