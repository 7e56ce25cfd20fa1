import { fireEvent, render, screen } from '@testing-library/preact';
import { VitaleStatus } from '../../../components/VitaleStatus';
import { UNKNOWN_STATUS, type VitaleStatus as Status } from '../../../lib/vitale/status';
import { plain } from '../helpers/text';

const AT = '2026-11-28T09:05:00.000Z';
const s = (p: Partial<Status>): Status => ({ ...UNKNOWN_STATUS, ...p });
const ext = () => screen.getByTestId('vitale-extension').textContent;
const atsam = () => screen.getByTestId('vitale-atsam').textContent;

describe('VitaleStatus', () => {
  it('nothing known yet', () => {
    render(<VitaleStatus status={null} onTest={() => {}} />);
    expect(ext()).toContain('pas encore vérifiée');
    expect(atsam()).toContain('inconnu');
    expect(screen.getByTestId('vitale-checked').textContent).toBe('Aucune vérification enregistrée.');
  });

  it("the CPAM contact follows the département: the Côte-d'Or's address (the sources give it), otherwise ameli.fr", () => {
    const { unmount } = render(<VitaleStatus status={s({ extension: 'absent', checkedAt: AT })} onTest={() => {}} departement="21" />);
    expect(screen.getByRole('link', { name: 'eservices.cpam-dijon@assurance-maladie.fr' }).getAttribute('href')).toBe(
      'mailto:eservices.cpam-dijon@assurance-maladie.fr',
    );
    unmount();
    render(<VitaleStatus status={s({ extension: 'absent', checkedAt: AT })} onTest={() => {}} departement="69" />);
    expect(screen.queryByText(/cpam-dijon/)).toBeNull();
    expect(screen.getByTestId('cpam-finder')).toBeTruthy();
  });

  it('extension not detected: fix steps open, store links, help page, DNS contact', () => {
    render(<VitaleStatus status={s({ extension: 'absent', checkedAt: AT })} onTest={() => {}} />);
    expect(ext()).toContain('non détectée');
    expect(screen.getByTestId('vitale-checked').textContent).toMatch(/^Signalé par la page amelipro le 28\/11\/2026 à \d\d:\d\d$/);
    expect(screen.getByTestId('vitale-confirm').textContent).toMatch(/pas une vérification certifiée.*DiagAM/);
    expect(screen.getByRole('link', { name: 'Chrome / Edge' }).getAttribute('href')).toBe(
      'https://chromewebstore.google.com/detail/kpjpglcbcgnblkigbedgaoegjbifejka',
    );
    expect(screen.getByRole('link', { name: 'Firefox' }).getAttribute('href')).toBe('https://addons.mozilla.org/fr/firefox/addon/lecture-carte-vitale/');
    expect(screen.getByRole('link', { name: /Page d'aide amelipro/ }).getAttribute('href')).toBe('https://espacepro.ameli.fr/inscription/#/aide');
    // no département set: ameli.fr, never one CPAM's address for everyone
    expect(screen.queryByText(/cpam-dijon/)).toBeNull();
    expect(screen.getByTestId('cpam-finder').getAttribute('href')).toBe('https://www.ameli.fr/');
    expect(screen.getByText(/délégué numérique en santé \(DNS\)/)).toBeTruthy();
    expect(document.querySelector('details')?.open).toBe(true);
  });

  it('installed and current after a test: components up to date, fix steps folded', () => {
    render(
      <VitaleStatus
        status={s({
          extension: 'present',
          extensionVersion: '2.1.0',
          atsam: 'ok',
          checkedAt: AT,
          lastTest: { outcome: 'ok', at: AT },
          components: [
            { id: 'atsam', label: 'ATSAM', version: '4.67.03', latest: '4.67.03', outdated: false },
            { id: 'cryptolib', label: 'Cryptolib CPS', version: '5.2.6', latest: '5.2.6', outdated: false },
          ],
        })}
        onTest={() => {}}
      />,
    );
    expect(ext()).toContain('installée (version 2.1.0)');
    expect(atsam()).toContain('à jour');
    expect(plain(screen.getByTestId('vitale-components').textContent)).toContain('ATSAM 4.67.03 — à jour');
    expect(screen.getByTestId('vitale-test-message').textContent).toContain("Réponse reçue de l'extension");
    expect(document.querySelector('details')?.open).toBe(false);
  });

  it('outdated: ATSAM components with the latest known version; extension outdated when a minimum is set', () => {
    render(
      <VitaleStatus
        status={s({
          extension: 'present',
          extensionVersion: '1.0',
          extensionOutdated: true,
          atsam: 'outdated',
          components: [{ id: 'srvsvcnam', label: 'SrvSvCnam', version: '5.08.02', latest: '5.10.04', outdated: true }],
          lastTest: { outcome: 'ok', at: AT },
        })}
      />,
    );
    expect(ext()).toContain('à mettre à jour (version 1.0');
    expect(atsam()).toContain('à mettre à jour');
    expect(plain(screen.getByTestId('vitale-components').textContent)).toContain('SrvSvCnam 5.08.02 — à mettre à jour (dernière version connue : 5.10.04)');
  });

  it.each([
    ['timeout', 'present', "Aucune réponse de l'extension « Lecture Carte Vitale » en 5 secondes"],
    ['timeout', 'absent', "Aucune réponse en 5 secondes : l'extension « Lecture Carte Vitale » n'est pas détectée"],
    ['malformed', 'present', 'format illisible'],
  ] as const)('test outcome %s (extension %s)', (outcome, extension, text) => {
    render(
      <VitaleStatus status={s({ extension, atsam: outcome === 'timeout' && extension === 'present' ? 'error' : 'unknown', lastTest: { outcome, at: AT } })} />,
    );
    expect(plain(screen.getByTestId('vitale-test-message').textContent)).toContain(text);
  });

  it('test unavailable (no amelipro page), and the error states of ATSAM', () => {
    const { rerender } = render(<VitaleStatus status={s({ extension: 'present', atsam: 'error', cardError: { at: AT } })} testUnavailable />);
    expect(screen.getByTestId('vitale-test-message').textContent).toContain('ouvrez une page amelipro');
    expect(atsam()).toContain('problème probable');
    expect(screen.getByText(/échec de lecture de la carte Vitale a été constaté/)).toBeTruthy();
    rerender(<VitaleStatus status={s({ extension: 'present', atsam: 'absent' })} />);
    expect(atsam()).toContain('non détecté sur ce poste');
  });

  it('the button calls onTest, and is disabled while testing', () => {
    const onTest = vi.fn();
    const { rerender } = render(<VitaleStatus status={null} onTest={onTest} />);
    fireEvent.click(screen.getByRole('button', { name: 'Tester la lecture' }));
    expect(onTest).toHaveBeenCalledTimes(1);
    rerender(<VitaleStatus status={null} onTest={onTest} testing />);
    const busy = screen.getByRole('button', { name: 'Test en cours…' }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
  });

  it('English via lang', () => {
    render(<VitaleStatus status={s({ extension: 'absent', checkedAt: AT })} onTest={() => {}} lang="en" />);
    expect(screen.getByRole('heading').textContent).toBe('Reading the carte Vitale');
    expect(ext()).toContain('not detected');
    expect(screen.getByTestId('vitale-checked').textContent).toMatch(/^Reported by the amelipro page on 2026-11-28 \d\d:\d\d$/);
    expect(screen.getByText(/digital health adviser/)).toBeTruthy();
  });
});
