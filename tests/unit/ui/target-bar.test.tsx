import { describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/preact';
import { TARGET_BAR, TargetBar } from '../../../components/ProgressChart';
import { IndicatorPanel } from '../../../components/IndicatorPanel';
import { plain } from '../helpers/text';
import { clientWithReadings } from './helpers';

const num = (el: Element | null | undefined, attr: string) => Number(el?.getAttribute(attr));

describe('TargetBar (one reading against its target)', () => {
  it('the value with its unit above the bar, the target with its unit below, at the target’s place on the scale', () => {
    const { container } = render(<TargetBar id="b" label="Usage des téléservices" value={48} target={60} unit="%" lang="fr" />);
    const value = container.querySelector('[data-label="value"]')!;
    const target = container.querySelector('[data-label="target"]')!;
    expect(plain(value.textContent)).toBe('48 %');
    expect(plain(target.textContent)).toBe('Objectif 60 %');
    // never on the same line: the value's baseline is above the bar, the target's text starts below it
    expect(num(value, 'y')).toBeLessThanOrEqual(TARGET_BAR.barY - 2);
    expect(num(target, 'y') - TARGET_BAR.font).toBeGreaterThanOrEqual(TARGET_BAR.barY + TARGET_BAR.barH);
    // the bar stops at the value, the mark stands at the target, on one scale
    const bar = container.querySelector('[data-bar="value"]')!;
    const mark = container.querySelector('[data-bar="target"]')!;
    const start = num(bar, 'x');
    expect((num(bar, 'x') + num(bar, 'width') - start) / (num(mark, 'x1') - start)).toBeCloseTo(48 / 60, 5);
    expect(plain(container.querySelector('svg')?.getAttribute('aria-label'))).toBe(
      'Usage des téléservices : 48 % (premier relevé), objectif 60 % ; objectif non atteint.',
    );
  });

  it('a value past its target: the mark stays inside the drawing, the labels too (anchored on the edge)', () => {
    const { container } = render(<TargetBar id="b" label="X" value={90} target={60} unit="%" lang="en" width={300} />);
    const bar = container.querySelector('[data-bar="value"]')!;
    expect(num(bar, 'x') + num(bar, 'width')).toBeLessThan(300);
    expect(container.querySelector('[data-label="value"]')?.getAttribute('text-anchor')).toBe('end');
    expect(plain(container.querySelector('[data-label="target"]')?.textContent)).toBe('Target 60 %');
    expect(container.querySelector('svg')?.getAttribute('aria-label')).toContain('target reached');
  });

  it('a ratio keeps its form ("1/2"), its target is the count', () => {
    const { container } = render(<TargetBar id="b" label="X" value={1} target={2} unit="ratio" lang="fr" />);
    expect(container.querySelector('[data-label="value"]')?.textContent).toBe('1/2');
    expect(plain(container.querySelector('[data-label="target"]')?.textContent)).toBe('Objectif 2');
  });

  it('side panel: a first reading is drawn against its target; a yes/no indicator gets nothing; two readings make the line chart', async () => {
    const client = await clientWithReadings([
      ['donum.socle.usage-teleservices', '2026-10-31', 48, 60],
      ['donum.socle.logiciel', '2026-10-31', 1, 1],
      ['donum.option.apcv-mss', '2026-06-30', 0, 2],
      ['donum.option.apcv-mss', '2026-10-31', 1, 2],
    ]);
    render(<IndicatorPanel profession="medecin-generaliste" date="2026-11-28" lang="fr" client={client} />);
    await waitFor(() => expect(document.querySelectorAll('[data-indicator-id="donum.option.apcv-mss"] svg [data-point]')).toHaveLength(2));
    const usage = document.querySelector('[data-indicator-id="donum.socle.usage-teleservices"]')!;
    expect(usage.querySelector('[data-readings="1"]')).not.toBeNull();
    expect(plain(usage.querySelector('[data-label="value"]')?.textContent)).toBe('48 %');
    // the bar says it all: no second "% of target" bar beside it
    expect(usage.querySelector('[role="progressbar"]')).toBeNull();
    expect(document.querySelector('[data-indicator-id="donum.socle.logiciel"] svg')).toBeNull();
    expect(document.querySelector('[data-indicator-id="donum.option.apcv-mss"] [data-readings="1"]')).toBeNull();
  });

  it('side panel: while the history is loading, no bar is drawn as if there were one reading (the % of target shows meanwhile)', async () => {
    const client = await clientWithReadings([
      ['donum.socle.usage-teleservices', '2026-06-30', 48, 60],
      ['donum.socle.usage-teleservices', '2026-10-31', 72, 60],
    ]);
    const pending = { listLatestSnapshots: () => client.listLatestSnapshots(), getHistory: () => new Promise<never>(() => {}) };
    render(<IndicatorPanel profession="medecin-generaliste" date="2026-11-28" lang="fr" client={pending} />);
    const usage = () => document.querySelector('[data-indicator-id="donum.socle.usage-teleservices"]');
    await waitFor(() => expect(usage()?.querySelector('[role="progressbar"]')).toBeTruthy());
    expect(usage()?.querySelector('[data-readings="1"]')).toBeNull();
    expect(usage()?.querySelector('svg')).toBeNull();
  });
});
