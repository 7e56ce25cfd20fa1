import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { HostAccess, type HostPermissions } from '../../../components/HostAccess';
import { AMELIPRO_MATCHES } from '../../../lib/hosts';

const perms = (has: boolean, grant: boolean | Error = true): HostPermissions & { request: ReturnType<typeof vi.fn> } => ({
  contains: vi.fn(async () => has),
  request: vi.fn(async () => {
    if (grant instanceof Error) throw grant;
    return grant;
  }),
});

describe('HostAccess (popup: access to amelipro)', () => {
  it('says nothing when the access is granted', async () => {
    const p = perms(true);
    const { container } = render(<HostAccess lang="fr" permissions={p} />);
    await waitFor(() => expect(p.contains).toHaveBeenCalledWith({ origins: AMELIPRO_MATCHES }));
    expect(container.textContent).toBe('');
  });

  it('says when it is missing and asks for every amelipro host on click; then says to reload the open pages', async () => {
    const p = perms(false, true);
    render(<HostAccess lang="fr" permissions={p} />);
    expect(await screen.findByRole('heading', { name: 'Accès à amelipro non accordé' })).toBeTruthy();
    expect(screen.getByText(/rien n’y est vérifié/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Autoriser l’accès à amelipro' }));
    expect(p.request).toHaveBeenCalledWith({ origins: AMELIPRO_MATCHES });
    expect((await screen.findByRole('status')).textContent).toBe('Accès accordé. Rechargez les pages d’amelipro déjà ouvertes.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a refusal (or a failed request) is said, and the button stays', async () => {
    for (const answer of [false, new Error('no user gesture')]) {
      const p = perms(false, answer);
      const { unmount } = render(<HostAccess lang="en" permissions={p} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Allow access to amelipro' }));
      expect((await screen.findByRole('status')).textContent).toBe('Access not granted: nothing will be checked on amelipro.');
      expect(screen.getByRole('button', { name: 'Allow access to amelipro' })).toBeTruthy();
      unmount();
    }
  });

  it('says nothing when the browser cannot tell (no false alarm)', async () => {
    const throwing: HostPermissions = {
      contains: () => {
        throw new Error('not implemented');
      },
      request: vi.fn(),
    };
    const rejecting: HostPermissions = { contains: () => Promise.reject(new Error('x')), request: vi.fn() };
    for (const p of [throwing, rejecting]) {
      const { container, unmount } = render(<HostAccess lang="fr" permissions={p} />);
      await new Promise((r) => setTimeout(r, 10));
      expect(container.textContent).toBe('');
      unmount();
    }
  });
});
