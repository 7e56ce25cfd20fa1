/**
 * The readers of page values under hostile input: strings (huge, unicode, numbers that overflow), values that are
 * not strings at all (objects whose toString throws, proxies, cycles), and hostile DOMs (deep nesting, thousands of
 * tiles, garbage attributes). Never throws, bounded time, and never invents a value.
 */
import { extractAat } from '../../../lib/page-facts/aat';
import { medicineFields } from '../../../lib/page-facts/prescription-fields';
import { findFrDate, parseFrDate, parseFrNumber } from '../../../lib/page-facts/read';
import { parseIndicatorValue, readConventionStakes, readDeclarationBlocks, readIndicatorTiles } from '../../../lib/page-facts/indicators';
import { copyStakes } from '../../../lib/indicators/stakes';
import { parseAnnouncement, parseVersionReply } from '../../../lib/vitale/protocol';
import { forSeeds, NASTY, randomText, timed, type Rng } from './rng';
import { parse, snapshotHtml, mutate } from './snapshots';

const SLOW = { timeout: 120_000 };

/** Values that break code assuming a string or a plain object. */
function hostileValues(): unknown[] {
  const cycle: Record<string, unknown> = { service: 'version' };
  cycle.self = cycle;
  cycle.list = [cycle, cycle];
  const throwingGetter = Object.defineProperty({}, 'service', {
    enumerable: true,
    get() {
      throw new Error('getter');
    },
  });
  const throwingVersion = Object.defineProperty({ service: 'diagam_web_extension_is_loaded' }, 'version', {
    enumerable: true,
    get() {
      throw new Error('getter');
    },
  });
  const trap = () => {
    throw new Error('trap');
  };
  const proxy = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap });
  const lyingProxy = new Proxy(
    { service: 'version' },
    {
      ownKeys: () => Array.from({ length: 100_000 }, (_, i) => `k${i}`),
      getOwnPropertyDescriptor: () => ({ value: 'atsam 1.2', enumerable: true, configurable: true }),
    },
  );
  const badToString = { toString: trap, valueOf: trap, [Symbol.toPrimitive]: trap };
  let deep: Record<string, unknown> = { atsam: '4.67.03' };
  for (let i = 0; i < 10_000; i++) deep = { inner: deep, service: 'version' };
  const wide: Record<string, unknown> = { service: 'version' };
  for (let i = 0; i < 50_000; i++) wide[`atsam${i}`] = '4.67.03';
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  return [
    undefined,
    null,
    0,
    NaN,
    -Infinity,
    true,
    Symbol('x'),
    10n,
    () => 'tramadol',
    [],
    [1, [2, [3]]],
    {},
    cycle,
    throwingGetter,
    throwingVersion,
    proxy,
    lyingProxy,
    revoked.proxy,
    badToString,
    deep,
    wide,
    new Date(NaN),
    /x/g,
    new Map([['service', 'version']]),
    Object.create(null),
    JSON.stringify({ service: 'version', atsam: '4.67.03' }),
    '{'.repeat(20_000),
    `${'{"service":"version","inner":'.repeat(700)}{}${'}'.repeat(700)}`,
    'x'.repeat(5_000_000),
    '9'.repeat(100_000),
    ...NASTY,
  ];
}

const safely = (name: string, fn: () => unknown) => {
  try {
    return fn();
  } catch (err) {
    throw new Error(`${name} threw: ${err instanceof Error ? err.message : String(err)}`);
  }
};

describe('string readers: hostile values', () => {
  it('parseFrDate, findFrDate, parseFrNumber, parseIndicatorValue never throw and never invent a value', () => {
    for (const [i, v] of hostileValues().entries()) {
      const date = safely(`parseFrDate #${i}`, () => parseFrDate(v as string));
      if (date !== undefined) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const found = safely(`findFrDate #${i}`, () => findFrDate(v as string));
      if (found !== undefined) expect(found).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const n = safely(`parseFrNumber #${i}`, () => parseFrNumber(v as string));
      if (n !== undefined) expect(Number.isFinite(n)).toBe(true);
      const ind = safely(`parseIndicatorValue #${i}`, () => parseIndicatorValue(v as string)) as ReturnType<typeof parseIndicatorValue>;
      if (ind !== undefined) expect(Number.isFinite(ind.value)).toBe(true);
    }
  });

  it('random strings (2 000 cases): dates are real calendar dates, numbers are finite', () => {
    forSeeds(2000, (r, seed) => {
      const s = randomText(r, r.int(0, 8));
      const d = parseFrDate(s);
      if (d !== undefined && Number.isNaN(Date.parse(`${d}T00:00:00Z`))) throw new Error(`seed ${seed}: ${d}`);
      const f = findFrDate(s);
      if (f !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(f)) throw new Error(`seed ${seed}: ${f}`);
      const n = parseFrNumber(s);
      if (n !== undefined && !Number.isFinite(n)) throw new Error(`seed ${seed}: ${n}`);
      const v = parseIndicatorValue(s);
      if (v !== undefined && (!Number.isFinite(v.value) || (v.target !== undefined && !Number.isFinite(v.target))))
        throw new Error(`seed ${seed}: ${JSON.stringify(v)}`);
    });
  });

  it('impossible dates are refused, not rolled over', () => {
    for (const s of ['31/02/2026', '29/02/2025', '00/01/2026', '32/01/2026', '12/13/2026', '2026-02-30', '2026-13-01', '0/0/0000'])
      expect(parseFrDate(s), s).toBeUndefined();
    expect(parseFrDate('29/02/2024')).toBe('2024-02-29');
    expect(findFrDate('au 31/02/2026 puis le 01/03/2026')).toBeUndefined();
  });

  it('bounded time on huge strings', () => {
    const huge = ['1'.repeat(1_000_000), '1 '.repeat(500_000), `${'1/'.repeat(300_000)}2026`, `-${'\u00a0'.repeat(1_000_000)}`, '12/12/'.repeat(200_000)];
    for (const s of huge) {
      const { ms } = timed(() => {
        parseFrDate(s);
        findFrDate(s);
        parseFrNumber(s);
        parseIndicatorValue(s);
      });
      expect(ms, s.slice(0, 20)).toBeLessThan(2_000);
    }
  });
});

describe('carte Vitale parsers: hostile event details', () => {
  it('parseAnnouncement and parseVersionReply never throw, in bounded time, and keep only version strings', () => {
    for (const [i, v] of hostileValues().entries()) {
      const { value: a, ms: ma } = timed(() => safely(`parseAnnouncement #${i}`, () => parseAnnouncement(v)));
      const { value: rep, ms: mr } = timed(() => safely(`parseVersionReply #${i}`, () => parseVersionReply(v)));
      expect(ma + mr, `#${i}`).toBeLessThan(2_000);
      if (a && (a as { version?: string }).version !== undefined) expect((a as { version: string }).version).toMatch(/^\d[\d.]*$/);
      const reply = rep as ReturnType<typeof parseVersionReply>;
      if (reply.kind === 'reply') for (const c of reply.components) expect(c.version).toMatch(/^\d[\d.]*$/);
    }
  });

  it('random JSON-like details (1 000 cases)', () => {
    const keys = [
      'service',
      'version',
      'atsam',
      'srvsvcnam',
      'cryptolib',
      'nom',
      'name',
      'error',
      'message',
      'composants',
      '__proto__',
      'constructor',
      'toString',
    ];
    const value = (r: Rng, depth: number): unknown => {
      const k = r.int(0, depth > 4 ? 3 : 6);
      if (k === 0) return r.pick(['version', 'diagam_web_extension_is_loaded', '4.67.03', 'v5.2.6 (build 1)', ...NASTY]);
      if (k === 1) return r.int(-1e6, 1e6) / r.pick([1, 3, 0.001]);
      if (k === 2) return r.pick([null, undefined, true, false, NaN]);
      if (k === 3) return r.pick(NASTY);
      if (k === 4) return Array.from({ length: r.int(0, 5) }, () => value(r, depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = r.int(0, 6); i > 0; i--) o[r.pick(keys)] = value(r, depth + 1);
      return o;
    };
    forSeeds(1000, (r, seed) => {
      const v = value(r, 0);
      const detail = r.bool(0.3) ? (JSON.stringify(v) ?? 'undefined') : v;
      try {
        parseAnnouncement(detail);
        parseVersionReply(detail);
      } catch (err) {
        throw new Error(`seed ${seed}: ${String(err)}`);
      }
    });
  });
});

describe('DOM readers: hostile documents', () => {
  const convention = snapshotHtml('convention-medecin');
  const pharmacien = snapshotHtml('convention-pharmacien');
  const aat = snapshotHtml('aat');
  const atmp = snapshotHtml('atmp');
  const prescription = snapshotHtml('prescription');

  const readAll = (doc: Document) => {
    readIndicatorTiles(doc);
    readDeclarationBlocks(doc);
    // what it reads is always what the tab state accepts (the manager would otherwise drop the feature's output)
    const stakes = readConventionStakes(doc);
    if (copyStakes(stakes) === null) throw new Error(`malformed stakes: ${JSON.stringify(stakes)}`);
    extractAat(doc, false, 'aat');
    extractAat(doc, true, 'atmp');
    medicineFields(doc);
  };

  it('mangled test pages (120 cases): no reader throws', SLOW, () => {
    forSeeds(120, (r, seed) => {
      const doc = mutate(parse(r.pick([convention, pharmacien, aat, atmp, prescription])), r, r.int(1, 60));
      try {
        readAll(doc);
      } catch (err) {
        throw new Error(`seed ${seed}: ${String(err)}`);
      }
    });
  });

  it('garbage attributes, nested and empty progress bars, labels pointing nowhere or everywhere', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => `l${i}`).join(' ');
    const doc = parse(`<main>
      <div role="progressbar" aria-valuenow="NaN" aria-valuemax="0" aria-label="Progression : ${'x'.repeat(10_000)}"><div role="progressbar" aria-valuenow="1e309"></div></div>
      <div role="progressbar" aria-label="Progression :"></div>
      <section><h3></h3><p>La saisie sera fermée le 99/99/9999</p><p>Indicateurs déjà déclarés : 99999999999999999999/0</p></section>
      <p>La saisie est ouverte</p>
      <label for="a:b.c">Médicaments</label><textarea id="a:b.c">tramadol</textarea>
      <textarea aria-labelledby="${ids}"></textarea>
      <textarea aria-labelledby="   "></textarea>
      <label for="">Date de début de l'arrêt</label><input id="" value="${'1'.repeat(10_000)}">
      <input type="radio" id="-input-" value="prolongation"><input type="checkbox" id="x-input-99999999999999999999">
      <div role="checkbox" aria-checked="maybe">Téléconsultation</div>
      <dl><dt>Type d'arrêt</dt><dt>Arrêt</dt><dd>du 31/02/2026 au 45/13/2026</dd></dl>
    </main>`);
    const { ms } = timed(() => readAll(doc));
    expect(ms).toBeLessThan(5_000);
    const tiles = readIndicatorTiles(doc);
    for (const t of tiles) expect(Number.isFinite(t.value)).toBe(true);
    for (const b of readDeclarationBlocks(doc)) {
      if (b.declared !== undefined) expect(Number.isFinite(b.declared)).toBe(true);
      if (b.closesOn !== undefined) expect(b.closesOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('a very deep page and a page with thousands of tiles: bounded time', SLOW, () => {
    const deep = parse(
      `${'<div>'.repeat(3_000)}<div role="progressbar" aria-label="Progression : Dotation numérique"></div><p>72 %</p>${'</div>'.repeat(3_000)}`,
    );
    expect(timed(() => readAll(deep)).ms).toBeLessThan(5_000);
    const tile = (i: number) =>
      `<div><h3>Indicateur ${i}</h3><div role="progressbar" aria-valuenow="50" aria-label="Progression : Indicateur ${i}"></div><p>${i} %</p><p>Objectif : 80 %</p><p>Au 27/11/2026</p></div>`;
    const many = parse(`<main>${Array.from({ length: 2_000 }, (_, i) => tile(i)).join('')}</main>`);
    const { value, ms } = timed(() => readIndicatorTiles(many));
    expect(ms).toBeLessThan(10_000);
    expect(value.length).toBeGreaterThan(0);
  });
});
