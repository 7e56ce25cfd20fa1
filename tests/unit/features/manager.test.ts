import { FeatureManager, safeErrorMessage, type ManagerState } from '../../../lib/features/manager';
import { defineFeature, type Feature } from '../../../lib/features/types';

const env = {
  page: 'aat' as const,
  url: new URL('https://espacepro.ameli.fr/aat/'),
  doc: document,
  date: '2026-11-28',
  profile: { profession: 'medecin-generaliste' as const },
  lang: 'fr' as const,
  services: {},
};

const finding = (ruleId: string, severity: 'blocking' | 'warning' | 'info' = 'warning') => ({
  ruleId,
  featureId: 'x',
  severity,
  title: { fr: ruleId, en: ruleId },
  message: { fr: 'm', en: 'm' },
});

function setup(features: Feature[], isEnabled?: (id: string) => boolean) {
  const states: ManagerState[] = [];
  const errors: string[] = [];
  const m = new FeatureManager({ features, onChange: (s) => states.push(s), onError: (id) => errors.push(id), isEnabled });
  return { m, states, errors, last: () => states.at(-1)! };
}

describe('FeatureManager', () => {
  it('runs only the features of the page and merges their findings, most serious first', () => {
    const a = defineFeature({
      id: 'a',
      title: { fr: 'a', en: 'a' },
      pages: ['aat'],
      ruleIds: [],
      run: (c) => c.report({ findings: [finding('r.info', 'info')], cannotCheck: [] }),
    });
    const b = defineFeature({
      id: 'b',
      title: { fr: 'b', en: 'b' },
      pages: ['aat'],
      ruleIds: [],
      run: (c) => c.report({ findings: [finding('r.block', 'blocking')], cannotCheck: [] }),
    });
    const other = defineFeature({
      id: 'o',
      title: { fr: 'o', en: 'o' },
      pages: ['home'],
      ruleIds: [],
      run: (c) => c.report({ findings: [finding('r.home')], cannotCheck: [] }),
    });
    const { m, last } = setup([a, b, other]);
    m.start(env);
    expect(last().findings.map((f) => f.ruleId)).toEqual(['r.block', 'r.info']);
    expect(last().ran).toEqual(['a', 'b']);
  });

  it('isolates a feature that throws (sync or async): the others still report and the error is recorded', async () => {
    const bad = defineFeature({
      id: 'bad',
      title: { fr: 'b', en: 'b' },
      pages: ['aat'],
      ruleIds: [],
      run: () => {
        throw new Error('NIR 1850575123456 introuvable');
      },
    });
    const badAsync = defineFeature({
      id: 'bad-async',
      title: { fr: 'b', en: 'b' },
      pages: ['aat'],
      ruleIds: [],
      run: async () => {
        throw new TypeError('boom');
      },
    });
    const good = defineFeature({
      id: 'good',
      title: { fr: 'g', en: 'g' },
      pages: ['aat'],
      ruleIds: [],
      run: (c) => c.report({ findings: [finding('r.good')], cannotCheck: [] }),
    });
    const { m, last, errors } = setup([bad, badAsync, good]);
    m.start(env);
    await Promise.resolve();
    await Promise.resolve();
    expect(last().findings.map((f) => f.ruleId)).toEqual(['r.good']);
    expect(errors.sort()).toEqual(['bad', 'bad-async']);
    const failed = last().failed.find((f) => f.featureId === 'bad')!;
    expect(failed.message).not.toContain('1850575123456');
  });

  it('aborts the previous run on restart and ignores late reports from it', () => {
    const signals: AbortSignal[] = [];
    let lateReport: (() => void) | undefined;
    const f = defineFeature({
      id: 'f',
      title: { fr: 'f', en: 'f' },
      pages: ['aat', 'home'],
      ruleIds: [],
      run: (c, signal) => {
        signals.push(signal);
        lateReport = () => c.report({ findings: [finding(`late.${c.page}`)], cannotCheck: [] });
      },
    });
    const { m, last } = setup([f]);
    m.start(env);
    const first = lateReport!;
    m.start({ ...env, page: 'home' });
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[1]!.aborted).toBe(false);
    first();
    expect(last().findings).toEqual([]);
    expect(last().page).toBe('home');
  });

  it('skips features switched off in the options', () => {
    const run: Feature['run'] = (c) => c.report({ findings: [finding('r')], cannotCheck: [] });
    const f = defineFeature({ id: 'off', title: { fr: 'f', en: 'f' }, pages: ['aat'], ruleIds: [], run });
    const { m, last } = setup([f], (id) => id !== 'off');
    m.start(env);
    expect(last().ran).toEqual([]);
    expect(last().findings).toEqual([]);
  });

  it('masks digit runs in recorded error messages and bounds their length', () => {
    expect(safeErrorMessage(new Error('2 85 05 75 123 456 78'))).not.toMatch(/\d{3}/);
    expect(safeErrorMessage('x'.repeat(1000)).length).toBeLessThanOrEqual(200);
  });
});
