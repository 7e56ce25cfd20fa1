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

describe('date arithmetic', () => {
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  // a fixed pseudo-random walk over 1900-2100 (reproducible)
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const samples = Array.from({ length: 2000 }, () => iso(Date.UTC(1900, 0, 1) + Math.floor(rnd() * 73_000) * 86_400_000));

  it('addDays and daysBetween on known days: leap years, year ends, the nights the clocks change in France', () => {
    const cases: [string, number, string][] = [
      ['2024-02-28', 1, '2024-02-29'],
      ['2024-02-29', 1, '2024-03-01'],
      ['2100-02-28', 1, '2100-03-01'],
      ['2000-02-28', 1, '2000-02-29'],
      ['2026-12-31', 1, '2027-01-01'],
      ['2026-03-28', 2, '2026-03-30'],
      ['2026-10-24', 2, '2026-10-26'],
      ['2026-09-01', 365, '2027-09-01'],
      ['2025-03-01', -1, '2025-02-28'],
      ['1970-01-01', -1, '1969-12-31'],
    ];
    for (const [from, n, to] of cases) {
      expect(addDays(from, n), `${from} + ${n}`).toBe(to);
      expect(daysBetween(from, to), `${from} → ${to}`).toBe(n);
    }
  });

  it('addDays agrees with Date day by day over four centuries (its arithmetic replaces Date#toISOString)', () => {
    const start = Date.UTC(1800, 0, 1);
    for (let n = 0; n < 146_097; n++) expect(addDays('1800-01-01', n)).toBe(iso(start + n * 86_400_000));
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
