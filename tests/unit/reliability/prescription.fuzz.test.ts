/**
 * checkPrescription under hostile text: random, huge, unicode edge cases, markup, control characters, many lines.
 * Never throws, one entry per non-empty input line (in order, with the line's text), bounded time.
 */
import { checkPrescription, loadLexicon } from '../../../lib/prescription';
import { forSeeds, MEDICAL, NASTY, randomText, timed } from './rng';

const CONTEXTS = [
  { date: '2026-11-28', profession: 'medecin-generaliste' },
  { date: '2026-11-28', profession: 'pharmacien' },
  { date: '2024-01-01', profession: 'medecin-specialiste' },
  { date: 'not a date' },
  { date: '2026-02-30', profession: '__proto__' },
] as const;

/** The contract, written independently of the implementation: lines split on any line terminator. */
function expectedLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function checkContract(text: string, seed: number | string, ctx: (typeof CONTEXTS)[number] = CONTEXTS[0]) {
  let result: ReturnType<typeof checkPrescription> | undefined;
  expect(() => {
    result = checkPrescription(text, ctx);
  }, `seed ${seed}`).not.toThrow();
  const lines = expectedLines(text);
  expect(result!.lines.length, `seed ${seed}: one entry per non-empty line`).toBe(lines.length);
  result!.lines.forEach((l, i) => {
    if (l.text !== lines[i]) throw new Error(`seed ${seed}: line ${i} text differs`);
    for (const f of l.findings) {
      if (typeof f.ruleId !== 'string' || !['blocking', 'warning', 'info'].includes(f.severity) || typeof f.message !== 'string')
        throw new Error(`seed ${seed}: malformed finding on line ${i}`);
    }
  });
  return result!;
}

describe('checkPrescription: fuzzed text', () => {
  it('random short texts (400 cases, every context): never throws, one entry per non-empty line', () => {
    forSeeds(400, (r, seed) => {
      const text = randomText(r, r.int(0, 30));
      checkContract(text, seed, r.pick(CONTEXTS));
    });
  });

  it('each hostile piece alone and around a secured medicine', () => {
    for (const piece of NASTY) {
      checkContract(piece, JSON.stringify(piece));
      checkContract(`Dafalgan codéiné ${piece} 2 cp x3/j ${piece} pendant 5 j`, JSON.stringify(piece));
      checkContract(`${piece}tramadol${piece}`, JSON.stringify(piece));
    }
  });

  it('a secured medicine hidden behind markup, RTL marks or combining accents is still a secured medicine', () => {
    // Not a false pass: decoration around the name must not make a tramadol line look fine.
    for (const wrap of [
      '<b>tramadol</b> 50 mg : 2 cp x3/j pendant 5 j',
      '\u202etramadol\u202c 50 mg',
      '\u00a0tramadol\u00a0',
      '\ufefftramadol 50 mg',
      // copied from a PDF or a word processor: soft hyphen, zero-width space and joiner inside the name, full-width letters
      'tra\u00admadol 50 mg',
      'trama\u200bdol 50 mg',
      'co\u200ddéine 30 mg',
      'Dafalgan co\u2060déiné',
      'ｔｒａｍａｄｏｌ 50 mg',
    ]) {
      const res = checkContract(wrap, JSON.stringify(wrap));
      expect(
        res.lines[0]!.findings.map((f) => f.ruleId),
        wrap,
      ).toContain('secure-prescription.required');
    }
  });

  it('10 000 lines of medicines: one entry each, in bounded time', () => {
    forSeeds(1, (r, seed) => {
      const lines = Array.from({ length: 10_000 }, () => `${r.pick(MEDICAL)} ${r.pick(MEDICAL)} ${r.pick(MEDICAL)}`);
      const { value, ms } = timed(() => checkContract(lines.join(r.pick(['\n', '\r\n', '\u2028'])), seed));
      expect(value.lines).toHaveLength(10_000);
      expect(ms, `seed ${seed}`).toBeLessThan(10_000);
    });
  });

  it('1 MB on a single line, 1 MB of random pieces, 1 MB of digits or markup: bounded time', () => {
    forSeeds(1, (r, seed) => {
      const oneLine = 'tramadol 50 mg '.repeat(Math.ceil(1_000_000 / 15)).slice(0, 1_000_000);
      const random = randomText(r, 120_000).slice(0, 1_000_000);
      const digits = '1234567890 '.repeat(100_000);
      const markup = '<'.repeat(500_000) + 'a>'.repeat(250_000);
      const surrogates = '\ud83d'.repeat(500_000) + '\u0301'.repeat(500_000);
      for (const [name, text] of Object.entries({ oneLine, random, digits, markup, surrogates })) {
        const { ms } = timed(() => checkContract(text, `${seed}/${name}`));
        expect(ms, `seed ${seed}: ${name} took ${Math.round(ms)} ms`).toBeLessThan(5_000);
      }
    });
  });

  it('non-string input does not throw', () => {
    for (const v of [undefined, null, 42, {}, [], Symbol.iterator.toString(), { toString: () => 'tramadol' }]) {
      expect(() => checkPrescription(v as unknown as string, CONTEXTS[0])).not.toThrow();
    }
    expect(() => checkPrescription('tramadol', undefined as never)).not.toThrow();
    expect(() => checkPrescription('tramadol', null as never)).not.toThrow();
  });

  it('with the full lexicon loaded too', async () => {
    await loadLexicon();
    forSeeds(100, (r, seed) => {
      checkContract(randomText(r, r.int(0, 40)), seed, r.pick(CONTEXTS));
    });
  });
});
