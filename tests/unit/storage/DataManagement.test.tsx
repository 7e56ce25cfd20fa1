import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { openDB } from 'idb';
import { DataManagement } from '../../../components/DataManagement';
import { createStorageClient } from '../../../lib/storage/client';
import { serviceTransport } from '../../../lib/storage/owner';
import { makeService, NOW, rawDump, snap } from './helpers';
import { plain } from '../helpers/text';

async function setup(lang: 'fr' | 'en' = 'fr') {
  const { service, factory } = makeService();
  await service['snapshot.put']({ snapshots: [snap('rosp.grippe', '2026-10-01', 40), snap('rosp.grippe', '2026-11-01', 45)] });
  await service['settings.save']({ patch: { departement: '69' } });
  const client = createStorageClient(serviceTransport(service));
  const download = vi.fn<(blob: Blob, name: string) => void>();
  render(<DataManagement client={client} lang={lang} download={download} now={() => NOW} />);
  return { service, factory, client, download };
}

function pickFile(text: string, name = 'export.json') {
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('DataManagement', () => {
  it('exports a dated JSON file through a Blob', async () => {
    const { download } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Exporter mes données' }));
    await screen.findByText(/Fichier exporté : compagnon-amelipro-2026-11-28\.json/);
    const [blob, name] = download.mock.calls[0]!;
    expect(name).toBe('compagnon-amelipro-2026-11-28.json');
    const parsed = JSON.parse(await blob.text());
    expect(parsed).toMatchObject({ format: 'compagnon-amelipro-export', stores: { snapshots: [{}, {}] } });
  });

  it('imports a file in replace mode', async () => {
    const { service, factory, download } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Exporter mes données' }));
    await waitFor(() => expect(download).toHaveBeenCalled());
    const text = await download.mock.calls[0]![0].text();
    await service['snapshot.put']({ snapshots: [snap('rosp.autre', '2026-11-01')] });
    pickFile(text);
    fireEvent.click(screen.getByLabelText(/Remplacer toutes mes données/));
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    expect(plain((await screen.findByRole('status')).textContent)).toMatch(/Import réussi : 3 éléments importés/);
    expect((await rawDump(factory))['snapshots']).toHaveLength(2);
  });

  it('names the problem of a bad file and changes nothing', async () => {
    const { factory } = await setup();
    const before = await rawDump(factory);
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    expect((await screen.findByRole('alert')).textContent).toBe("Choisissez d'abord un fichier.");
    pickFile('{ pas du json');
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/pas un fichier JSON lisible.*Rien n'a été modifié/));
    pickFile(JSON.stringify({ format: 'compagnon-amelipro-export', schemaVersion: 99, exportedAt: '', stores: {} }));
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/version plus récente/));
    pickFile(
      JSON.stringify({
        format: 'compagnon-amelipro-export',
        schemaVersion: 2,
        exportedAt: '',
        stores: { snoozes: [{ ruleId: 'r-1850575123456', until: '2027-01-01T00:00:00Z' }] },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/protéger les patients.*stores\.snoozes\[0\]\.ruleId/));
    expect(screen.getByRole('alert').textContent).not.toContain('1850575123456');
    expect(await rawDump(factory)).toEqual(before);
  });

  it('refuses a file over 5 MB without reading it', async () => {
    const { client } = await setup();
    const spy = vi.spyOn(client, 'importAll');
    pickFile('x'.repeat(5 * 1024 * 1024 + 1), 'gros.json');
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/trop volumineux/));
    expect(spy).not.toHaveBeenCalled();
  });

  it('erases everything only after confirmation', async () => {
    const { factory } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Tout effacer' }));
    expect(screen.getByRole('alertdialog').textContent).toMatch(/définitivement/);
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect((await rawDump(factory))['snapshots']).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Tout effacer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Oui, tout effacer' }));
    await screen.findByText('Toutes les données ont été effacées.');
    const dump = await rawDump(factory);
    expect(Object.values(dump).every((r) => r.length === 0)).toBe(true);
  });

  it('shows the quarantine and empties it', async () => {
    const { service, factory } = makeService();
    const prev = globalThis.indexedDB;
    await service['settings.get']({});
    globalThis.indexedDB = factory;
    const db = await openDB('compagnon-amelipro');
    await db.put('snoozes', { ruleId: 'aat.motif', until: 'demain' });
    db.close();
    globalThis.indexedDB = prev;
    await service['snooze.list']({});
    render(<DataManagement client={createStorageClient(serviceTransport(service))} />);
    await screen.findByText('Quarantaine (1)');
    expect(screen.getByRole('list', { name: 'Quarantaine' }).textContent).toMatch(/snoozes.*until/);
    fireEvent.click(screen.getByRole('button', { name: 'Vider la quarantaine' }));
    await screen.findByText('Quarantaine (0)');
    expect(screen.getByText('La quarantaine est vide.')).toBeTruthy();
  });

  it('speaks English when asked', async () => {
    await setup('en');
    expect(screen.getByRole('button', { name: 'Export my data' })).toBeTruthy();
    pickFile('nope');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/not readable JSON.*Nothing was changed/));
  });
});
