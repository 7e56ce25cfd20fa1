import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/preact';
import { PopupApp } from '../../../entrypoints/popup/App';
import { startupFailedState } from '../../../lib/startup-failure';
import { durationFinding, lettersFinding, makeClient } from './helpers';
import { findingsForTabState } from '../../../lib/features/present';
import { tabStateSchema } from '../../../lib/messages';
import type { ShownFinding } from '../../../lib/features/types';
import { plain } from '../helpers/text';

describe('popup, current tab', () => {
  it('says when the extension could not start on the amelipro tab, instead of "being analysed" or a page name', async () => {
    const { client } = makeClient();
    render(
      <PopupApp lang="fr" client={client} currentTab={async () => ({ tabId: 3, onAmelipro: true, state: startupFailedState('2026-11-28T10:00:00.000Z') })} />,
    );
    const summary = await screen.findByTestId('tab-summary');
    expect(plain(summary.textContent)).toContain('Compagnon amelipro n’a pas pu démarrer sur cette page : rien n’y a été vérifié.');
    expect(summary.getAttribute('role')).toBe('alert');
    expect(document.body.textContent).not.toContain('Page non reconnue');
  });

  it('shows the page and its count when the script runs', async () => {
    const { client } = makeClient();
    const state = {
      page: 'aat' as const,
      findings: [durationFinding],
      cannotCheck: [],
      failed: [],
      ran: ['aat'],
      snoozed: 0,
      updatedAt: '2026-11-28T10:00:00.000Z',
    };
    render(<PopupApp lang="fr" client={client} currentTab={async () => ({ tabId: 3, onAmelipro: true, state })} />);
    await waitFor(() => expect(screen.getByTestId('tab-summary').textContent).toMatch(/1 remarque/));
    expect(screen.getByTestId('tab-summary').getAttribute('role')).toBeNull();
  });

  it('prescription findings: one card per line, as in the overlay (the same component), the line in words left in the page', async () => {
    const { client } = makeClient();
    const line = (n: number, f: ShownFinding, ruleId = f.ruleId): ShownFinding => ({
      ...f,
      ruleId,
      pageOnly: { fr: 'TRAMADOL 50 mg', en: 'TRAMADOL 50 mg' },
      group: {
        key: `prescription-line-1-${n}`,
        label: { fr: `Ligne 1.${n}`, en: `Line 1.${n}` },
        pageOnly: { fr: 'Tramadol cinquante', en: 'Tramadol cinquante' },
      },
    });
    const onPage = [
      line(1, lettersFinding),
      line(1, lettersFinding, 'stupefiants.letters.posology'),
      line(2, lettersFinding),
      durationFinding,
      // a group whose key could not leave the page: its finding is shown alone, the state is still accepted
      { ...lettersFinding, ruleId: 'x.y', group: { key: 'Ligne 3 (TRAMADOL)', label: { fr: 'Ligne 3', en: 'Line 3' } } },
    ];
    const state = tabStateSchema.parse({
      page: 'prescription',
      findings: findingsForTabState(onPage),
      cannotCheck: [],
      failed: [],
      ran: ['prescription-lines'],
      updatedAt: '2026-11-28T10:00:00.000Z',
    });
    expect(JSON.stringify(state)).not.toMatch(/TRAMADOL|cinquante/i);
    render(<PopupApp lang="fr" client={client} currentTab={async () => ({ tabId: 3, onAmelipro: true, state })} />);
    await waitFor(() => expect(document.querySelectorAll('[data-group]')).toHaveLength(2));
    const cards = Array.from(document.querySelectorAll('[data-group]'));
    expect(cards.map((c) => c.querySelector(':scope > .ca-head .ca-title')?.textContent)).toEqual(['Ligne 1.1', 'Ligne 1.2']);
    expect(Array.from(cards[0]!.querySelectorAll('[data-rule-id]'), (e) => e.getAttribute('data-rule-id'))).toEqual([
      'stupefiants.letters.dosage',
      'stupefiants.letters.posology',
    ]);
    expect(cards[1]!.querySelectorAll('[data-rule-id]')).toHaveLength(1);
    // the findings outside a line, and the one whose group stayed in the page, are shown on their own
    expect(document.querySelectorAll('[data-rule-id="aat.duration-limit"]:not([data-group] *)')).toHaveLength(1);
    expect(document.querySelectorAll('[data-rule-id="x.y"]:not([data-group] *)')).toHaveLength(1);
  });
});
