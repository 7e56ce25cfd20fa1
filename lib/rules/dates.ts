/**
 * Calendar dates as ISO strings `YYYY-MM-DD` (local calendar, no time, no time zone).
 * ISO strings compare correctly with `<` and `>`, which keeps the engine fast and simple.
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Answers for the few dates a page uses, so the engine's many checks of the same date stay cheap. */
const known = new Map<string, boolean>();

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isIsoDate(value: string): boolean {
  if (typeof value !== 'string' || value.length !== 10) return false;
  const cached = known.get(value);
  if (cached !== undefined) return cached;
  const m = ISO.exec(value);
  // Arithmetic, no Date object: the first Date a content script builds costs milliseconds.
  const ok = !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= daysInMonth(Number(m[1]), Number(m[2]));
  if (known.size > 2000) known.clear();
  known.set(value, ok);
  return ok;
}

function parts(iso: IsoDate): [number, number, number] {
  const m = ISO.exec(iso);
  if (!m) throw new Error(`Not an ISO date (YYYY-MM-DD): "${iso}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Day number of a calendar date (days since 1970-01-01) and back, in UTC so that no daylight-saving change moves it. */
function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * The ISO date of a day number, by arithmetic (the civil-from-days algorithm of H. Hinnant's "chrono-compatible
 * low-level date algorithms"): the first `Date#toISOString` a content script calls costs ≈ 0.6 ms on every
 * amelipro page (docs/performance.md). Tested against `Date` day by day over four centuries.
 */
function fromDayNumber(n: number): IsoDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Local calendar date of a Date object (not UTC: 23:30 in Paris stays the same day). */
export function toIsoDate(date: Date): IsoDate {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Today's local date. */
export function todayIso(now: Date = new Date()): IsoDate {
  return toIsoDate(now);
}

/** Accepts an ISO date or a Date; throws on anything else. */
export function asIsoDate(date: IsoDate | Date): IsoDate {
  if (date instanceof Date) return toIsoDate(date);
  if (!isIsoDate(date)) throw new Error(`Not an ISO date (YYYY-MM-DD): "${date}"`);
  return date;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(iso);
  return fromDayNumber(dayNumber(y, m, d) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const [y1, m1, d1] = parts(a);
  const [y2, m2, d2] = parts(b);
  return dayNumber(y2, m2, d2) - dayNumber(y1, m1, d1);
}

/**
 * Last day covered by a period of `months` calendar months starting on `start` (inclusive):
 * 2026-09-10 + 1 month -> 2026-10-09. When the same day does not exist in the target month
 * (2026-01-31 + 1 month), the period runs to the last day of that month (2026-02-28).
 */
export function lastDayOfMonths(start: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(start);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  const daysInTarget = daysInMonth(ty, tm);
  if (d > daysInTarget) return fromDayNumber(dayNumber(ty, tm, daysInTarget));
  return fromDayNumber(dayNumber(ty, tm, d) - 1);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `DD/MM/YYYY` for French texts, of an ISO date or of a date-time's date part; anything else as it is. */
export function formatFr(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An ISO date-time in local time: its calendar day and its `HH:MM`; null when it is not a date. */
export function localDayTime(iso: string): { day: IsoDate; time: string } | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return { day: toIsoDate(d), time: `${pad2(d.getHours())}:${pad2(d.getMinutes())}` };
}

/** ISO date-time → `28/11/2026 14:05` (local time); anything else as it is. */
export function formatFrDateTime(iso: string): string {
  const t = localDayTime(iso);
  return t ? `${formatFr(t.day)} ${t.time}` : iso;
}
