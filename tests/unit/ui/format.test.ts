/** The hand-written French formats give what Intl gives (Intl is the oracle here; the surfaces avoid its start-up cost). */
import { describe, expect, it } from 'vitest';
import { fmtDate, fmtDateTime, fmtNumber } from '../../../components/surface-text';

const intlNumber = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const intlDate = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const intlDateTime = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

describe('French formats', () => {
  it('numbers: grouping by thousands, decimal comma, at most two decimals', () => {
    const values = [0, 1, -1, 12, 999, 1000, 1234.5, 1842.6, 5873, 72, 0.5, 0.125, -0.125, 1e6, 123456789.987, -4912.35, 340 / 420, 2 / 3, 0.004];
    for (let i = 0; i < 200; i++) values.push(Math.round((i * 7919.37) % 1_000_000) / 100);
    for (const v of values) expect(fmtNumber(v), String(v)).toBe(intlNumber.format(v).replace(/\u202f|\u00a0/g, ' '));
    expect(fmtNumber(1234.5)).toBe('1 234,5');
    expect(fmtNumber(-0.004)).toBe('0'); // Intl would print "-0"
  });

  it('dates and date-times', () => {
    for (const iso of ['2026-11-28', '2025-03-01', '2027-02-07', '2024-02-29', '2026-01-01T23:30:00.000Z']) {
      expect(fmtDate(iso)).toBe(intlDate.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)));
    }
    for (const iso of ['2026-11-28T14:05:00.000Z', '2026-01-01T00:00:00.000Z', '2026-06-30T23:59:59.000Z']) {
      expect(fmtDateTime(iso)).toBe(intlDateTime.format(new Date(iso)).replace(',', ''));
    }
    expect(fmtDate('pas une date')).toBe('pas une date');
    expect(fmtDateTime('nope')).toBe('nope');
  });
});
