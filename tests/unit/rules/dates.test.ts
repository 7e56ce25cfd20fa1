import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, lastDayOfMonths } from '../../../lib/rules/dates';

describe('ISO dates', () => {
  it('accepts real calendar days only, leap years included', () => {
    for (const ok of ['2026-11-28', '2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30', '2025-03-01']) expect(isIsoDate(ok), ok).toBe(true);
    for (const bad of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', '28/11/2026', '', '2026-11-28T00:00'])
      expect(isIsoDate(bad), bad).toBe(false);
  });

  it('agrees with the calendar on every day of four years', () => {
    let d = '2023-01-01';
    for (let i = 0; i < 4 * 366; i++) {
      expect(isIsoDate(d)).toBe(true);
      const next = addDays(d, 1);
      expect(daysBetween(d, next)).toBe(1);
      d = next;
    }
  });
});

describe('date arithmetic without Date objects agrees with Date.UTC', () => {
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const utc = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  // a fixed pseudo-random walk over 1900-2100 (reproducible)
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const samples = Array.from({ length: 2000 }, () => iso(Date.UTC(1900, 0, 1) + Math.floor(rnd() * 73_000) * 86_400_000));

  it('addDays and daysBetween', () => {
    for (const d of samples) {
      const n = Math.floor(rnd() * 2000) - 1000;
      const expected = iso(utc(d) + n * 86_400_000);
      expect(addDays(d, n), `${d} + ${n}`).toBe(expected);
      expect(daysBetween(d, expected)).toBe(n);
    }
  });

  it('lastDayOfMonths', () => {
    for (const d of samples.slice(0, 500)) {
      const months = Math.floor(rnd() * 30);
      const [y, m, day] = [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
      const first = new Date(Date.UTC(y, m - 1 + months, 1));
      const dim = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
      const expected =
        day > dim ? iso(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), dim)) : iso(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), day - 1));
      expect(lastDayOfMonths(d, months), `${d} + ${months} months`).toBe(expected);
    }
  });
});

describe('isoTimestamp', () => {
  it('equals Date#toISOString, from 1970 to 2100, around midnights, leap days and the epoch', async () => {
    const { isoTimestamp } = await import('../../../lib/rules/dates');
    const fixed = [0, 1, 999, 86_399_999, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2026, 10, 28, 17, 5, 9, 42), Date.UTC(2100, 2, 1)];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const samples = [...fixed, ...Array.from({ length: 2000 }, () => Math.floor(random() * Date.UTC(2100, 0, 1)))];
    for (const ms of samples) expect(isoTimestamp(ms), String(ms)).toBe(new Date(ms).toISOString());
    expect(isoTimestamp()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
