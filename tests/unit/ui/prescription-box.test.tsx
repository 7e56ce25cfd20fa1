import { describe, expect, it } from 'vitest';
import { fireEvent, render, waitFor } from '@testing-library/preact';
import { PrescriptionBox } from '../../../components/PrescriptionBox';
import { checkPrescriptionWithLexicon } from '../../../lib/prescription';

describe('PrescriptionBox: the pasted lines as the overlay shows a page’s', () => {
  it('one card per line with all its findings and the line in words; a line without finding gets no card', async () => {
    const { container, getByLabelText, getByRole } = render(
      <PrescriptionBox date="2026-11-28" profession="medecin-generaliste" lang="fr" check={checkPrescriptionWithLexicon} />,
    );
    fireEvent.input(getByLabelText(/Lignes de l’ordonnance/), {
      target: { value: 'Doliprane 1000 mg 1 cp x 3/j\nTramadol 50 mg 1 gélule 3 fois par jour pendant 10 jours' },
    });
    fireEvent.click(getByRole('button', { name: 'Vérifier' }));
    await waitFor(() => expect(container.querySelectorAll('[data-group]')).toHaveLength(1));
    const card = container.querySelector('[data-group="rx-line-2"]')!;
    expect(card.querySelector(':scope > .ca-head .ca-title')?.textContent).toMatch(/^Ligne 2 — .*tramadol/i);
    const ids = Array.from(card.querySelectorAll('[data-rule-id]'), (e) => e.getAttribute('data-rule-id'));
    expect(ids).toContain('secure-prescription.required');
    expect(ids.length).toBeGreaterThan(1);
    // the card's severity is its worst finding's
    expect(card.classList.contains('ca-blocking')).toBe(true);
    expect(card.textContent).toMatch(/cinquante milligrammes/i);
  });
});
