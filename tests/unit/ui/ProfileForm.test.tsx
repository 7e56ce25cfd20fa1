import { describe, expect, it, vi } from 'vitest';
import { render as preactRender } from 'preact';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ProfileForm, normalizeDepartement, validateProfile } from '../../../components/ProfileForm';
import { plain } from '../helpers/text';
import type { PortalProfession } from '../../../lib/pages/portal-profession';

const pause = () => new Promise((r) => setTimeout(r, 50));
type OnSave = (v: unknown) => Promise<{ ok: true }>;

/**
 * The form drawn without act(), as the options page draws it: its effects run after the browser paints, so a user's
 * change can come between a drawing and its effects. `draw` (re)draws it with a suggestion; `choosePharmacist`
 * picks « Pharmacien » at once, then lets everything run.
 */
async function withUnsettledForm(
  use: (draw: (suggested: PortalProfession | null, onSave: OnSave) => void, choosePharmacist: () => Promise<HTMLSelectElement>) => Promise<void>,
): Promise<void> {
  const container = document.createElement('div');
  document.body.append(container);
  const empty = { profession: null, specialty: null, departement: null };
  const draw = (suggested: PortalProfession | null, onSave: OnSave) =>
    preactRender(<ProfileForm initial={empty} suggested={suggested} lang="fr" onSave={onSave} />, container);
  const choosePharmacist = async () => {
    const select = container.querySelector<HTMLSelectElement>('#profile-profession')!;
    select.value = 'pharmacien';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await pause();
    return select;
  };
  try {
    await use(draw, choosePharmacist);
  } finally {
    preactRender(null, container);
    container.remove();
  }
}

describe('profile form', () => {
  it('validates the département and the specialty', () => {
    expect(validateProfile({ profession: 'medecin-generaliste', specialty: null, departement: '21' })).toEqual({});
    expect(validateProfile({ profession: 'pharmacien', specialty: null, departement: '2A' })).toEqual({});
    expect(validateProfile({ profession: null, specialty: null, departement: '974' })).toEqual({});
    expect(validateProfile({ profession: null, specialty: null, departement: '99' }).departement).toBeDefined();
    expect(validateProfile({ profession: null, specialty: null, departement: '20' }).departement).toBeDefined();
    expect(validateProfile({ profession: 'pharmacien', specialty: 'cardiologie', departement: null }).specialty).toBeDefined();
    expect(validateProfile({ profession: 'medecin-specialiste', specialty: 'cardiologie', departement: null })).toEqual({});
    expect(normalizeDepartement(' 2a ')).toBe('2A');
    expect(normalizeDepartement('1')).toBe('01');
    expect(normalizeDepartement('   ')).toBeNull();
  });

  it('saves a valid profile as a settings patch', async () => {
    const onSave = vi.fn(async () => ({ ok: true as const }));
    render(<ProfileForm initial={{ profession: null, specialty: null, departement: null }} lang="fr" onSave={onSave} />);
    fireEvent.change(screen.getByLabelText('Profession'), { target: { value: 'medecin-specialiste' } });
    fireEvent.change(await screen.findByLabelText('Spécialité'), { target: { value: 'cardiologie' } });
    fireEvent.input(screen.getByLabelText(/Département/), { target: { value: '2b' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.getByTestId('profile-status').textContent).toBe('Enregistré.'));
    expect(onSave).toHaveBeenCalledWith({ profession: 'medecin-specialiste', specialty: 'cardiologie', departement: '2B' });
  });

  it('a suggestion from the portal header that arrives after the user chose never replaces the choice', async () => {
    const onSave = vi.fn(async () => ({ ok: true as const }));
    const empty = { profession: null, specialty: null, departement: null };
    const { rerender } = render(<ProfileForm initial={empty} suggested={null} lang="fr" onSave={onSave} />);
    fireEvent.change(screen.getByLabelText('Profession'), { target: { value: 'pharmacien' } });
    // the open amelipro tabs answer late: a doctor's header
    rerender(<ProfileForm initial={empty} suggested={{ profession: 'medecin-generaliste', specialty: null }} lang="fr" onSave={onSave} />);
    expect((screen.getByLabelText('Profession') as HTMLSelectElement).value).toBe('pharmacien');
    expect(screen.queryByTestId('profile-prefilled')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ profession: 'pharmacien', specialty: null, departement: null }));
  });

  it('a choice made while the suggestion is being drawn (its effect not yet run) is kept', async () => {
    const onSave = vi.fn(async () => ({ ok: true as const }));
    await withUnsettledForm(async (draw, choosePharmacist) => {
      draw(null, onSave);
      await pause();
      draw({ profession: 'medecin-generaliste', specialty: null }, onSave);
      const select = await choosePharmacist();
      expect(select.value).toBe('pharmacien');
      select.form!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitFor(() => expect(onSave).toHaveBeenCalledWith({ profession: 'pharmacien', specialty: null, departement: null }));
    });
  });

  it('a choice made as soon as the form shows (its first effects not yet run) is kept', async () => {
    await withUnsettledForm(async (draw, choosePharmacist) => {
      draw(
        null,
        vi.fn(async () => ({ ok: true as const })),
      );
      expect((await choosePharmacist()).value).toBe('pharmacien');
    });
  });

  it('a suggestion that arrives before any change pre-fills the form and says where it comes from', () => {
    const empty = { profession: null, specialty: null, departement: null };
    const onSave = vi.fn(async () => ({ ok: true as const }));
    const { rerender } = render(<ProfileForm initial={empty} suggested={null} lang="fr" onSave={onSave} />);
    rerender(<ProfileForm initial={empty} suggested={{ profession: 'medecin-specialiste', specialty: 'psychiatrie' }} lang="fr" onSave={onSave} />);
    expect((screen.getByLabelText('Profession') as HTMLSelectElement).value).toBe('medecin-specialiste');
    expect((screen.getByLabelText('Spécialité') as HTMLSelectElement).value).toBe('psychiatrie');
    expect(plain(screen.getByTestId('profile-prefilled').textContent)).toContain('Psychiatrie');
  });

  it('refuses an unknown département with a linked message, and does not save', async () => {
    const onSave = vi.fn(async () => ({ ok: true as const }));
    render(<ProfileForm initial={{ profession: 'pharmacien', specialty: null, departement: null }} lang="en" onSave={onSave} />);
    expect(screen.queryByLabelText('Specialty')).toBeNull();
    const dep = screen.getByLabelText(/Département/);
    fireEvent.input(dep, { target: { value: '96' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(dep.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(dep.getAttribute('aria-describedby')!)?.textContent).toContain('Unknown département');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows the storage error when saving fails', async () => {
    render(
      <ProfileForm
        initial={{ profession: null, specialty: null, departement: null }}
        lang="fr"
        onSave={async () => ({ ok: false, message: 'Stockage plein.' })}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(plain(screen.getByTestId('profile-status').textContent)).toBe('Échec de l’enregistrement : Stockage plein.'));
  });
});
