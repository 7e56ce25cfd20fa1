import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/preact';
import { ProgressChart, reachedTarget } from '../../../components/ProgressChart';
import { plain } from '../helpers/text';

const points = [
  { date: '2026-10-31', value: 72 },
  { date: '2026-06-30', value: 48.5 },
  { date: '2026-08-31', value: 60 },
];

describe('ProgressChart', () => {
  it('has a text alternative: title, description with every value, and a table', () => {
    render(<ProgressChart id="c" label="Usage des téléservices" points={points} target={60} lang="fr" />);
    const svg = document.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const title = document.getElementById(svg.getAttribute('aria-labelledby')!)!;
    const desc = document.getElementById(svg.getAttribute('aria-describedby')!)!;
    expect(title.textContent).toBe('Évolution — Usage des téléservices');
    expect(desc.textContent).toContain('3 relevés du 30/06/2026 au 31/10/2026');
    expect(desc.textContent).toContain('30/06/2026 : 48,5 (objectif non atteint)');
    expect(desc.textContent).toContain('31/10/2026 : 72 (objectif atteint)');
    expect(desc.textContent).toContain('Objectif : 60');
    const rows = Array.from(document.querySelectorAll('table tbody tr')).map((r) => r.textContent);
    expect(rows).toEqual(['30/06/202648,560 — Objectif non atteint', '31/08/20266060 — Objectif atteint', '31/10/20267260 — Objectif atteint']);
    expect(document.querySelector('table caption')?.textContent).toContain('Usage des téléservices');
  });

  it('never says anything by colour alone: shape per reached/not reached, value labels, labelled dotted target, legend', () => {
    render(<ProgressChart id="c" label="X" points={points} target={60} lang="fr" />);
    const reached = document.querySelectorAll('[data-reached="true"]');
    const notReached = document.querySelectorAll('[data-reached="false"]');
    expect(reached).toHaveLength(2);
    expect(notReached).toHaveLength(1);
    for (const g of reached) expect(g.querySelector('rect')).toBeTruthy();
    notReached.forEach((g) => {
      expect(g.querySelector('circle')?.getAttribute('fill')).toBe('#fff');
      expect(g.querySelector('rect')).toBeNull();
    });
    // each point carries its value as text
    expect(Array.from(document.querySelectorAll('[data-point] text')).map((t) => t.textContent)).toEqual(['48,5', '60', '72']);
    const target = document.querySelector('[data-target]')!;
    expect(target.querySelector('line')?.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(target.querySelector('text')?.textContent).toBe('Objectif 60');
    expect(plain(document.querySelector('figcaption')?.textContent)).toContain('Carré plein : objectif atteint');
  });

  it('a percentage keeps its unit on every value, the target, the description and the table; still clear of the target label', () => {
    render(<ProgressChart id="c" label="X" points={points} target={60} lang="fr" unit="%" />);
    expect(Array.from(document.querySelectorAll('[data-point] text'), (t) => plain(t.textContent))).toEqual(['48,5 %', '60 %', '72 %']);
    const label = document.querySelector('[data-target] text')!;
    expect(plain(label.textContent)).toBe('Objectif 60 %');
    expect(plain(document.querySelector('desc')?.textContent)).toContain('31/10/2026 : 72 % (objectif atteint)');
    expect(plain(document.querySelector('table tbody tr')?.textContent)).toBe('30/06/202648,5 %60 % — Objectif non atteint');
    // "Objectif 60 %" is about 70 px wide at 10 px, right-aligned at the edge; a value label with its unit about 30 px
    const labelStart = Number(label.getAttribute('x')) - 70;
    for (const t of document.querySelectorAll('[data-point] text')) expect(Number(t.getAttribute('x')) + 15).toBeLessThanOrEqual(labelStart);
  });

  it('the target label has its own column: right of every reading and its value label', () => {
    render(<ProgressChart id="c" label="X" points={points} target={60} lang="fr" />);
    const label = document.querySelector('[data-target] text')!;
    const line = document.querySelector('[data-target] line')!;
    // the label is right-aligned at the edge and about 60 px wide at 10 px: it starts right of the line's end
    const labelStart = Number(label.getAttribute('x')) - 60;
    expect(Number(line.getAttribute('x2'))).toBeLessThanOrEqual(labelStart);
    for (const t of document.querySelectorAll('[data-point] text')) {
      // a value label is centred on its point and at most ~20 px wide
      expect(Number(t.getAttribute('x')) + 12).toBeLessThanOrEqual(labelStart);
    }
  });

  it('a list of charts can show the legend once (showLegend=false on each chart)', () => {
    render(<ProgressChart id="c" label="X" points={points} target={60} lang="fr" showLegend={false} />);
    expect(document.querySelector('figcaption')).toBeNull();
  });

  it('without target: no reached/not reached claim; one point is drawn; English labels', () => {
    render(<ProgressChart id="c" label="Tests" points={[{ date: '2026-10-31', value: 6 }]} target={null} lang="en" />);
    expect(document.querySelector('[data-reached]')?.getAttribute('data-reached')).toBe('unknown');
    expect(document.querySelector('figcaption')).toBeNull();
    expect(document.querySelector('desc')?.textContent).toContain('Tests: 1 reading from 31/10/2026 to 31/10/2026');
    expect(reachedTarget(5, null)).toBeUndefined();
    expect(reachedTarget(60, 60)).toBe(true);
  });

  it('renders nothing without points', () => {
    const { container } = render(<ProgressChart id="c" label="X" points={[]} target={1} lang="fr" />);
    expect(container.innerHTML).toBe('');
  });
});
