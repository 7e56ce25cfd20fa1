/**
 * FeatureManager with features that throw, hang, or report garbage: whatever they do, the state handed to the UI
 * stays valid (known page, well-formed findings), the well-behaved features keep their findings, and a broken
 * feature is listed as failed, never as a silent pass.
 */
import { cleanOutput, FeatureManager, type ManagerState } from '../../../lib/features/manager';
import { definePageRulesFeature } from '../../../lib/features/page-rules';
import { defineFeature, type Feature, type FeatureContext } from '../../../lib/features/types';
import { PAGE_TYPES } from '../../../lib/pages/types';
import { forSeedsAsync, NASTY, type Rng } from './rng';

const env = {
  page: 'aat' as const,
  url: new URL('https://espacepro.ameli.fr/aat/'),
  doc: document,
  date: '2026-11-28',
  profile: { profession: 'medecin-generaliste' as const },
  lang: 'fr' as const,
  services: {},
};

const good = (ruleId: string) => ({
  ruleId,
  featureId: 'good',
  severity: 'warning' as const,
  title: { fr: ruleId, en: ruleId },
  message: { fr: 'm', en: 'm' },
});

const isText = (t: unknown) => !!t && typeof (t as { fr?: unknown }).fr === 'string' && typeof (t as { en?: unknown }).en === 'string';

/** What the overlay, the badge and the popup rely on. */
function assertValid(s: ManagerState, where: string): void {
  const fail = (why: string) => {
    throw new Error(`${where}: ${why}`);
  };
  if (!(PAGE_TYPES as readonly string[]).includes(s.page)) fail(`page ${String(s.page)}`);
  if (!Array.isArray(s.findings) || !Array.isArray(s.cannotCheck) || !Array.isArray(s.failed) || !Array.isArray(s.ran)) fail('not arrays');
  for (const f of s.findings) {
    if (!f || typeof f !== 'object') fail('finding not an object');
    if (typeof f.ruleId !== 'string' || typeof f.featureId !== 'string') fail('finding ids');
    if (!['blocking', 'warning', 'info'].includes(f.severity)) fail(`severity ${String(f.severity)}`);
    if (!isText(f.title) || !isText(f.message)) fail('finding texts');
  }
  for (const c of s.cannotCheck) {
    if (!c || typeof c.featureId !== 'string' || !isText(c.reason)) fail('cannotCheck');
  }
  // serialisable: the state goes to the background as a message
  JSON.stringify({ ...s, findings: s.findings.map(({ pageOnly: _p, ...f }) => f) });
}

function garbage(r: Rng): unknown {
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  const throwing = Object.defineProperty({}, 'findings', {
    get() {
      throw new Error('getter');
    },
  });
  const trap = () => {
    throw new Error('trap');
  };
  return r.pick<unknown>([
    null,
    undefined,
    42,
    'findings',
    [],
    {},
    { findings: null, cannotCheck: [] },
    { findings: [], cannotCheck: null },
    { findings: 'abc', cannotCheck: 'def' },
    { findings: [null], cannotCheck: [undefined] },
    { findings: [{ ruleId: 7, severity: 'fatal' }], cannotCheck: [] },
    { findings: [{ ...good('x'), severity: 'critical' }], cannotCheck: [] },
    { findings: [{ ...good('x'), title: null }], cannotCheck: [] },
    { findings: [{ ...good('x'), message: 'plain' }], cannotCheck: [] },
    { findings: [cycle], cannotCheck: [cycle] },
    { findings: [{ ...good('x'), detail: cycle }], cannotCheck: [] },
    { findings: [], cannotCheck: [{ featureId: 'x' }] },
    { findings: [], cannotCheck: [{ featureId: 'x', reason: { fr: 1 } }] },
    throwing,
    new Proxy({}, { get: trap, ownKeys: trap, has: trap }),
    { findings: new Proxy([], { get: trap }), cannotCheck: [] },
    { findings: Array.from({ length: 5 }, () => ({ ...good(r.pick(NASTY)), title: { fr: r.pick(NASTY), en: r.pick(NASTY) } })), cannotCheck: [] },
  ]);
}

type Behaviour = (c: FeatureContext, signal: AbortSignal, r: Rng) => void | Promise<void>;

const BEHAVIOURS: Record<string, Behaviour> = {
  throwsSync: () => {
    throw new Error('NIR 2850575123456 dans le message');
  },
  throwsNonError: () => {
    throw Object.assign(Object.create(null), { x: 1 });
  },
  throwsHostile: () => {
    throw new Proxy(
      {},
      {
        get: () => {
          throw new Error('again');
        },
      },
    );
  },
  rejects: async () => {
    await Promise.resolve();
    throw new TypeError('async');
  },
  rejectsWithNull: () => Promise.reject(null),
  hangs: () => new Promise<void>(() => {}),
  reportsGarbage: (c, _s, r) => c.report(garbage(r) as never),
  reportsGarbageLater: async (c, _s, r) => {
    await Promise.resolve();
    c.report(garbage(r) as never);
  },
  reportsManyTimes: (c, _s, r) => {
    for (let i = 0; i < 200; i++) c.report({ findings: [good(`many.${r.int(0, 3)}`)], cannotCheck: [] });
  },
  reportsAfterAbort: (c, signal) => {
    signal.addEventListener('abort', () => c.report({ findings: [good('after-abort')], cannotCheck: [] }));
  },
  reportsThenThrows: (c) => {
    c.report({ findings: [good('then-throws')], cannotCheck: [] });
    throw new Error('after report');
  },
  returnsThenable: () =>
    ({
      // biome-ignore lint/suspicious/noThenProperty: a thenable that throws, on purpose
      then: () => {
        throw new Error('thenable');
      },
      catch: () => {
        throw new Error('catch');
      },
    }) as unknown as Promise<void>,
  mutatesItsOutput: (c) => {
    const out = { findings: [good('mutated')], cannotCheck: [] };
    c.report(out);
    (out.findings as unknown[]).push(null);
    (out as { findings: unknown }).findings = null;
  },
};

const feature = (id: string, behaviour: Behaviour, r: Rng): Feature =>
  defineFeature({ id, title: { fr: id, en: id }, pages: ['aat'], ruleIds: [], run: (c, s) => behaviour(c, s, r) });

const wellBehaved = defineFeature({
  id: 'good',
  title: { fr: 'g', en: 'g' },
  pages: ['aat'],
  ruleIds: [],
  run: (c) => c.report({ findings: [good('good.rule')], cannotCheck: [] }),
});

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((res) => setTimeout(res, 0));
};

describe('FeatureManager with misbehaving features', () => {
  for (const [name, behaviour] of Object.entries(BEHAVIOURS)) {
    it(`${name}: state stays valid, the well-behaved feature keeps its finding`, async () => {
      await forSeedsAsync(20, async (r, seed) => {
        const states: ManagerState[] = [];
        const features = r.shuffle([feature('bad', behaviour, r), wellBehaved, feature('bad2', r.pick(Object.values(BEHAVIOURS)), r)]);
        const m = new FeatureManager({ features, onChange: (s) => states.push(s), onError: () => {} });
        expect(() => m.start(env)).not.toThrow();
        await flush();
        expect(() => m.state()).not.toThrow();
        states.push(m.state());
        for (const [i, s] of states.entries()) assertValid(s, `seed ${seed} state ${i}`);
        const last = m.state();
        expect(
          last.findings.map((f) => f.ruleId),
          `seed ${seed}`,
        ).toContain('good.rule');
        expect(last.findings.some((f) => f.ruleId === 'after-abort')).toBe(false);
        // a broken feature is never silent: either its output is there, or it is listed as failed
        // restart on another page: nothing leaks from the previous run
        expect(() => m.start({ ...env, page: 'home' })).not.toThrow();
        await flush();
        assertValid(m.state(), `seed ${seed} after restart`);
        expect(m.state().findings).toEqual([]);
        for (const f of m.state().failed) expect(f.message).not.toMatch(/2850575123456/);
      });
    });
  }

  it('garbage output is listed as a failure of that feature and said as "impossible de vérifier", never dropped silently', async () => {
    await forSeedsAsync(40, async (r, seed) => {
      const g = garbage(r);
      const m = new FeatureManager({
        features: [
          defineFeature({ id: 'bad', title: { fr: 'Mauvaise', en: 'Bad' }, pages: ['aat'], ruleIds: [], run: (c) => c.report(g as never) }),
          wellBehaved,
        ],
        onChange: () => {},
      });
      m.start(env);
      await flush();
      const s = m.state();
      assertValid(s, `seed ${seed}`);
      const clean = cleanOutput(g);
      if (clean) {
        expect(s.findings.length, `seed ${seed}`).toBe(1 + clean.findings.length);
      } else {
        expect(
          s.failed.map((f) => f.featureId),
          `seed ${seed}`,
        ).toEqual(['bad']);
        expect(
          s.cannotCheck.filter((c) => c.featureId === 'bad'),
          `seed ${seed}`,
        ).toHaveLength(1);
      }
    });
  });

  it('a feature that throws is shown as "impossible de vérifier" with its title', () => {
    const m = new FeatureManager({
      features: [
        defineFeature({
          id: 'bad',
          title: { fr: 'Mauvaise', en: 'Bad' },
          pages: ['aat'],
          ruleIds: [],
          run: () => {
            throw new Error('x');
          },
        }),
      ],
      onChange: () => {},
    });
    m.start(env);
    expect(m.state().cannotCheck).toEqual([{ featureId: 'bad', reason: expect.objectContaining({ fr: expect.stringContaining('Mauvaise') }) }]);
  });

  it('an onChange that throws (the UI failing to draw) does not turn into a feature failure loop', () => {
    let calls = 0;
    const m = new FeatureManager({
      features: [wellBehaved],
      onChange: () => {
        calls++;
        throw new Error('render');
      },
    });
    expect(() => m.start(env)).not.toThrow();
    expect(calls).toBeLessThan(10);
    assertValid(m.state(), 'throwing onChange');
  });

  it('a thousand restarts with misbehaving features: no leak of outputs between pages', async () => {
    await forSeedsAsync(1, async (r) => {
      const features = [wellBehaved, ...Object.entries(BEHAVIOURS).map(([id, b]) => feature(id, b, r))];
      const m = new FeatureManager({ features, onChange: () => {}, onError: () => {} });
      for (let i = 0; i < 1000; i++) m.start({ ...env, page: r.pick(['aat', 'home'] as const) });
      m.start(env);
      await flush();
      assertValid(m.state(), 'restarts');
      m.stop();
      expect(m.state().findings).toEqual([]);
    });
  });
});

describe('a feature that breaks on a later re-check', () => {
  it('its stale output is replaced by "impossible de vérifier", and it recovers when the page does', async () => {
    let calls = 0;
    let broken = false;
    const f = definePageRulesFeature({
      id: 'later',
      title: { fr: 'Plus tard', en: 'Later' },
      pages: ['aat'],
      ruleIds: ['aat.duration-limit'],
      extract: () => {
        calls++;
        if (broken) throw new Error('page changed under the reader');
        return { facts: { aat: { mode: 'online', kind: 'initial', start: '2026-11-02', end: '2026-12-15' } }, missing: [] };
      },
    });
    const m = new FeatureManager({ features: [f], onChange: () => {} });
    m.start(env);
    expect(m.state().findings.map((x) => x.ruleId)).toEqual(['aat.duration-limit']);
    broken = true;
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).toBeGreaterThan(1);
    const s = m.state();
    expect(s.findings).toEqual([]);
    expect(s.failed.map((x) => x.featureId)).toEqual(['later']);
    expect(s.cannotCheck.map((x) => x.featureId)).toEqual(['later']);
    broken = false;
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 400));
    expect(m.state().findings.map((x) => x.ruleId)).toEqual(['aat.duration-limit']);
    expect(m.state().failed).toEqual([]);
    m.stop();
  });
});
