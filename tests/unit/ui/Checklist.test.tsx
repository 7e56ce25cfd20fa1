import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Checklist } from '../../../components/Checklist';
import { buildChecklist } from '../../../lib/checklist';
import { lettersFinding, makeClient } from './helpers';
import { tr } from '../../../lib/i18n';

const ID = 'avant-transmission.medecin-generaliste';

describe('Checklist component', () => {
  it('shows the pre-filled item with why, links to explanation and help; a tick starts a run, "Terminer" completes it', async () => {
    const { client } = makeClient();
    const items = buildChecklist({ profession: 'medecin-generaliste', date: '2026-11-28', page: 'prescription', findings: [lettersFinding] });
    render(<Checklist checklistId={ID} items={items} client={client} lang="fr" helpHref={(id) => `/sidepanel.html?help=${id}`} />);
    const secure = document.querySelector('li[data-item-id="secure-prescription.required"]')!;
    expect(secure.getAttribute('data-prefill')).toBe('review');
    expect(secure.textContent).toContain('À revoir');
    expect(secure.textContent).toContain('Le dosage est écrit en chiffres.');
    expect(secure.querySelector('a[href="/sidepanel.html?help=secure-prescription.required"]')).toBeTruthy();
    expect(secure.querySelector('a[href^="https://"]')).toBeTruthy();

    // a blocking finding on it: ticking asks first
    const boxes = screen.getAllByRole('checkbox');
    fireEvent.click(boxes[0]!);
    expect((boxes[0] as HTMLInputElement).checked).toBe(false);
    expect(secure.textContent).toContain('point bloquant');
    fireEvent.click(screen.getByRole('button', { name: 'Ne pas cocher' }));
    expect((boxes[0] as HTMLInputElement).checked).toBe(false);
    fireEvent.click(boxes[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Cocher quand même' }));
    await waitFor(() => expect((screen.getAllByRole('checkbox')[0] as HTMLInputElement).checked).toBe(true));
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
    const started = await client.startChecklistRun(
      ID,
      items.map((i) => i.id),
    );
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

  it('a page checklist resumes only in its own scope: another patient (or page) starts fresh', async () => {
    const { client } = makeClient();
    const items = buildChecklist({ profession: 'medecin-generaliste', date: '2026-11-28', page: 'aat' });
    const memory = {
      store: new Map<string, string>(),
      get: async (k: string) => memory.store.get(k),
      set: async (k: string, v: string) => void memory.store.set(k, v),
    };
    const view = render(<Checklist checklistId={ID} items={items} client={client} lang="fr" scope="7:aat:abc-0" memory={memory} />);
    fireEvent.click(screen.getAllByRole('checkbox')[0]!);
    await waitFor(() => expect([...memory.store.values()][0]).toMatch(/^7:aat:abc-0 /));
    view.unmount();
    // the popup opened again on the same patient: resumed
    const same = render(<Checklist checklistId={ID} items={items} client={client} lang="fr" scope="7:aat:abc-0" memory={memory} />);
    await waitFor(() => expect((screen.getAllByRole('checkbox')[0] as HTMLInputElement).checked).toBe(true));
    same.unmount();
    // the next patient: fresh, nothing resumed
    render(<Checklist checklistId={ID} items={items} client={client} lang="fr" scope="7:aat:abc-1" memory={memory} />);
    await new Promise((r) => setTimeout(r, 50));
    expect((screen.getAllByRole('checkbox')[0] as HTMLInputElement).checked).toBe(false);
    expect(screen.getByTestId('checklist-status').textContent).toBe('');
  });

  it("the tick that starts a run sends, in its own task, the run with that tick and the scope's memory: a popup closed right after loses nothing", async () => {
    const starts: unknown[][] = [];
    const sets: [string, string][] = [];
    const never = () => new Promise<never>(() => {});
    const client = {
      startChecklistRun: (...args: unknown[]) => {
        starts.push(args);
        return never();
      },
      updateChecklistRun: never,
      listChecklistRuns: async () => ({ ok: true as const, value: [] }),
    };
    const memory = { get: async () => undefined, set: async (k: string, v: string) => void sets.push([k, v]) };
    const items = buildChecklist({ profession: 'medecin-generaliste', date: '2026-11-28', page: 'aat' });
    render(<Checklist checklistId={ID} items={items} client={client as never} lang="fr" scope="7:aat:abc-0" memory={memory} />);
    await new Promise((r) => setTimeout(r, 0));
    fireEvent.click(screen.getAllByRole('checkbox')[0]!);
    // microtasks only: no answer from storage is awaited before both are sent
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(starts).toHaveLength(1);
    const [checklistId, itemIds, first] = starts[0] as [string, string[], { id: string; itemStates: Record<string, string> }];
    expect(checklistId).toBe(ID);
    expect(itemIds).toEqual(items.map((i) => i.id));
    expect(first.itemStates).toEqual({ [items[0]!.id]: 'done' });
    expect(first.id).toMatch(/^run-[a-z]{18}$/);
    expect(sets).toEqual([[`checklist:${ID}`, `7:aat:abc-0 ${first.id}`]]);
  });

  it('copies the list as text, with each state', async () => {
    const { client } = makeClient();
    const items = buildChecklist({ profession: 'medecin-generaliste', date: '2026-11-28', page: 'aat' });
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void (copied = t) }, configurable: true });
    render(<Checklist checklistId={ID} items={items} client={client} lang="fr" heading="Avant de transmettre — Arrêt de travail" />);
    fireEvent.click(screen.getAllByRole('checkbox')[1]!);
    fireEvent.click(screen.getByRole('button', { name: 'Copier la liste' }));
    await waitFor(() => expect(screen.getByTestId('checklist-status').textContent).toContain('Liste copiée'));
    expect(copied.split('\n')).toEqual([
      'Avant de transmettre — Arrêt de travail',
      `[ ] ${tr(items[0]!.question, 'fr')}`,
      `[x] ${tr(items[1]!.question, 'fr')}`,
    ]);
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
