import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { helpEntries, normalizeSearch, searchHelp } from '../../../lib/checklist/help';
import { RuleHelp } from '../../../components/RuleHelp';
import { rules } from '../../../lib/rules';

const entries = helpEntries('2026-11-28');
const idsFor = (q: string) => searchHelp(entries, q).map((e) => e.id);

describe('help search', () => {
  it('normalises accents, case, ligatures and apostrophes', () => {
    expect(normalizeSearch('Arrêt de TRAVAIL — Œdème d’Été')).toBe('arret de travail oedeme d ete');
  });

  it('covers the whole catalogue; an empty query lists every rule, in force first', () => {
    expect(entries).toHaveLength(rules.length);
    const all = searchHelp(entries, '');
    expect(all).toHaveLength(rules.length);
    const firstEnded = all.findIndex((e) => e.phase === 'ended');
    expect(all.slice(firstEnded).every((e) => e.phase === 'ended')).toBe(true);
  });

  it('accent-insensitive: "arret" finds "Arrêt", "codeine" finds "codéine"', () => {
    expect(idsFor('arret')).toContain('aat.duration-limit');
    expect(idsFor('CODEINE')).toContain('secure-prescription.required');
    expect(idsFor('codéine')).toEqual(idsFor('codeine'));
  });

  it('every word must match; titles first; sources, ids and dates are searchable', () => {
    const hits = idsFor('ordonnance sécurisée tramadol');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toMatch(/^secure-prescription\./);
    expect(idsFor('scor')).toContain('teletransmission.supporting-documents');
    expect(idsFor('R1.1')).toContain('secure-prescription.required');
    expect(idsFor('01/03/2025')).toContain('secure-prescription.required');
    expect(idsFor('zzzz introuvable')).toEqual([]);
  });

  it('RuleHelp: search box with a live count; a focused entry comes first', () => {
    render(<RuleHelp date="2026-11-28" lang="fr" focusId="billing.double-same-date" />);
    expect(document.querySelector('[data-help-id]')?.getAttribute('data-help-id')).toBe('billing.double-same-date');
    const input = screen.getByLabelText(/Rechercher/);
    fireEvent.input(input, { target: { value: 'duree arret' } });
    expect(screen.getByTestId('help-count').textContent).toMatch(/^\d+ règles?$/);
    const shown = Array.from(document.querySelectorAll('[data-help-id]')).map((e) => e.getAttribute('data-help-id'));
    expect(shown).toContain('aat.duration-limit');
    expect(shown).not.toContain('billing.double-same-date');
    const entry = document.querySelector('[data-help-id="aat.duration-limit"]')!;
    expect(entry.textContent).toContain('Source');
    expect(entry.textContent).toContain('Depuis le 01/09/2026');
    expect(entry.querySelector('a')?.getAttribute('href')).toMatch(/^https:\/\//);
  });
});
