import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/preact';
import { StakesSummary } from '../../../components/IndicatorPanel';
import type { ConventionStakes } from '../../../lib/indicators/stakes';
import { fmtAmount } from '../../../components/surface-text';
import { plain } from '../helpers/text';

const stakes = {
  points: { acquired: 340, max: 420 },
  payments: [
    { kind: 'fpmt', year: 2026, paidOn: '2026-09-15', amount: 1842.6 },
    { kind: 'forfait-structure', year: 2025, amount: 5873 },
    { kind: 'other', amount: 12 },
  ],
} as const satisfies ConventionStakes;

describe('StakesSummary (side panel)', () => {
  it('amounts: French separators, two decimals, no break inside', () => {
    expect(fmtAmount(1842.6)).toBe('1\u202f842,60\u00a0€');
    expect(fmtAmount(12345678.05)).toBe('12\u202f345\u202f678,05\u00a0€');
    expect(fmtAmount(23)).toBe('23,00\u00a0€');
    expect(fmtAmount(-4.5)).toBe('-4,50\u00a0€');
  });

  it('French: the points against their maximum and one line a payment (label, date, amount)', () => {
    const { container } = render(<StakesSummary stakes={stakes} lang="fr" />);
    expect(plain(container.querySelector('[data-testid="points"]')?.textContent)).toBe('Points acquis : 340 sur 420');
    const lines = Array.from(container.querySelectorAll('[data-testid="payments"] li'), (li) => plain(li.textContent));
    expect(lines).toEqual([
      'Forfait patientèle médecin traitant (FPMT) (2026) · le 15/09/2026 · 1 842,60 €',
      'Forfait structure (2025) · 5 873,00 €',
      'Autre rémunération · 12,00 €',
    ]);
    expect(container.querySelector('h3')?.textContent).toBe('Points et paiements (Ma Convention)');
  });

  it('English: the words around the figures and the kinds of payment in English', () => {
    const { container } = render(<StakesSummary stakes={stakes} lang="en" />);
    expect(plain(container.querySelector('[data-testid="points"]')?.textContent)).toBe('Points earned: 340 of 420');
    expect(plain(container.querySelector('[data-testid="payments"] li')?.textContent)).toBe(
      'Regular-doctor patient-list fee (FPMT) (2026) · on 15/09/2026 · 1 842,60 €',
    );
    expect(container.querySelector('h4')?.textContent).toBe('Latest payments');
  });

  it('points without a maximum are shown alone', () => {
    const { container } = render(<StakesSummary stakes={{ points: { acquired: 12 } }} lang="fr" />);
    expect(plain(container.textContent)).toBe('Points et paiements (Ma Convention)Points acquis : 12');
    expect(container.querySelector('[data-testid="payments"]')).toBeNull();
  });

  it('unreadable parts are said so, nothing is made up', () => {
    const { container } = render(<StakesSummary stakes={{ unreadable: ['points', 'payments'] }} lang="fr" />);
    expect(container.querySelector('[data-testid="points"]')).toBeNull();
    expect(plain(container.querySelector('[data-testid="points-unreadable"]')?.textContent)).toMatch(/^Points acquis : la page les affiche, mais/);
    expect(plain(container.querySelector('[data-testid="payments-unreadable"]')?.textContent)).toMatch(/^Derniers paiements : la page en affiche, mais/);
  });

  it('quiet when the page shows neither', () => {
    expect(render(<StakesSummary stakes={undefined} lang="fr" />).container.innerHTML).toBe('');
    expect(render(<StakesSummary stakes={{}} lang="fr" />).container.innerHTML).toBe('');
    expect(render(<StakesSummary stakes={{ payments: [] }} lang="fr" />).container.innerHTML).toBe('');
  });
});
