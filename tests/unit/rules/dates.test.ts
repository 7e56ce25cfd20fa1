import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate } from '../../../lib/rules/dates';

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
