import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/preact';
import { PopupApp } from '../../../entrypoints/popup/App';
import { startupFailedState } from '../../../lib/startup-failure';
import { durationFinding, makeClient } from './helpers';
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
});
