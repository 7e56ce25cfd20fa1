/**
 * Rule engine bench: median time to evaluate the whole catalogue against one context (budget 1 ms),
 * and the catalogue size. Run with `npm run bench rules`.
 */
import { evaluate, rules, type EvaluationContext } from '../../lib/rules';
import { limit } from './budget';
import type { Figure } from './types';
import { median } from '../stats';

const CONTEXTS: EvaluationContext[] = [
  { page: 'aat', facts: { aat: { kind: 'initial', start: '2026-11-02', end: '2026-12-20', mode: 'paper', teleconsultation: true } } },
  {
    page: 'reclaps',
    facts: {
      reclaps: {
        files: [
          { name: 'a.pdf', size: 1_000_000 },
          { name: 'b.heic', size: 10 },
        ],
      },
    },
  },
  { page: 'convention-medecin', facts: { teleconsultation: { share: 0.25 }, indicators: { declared: 3, total: 5 } } },
  { page: 'prescription', facts: {} },
  { facts: { vitale: { extension: 'absent', atsam: 'outdated' } } },
];

export async function bench(): Promise<Figure[]> {
  const date = '2026-11-28';
  const profile = { profession: 'medecin-generaliste' as const };
  // Warm-up so the JIT has compiled the engine.
  for (let i = 0; i < 200; i++) for (const c of CONTEXTS) evaluate(c, { date, profile });
  const samples: number[] = [];
  for (let i = 0; i < 400; i++) {
    const c = CONTEXTS[i % CONTEXTS.length]!;
    const t0 = performance.now();
    evaluate(c, { date, profile });
    samples.push(performance.now() - t0);
  }
  // The whole catalogue with no context filter (the side panel's "all rules" view).
  const all: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    evaluate({ facts: CONTEXTS[0]!.facts }, { date, profile });
    all.push(performance.now() - t0);
  }
  return [
    { area: 'rules', name: 'evaluate one context (median)', value: median(samples), unit: 'ms', limit: limit('rulesEvaluateMs'), better: 'lower' },
    { area: 'rules', name: 'evaluate all contexts (median)', value: median(all), unit: 'ms', limit: limit('rulesEvaluateMs'), better: 'lower' },
    { area: 'rules', name: 'catalogue size', value: rules.length, unit: 'rules' },
  ];
}
