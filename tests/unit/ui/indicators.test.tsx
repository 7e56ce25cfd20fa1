import { describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/preact';
import { catalogueDeadlines, deadlineFromFinding, indicatorRows, programmesFor, progressOf } from '../../../lib/checklist/indicators';
import { IndicatorPanel } from '../../../components/IndicatorPanel';
import { changesSince } from '../../../entrypoints/options/changelog';
import type { Snapshot } from '../../../lib/storage/schema';
import { clientWithReadings, makeClient } from './helpers';

const snap = (indicatorId: string, asOf: string, value: number, target: number | null, pageType: Snapshot['pageType'] = 'convention-medecin'): Snapshot => ({
  indicatorId,
  asOf,
  value,
  target,
  capturedAt: `${asOf}T10:00:00.000Z`,
  pageType,
});

describe('indicators for the side panel', () => {
  it('programmes by profession and year', () => {
    expect(programmesFor('medecin-generaliste', '2026-11-28')).toEqual(['donum']);
    expect(programmesFor('medecin-specialiste', '2025-06-01')).toEqual(['rosp', 'forfait-structure']);
    expect(programmesFor('pharmacien', '2026-11-28')).toEqual(['pharmacien-numerique', 'pharmacien-bups']);
  });

  it('rows: known indicators of the programmes, then other tiles of the same convention page only', () => {
    const latest = [
      snap('donum.socle.usage-teleservices', '2026-10-31', 72, 60),
      snap('autre.vaccination-grippe', '2026-10-31', 40, 75),
      snap('pharmacien.numerique.dmp', '2026-10-31', 10, 20, 'convention-pharmacien'),
    ];
    const rows = indicatorRows('medecin-generaliste', '2026-11-28', latest);
    expect(rows.map((r) => r.id)).toEqual([
      'donum.socle.usage-teleservices',
      'donum.socle.logiciel',
      'donum.option.autres-teleservices',
      'donum.option.dmp-ordonnance',
      'donum.option.apcv-mss',
      'autre.vaccination-grippe',
    ]);
    expect(rows[0]!.latest?.value).toBe(72);
    expect(rows.at(-1)!.label.fr).toBe('Vaccination grippe');
    expect(
      indicatorRows('pharmacien', '2026-11-28', latest)
        .filter((r) => r.latest)
        .map((r) => r.id),
    ).toEqual(['pharmacien.numerique.dmp']);
    expect(progressOf({ value: 72, target: 60 })).toBe(1);
    expect(progressOf({ value: 30, target: 60 })).toBe(0.5);
    expect(progressOf({ value: 3, target: null })).toBeUndefined();
  });

  it('deadlines: catalogue windows (open with days left, or opening soon) and the window read on Ma Convention', () => {
    expect(catalogueDeadlines('medecin-generaliste', '2026-01-29')).toEqual([
      expect.objectContaining({ ruleId: 'indicators.declaration-window.medecins-2025', state: 'open', closesOn: '2026-02-08', days: 10 }),
    ]);
    expect(catalogueDeadlines('medecin-generaliste', '2025-11-28')).toEqual([
      expect.objectContaining({ ruleId: 'indicators.declaration-window.medecins-2025', state: 'upcoming', days: 17 }),
    ]);
    expect(catalogueDeadlines('pharmacien', '2026-11-28')).toEqual([]);
    const d = deadlineFromFinding(
      { ruleId: 'indicators.declaration-open', data: { kind: 'declaration', declared: 1, total: 3, closesOn: '2027-02-07' } },
      '2026-11-28',
    );
    expect(d).toMatchObject({ closesOn: '2027-02-07', days: 71, declared: 1, total: 3, origin: 'page' });
    expect(
      deadlineFromFinding({ ruleId: 'aat.duration-limit', data: { kind: 'duration', days: 45, limit: 31, of: 'initial', standing: 'over' } }, '2026-11-28'),
    ).toBeUndefined();
  });

  it('IndicatorPanel: empty state, then values, chart and deadline from storage', async () => {
    const { client, service } = makeClient();
    const { unmount } = render(<IndicatorPanel profession="medecin-generaliste" date="2026-11-28" lang="fr" client={client} />);
    await waitFor(() =>
      expect(document.querySelector('[data-testid="indicators-empty"]')?.textContent).toBe(
        'Ouvrez Ma Convention sur amelipro pour enregistrer vos indicateurs.',
      ),
    );
    unmount();
    await service['snapshot.put']({
      snapshots: [
        { indicatorId: 'donum.socle.usage-teleservices', asOf: '2026-06-30', value: 48, target: 60, pageType: 'convention-medecin' },
        { indicatorId: 'donum.socle.usage-teleservices', asOf: '2026-10-31', value: 72, target: 60, pageType: 'convention-medecin' },
      ],
    });
    render(
      <IndicatorPanel
        profession="medecin-generaliste"
        date="2026-11-28"
        lang="fr"
        client={client}
        pageDeadlines={[{ title: { fr: 'Déclaration', en: 'Declaration' }, closesOn: '2027-02-07', state: 'open', days: 71, origin: 'page' }]}
      />,
    );
    await waitFor(() => expect(document.querySelectorAll('[data-indicator-id="donum.socle.usage-teleservices"] svg [data-point]')).toHaveLength(2));
    const item = document.querySelector('[data-indicator-id="donum.socle.usage-teleservices"]')!;
    expect(item.querySelector('[data-testid="latest"]')?.textContent).toBe('72 % · Objectif : 60 % · au 31/10/2026');
    // one legend for the list, none under each chart
    expect(document.querySelectorAll('[data-testid="chart-legend"]')).toHaveLength(1);
    expect(document.querySelectorAll('figcaption')).toHaveLength(0);
    expect(item.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('100');
    expect(document.querySelector('[data-deadline="2027-02-07"]')?.textContent).toContain('Clôture le 07/02/2027 — 71 jours restants');
    expect(document.querySelector('[data-indicator-id="donum.socle.logiciel"]')?.textContent).toContain('pas encore relevé');
  });

  it('IndicatorPanel: values with their unit, no chart for a yes/no indicator, English too', async () => {
    const client = await clientWithReadings([
      ['donum.socle.logiciel', '2026-06-30', 0, 1],
      ['donum.socle.logiciel', '2026-10-31', 1, 1],
      ['donum.option.apcv-mss', '2026-06-30', 0, 2],
      ['donum.option.apcv-mss', '2026-10-31', 1, 2],
    ]);
    render(<IndicatorPanel profession="medecin-generaliste" date="2026-11-28" lang="en" client={client} />);
    await waitFor(() => expect(document.querySelectorAll('[data-indicator-id="donum.option.apcv-mss"] svg [data-point]')).toHaveLength(2));
    const yesNo = document.querySelector('[data-indicator-id="donum.socle.logiciel"]')!;
    expect(yesNo.querySelector('[data-testid="latest"]')?.textContent).toBe('Reached · as of 31/10/2026');
    expect(yesNo.querySelector('svg')).toBeNull();
    expect(yesNo.querySelector('[role="progressbar"]')).toBeNull();
    const ratio = document.querySelector('[data-indicator-id="donum.option.apcv-mss"]')!;
    expect(ratio.querySelector('[data-testid="latest"]')?.textContent).toBe('1/2 · as of 31/10/2026');
    expect(document.querySelectorAll('[data-testid="chart-legend"]')).toHaveLength(1);
  });

  it('changelog: shown once per new version', () => {
    expect(changesSince(null, '0.1.0').map((e) => e.version)).toEqual(['0.1.0']);
    expect(changesSince('0.1.0', '0.1.0')).toEqual([]);
    expect(changesSince('0.0.9', '0.1.0').map((e) => e.version)).toEqual(['0.1.0']);
  });
});
