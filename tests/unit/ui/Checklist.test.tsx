import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Checklist } from '../../../components/Checklist';
import { buildChecklist } from '../../../lib/checklist';
import { durationFinding, makeClient } from './helpers';

const ID = 'avant-transmission.medecin-generaliste';

describe('Checklist component', () => {
  it('shows the pre-filled item with why, links to explanation and help; a tick starts a run, "Terminer" completes it', async () => {
    const { client } = makeClient();
    const items = buildChecklist({ profession: 'medecin-generaliste', date: '2026-11-28', findings: [durationFinding] });
    render(<Checklist checklistId={ID} items={items} client={client} lang="fr" helpHref={(id) => `/sidepanel.html?help=${id}`} />);
    const cerfa = document.querySelector('li[data-item-id="aat.secured-cerfa"]')!;
    expect(cerfa.getAttribute('data-prefill')).toBe('review');
    expect(cerfa.textContent).toContain('À revoir');
    expect(cerfa.textContent).toContain('44 jours (arrêt initial)');
    expect(cerfa.querySelector('a[href="/sidepanel.html?help=aat.secured-cerfa"]')).toBeTruthy();
    expect(cerfa.querySelector('a[href^="https://"]')).toBeTruthy();

    const boxes = screen.getAllByRole('checkbox');
    fireEvent.click(boxes[0]!);
    await waitFor(async () => {
      const runs = await client.listChecklistRuns({ checklistId: ID });
      expect(runs.ok && runs.value[0]?.itemStates[items[0]!.id]).toBe('done');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Terminer' }));
    await waitFor(() => expect(screen.getByTestId('checklist-status').textContent).toContain('Vérification terminée'));
    const runs = await client.listChecklistRuns({ checklistId: ID });
    expect(runs.ok && runs.value.map((r) => r.status)).toEqual(['completed']);
    await waitFor(() => expect(document.querySelectorAll('[data-run-status="completed"]')).toHaveLength(1));
    // a fresh checklist after completion
    expect((screen.getAllByRole('checkbox')[0] as HTMLInputElement).checked).toBe(false);
  });

  it('resumes an unfinished run with the same items, and abandons it', async () => {
    const { client } = makeClient();
    const items = buildChecklist({ profession: 'medecin-generaliste', date: '2026-11-28' });
    const started = await client.startChecklistRun(ID, items.map((i) => i.id));
    if (!started.ok) throw new Error('start');
    await client.updateChecklistRun(started.value.id, { itemStates: { [items[1]!.id]: 'not-applicable' } });
    render(<Checklist checklistId={ID} items={items} client={client} lang="en" />);
    await waitFor(() => expect(screen.getByTestId('checklist-status').textContent).toContain('resumed'));
    const second = document.querySelector(`li[data-item-id="${items[1]!.id}"]`)!;
    expect(second.getAttribute('data-state')).toBe('not-applicable');
    expect(second.querySelector('button[aria-pressed="true"]')?.textContent).toBe('Not applicable');
    fireEvent.click(screen.getByRole('button', { name: 'Abandon' }));
    await waitFor(async () => {
      const runs = await client.listChecklistRuns({ checklistId: ID });
      expect(runs.ok && runs.value[0]?.status).toBe('abandoned');
    });
  });

  it('says so when storage is unavailable, and keeps the ticks', async () => {
    const down = { ok: false as const, error: { code: 'unavailable' as const, message: 'indisponible' } };
    const client = {
      startChecklistRun: async () => down,
      updateChecklistRun: async () => down,
      listChecklistRuns: async () => down,
    };
    const items = buildChecklist({ profession: 'pharmacien', date: '2026-11-28' });
    render(<Checklist checklistId="avant-transmission.pharmacien" items={items} client={client as never} lang="fr" />);
    fireEvent.click(screen.getAllByRole('checkbox')[0]!);
    await waitFor(() => expect(screen.getByTestId('checklist-status').textContent).toContain('Enregistrement impossible'));
    expect((screen.getAllByRole('checkbox')[0] as HTMLInputElement).checked).toBe(true);
  });
});
