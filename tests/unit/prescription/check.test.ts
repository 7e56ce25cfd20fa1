import { describe, expect, it } from 'vitest';
import { checkPrescription, loadLexicon } from '../../../lib/prescription';
import { getRule } from '../../../lib/rules';

const R = {
  required: 'secure-prescription.required',
  dosage: 'secure-prescription.letters.dosage',
  posology: 'secure-prescription.letters.posology',
  duration: 'secure-prescription.letters.duration',
  max: 'secure-prescription.max-duration',
  aglp1: 'aglp1.justification-form',
  aglp1Ph: 'aglp1.pharmacist-form-on-file',
};
const AFTER = '2026-11-28';
const ids = (line: string, date = AFTER, profession?: string) =>
  checkPrescription(line, { date, ...(profession ? { profession } : {}) }).lines[0]?.findings.map((f) => f.ruleId) ?? [];
const one = (line: string, date = AFTER, profession?: string) => checkPrescription(line, { date, ...(profession ? { profession } : {}) }).lines[0]!;

const GOOD = 'Tramadol LP cent milligrammes : un comprimé matin et soir pendant sept jours';

describe('contract', () => {
  it('returns one entry per non-empty line, in order, with products and findings', () => {
    const r = checkPrescription('Doliprane 1 g\n\n   \nIxprim 1 cp x3/j 5 j\r\nAmoxicilline', { date: AFTER });
    expect(r.lines.map((l) => l.text)).toEqual(['Doliprane 1 g', 'Ixprim 1 cp x3/j 5 j', 'Amoxicilline']);
    expect(r.lines[0]!.products).toEqual([]);
    expect(r.lines[0]!.findings).toEqual([]);
    const ix = r.lines[1]!;
    expect(ix.products[0]).toMatchObject({ substances: expect.arrayContaining(['tramadol']), classes: ['tramadol-codeine'] });
    for (const f of ix.findings) {
      expect(['blocking', 'warning', 'info']).toContain(f.severity);
      expect(f.link).toBe(getRule(f.ruleId).link);
      expect(f.message.length).toBeGreaterThan(40);
    }
  });

  it('takes severity and link from the catalogue', () => {
    const f = one('Ixprim 1 cp x3/j 5 j').findings.find((x) => x.ruleId === R.required)!;
    expect(f.severity).toBe(getRule(R.required).severity);
    expect(f.link).toBe(getRule(R.required).link);
  });

  it('works before and after the product table is loaded', async () => {
    const before = one('Topalgic LP 100 mg cp').products[0]!;
    await loadLexicon();
    const after = one('Topalgic LP 100 mg cp').products[0]!;
    expect(before.classes).toEqual(after.classes);
    expect(after.cis).toBe('68303979');
  });
});

describe('secure-prescription.required — dates from the catalogue', () => {
  const from = getRule(R.required).from; // 2025-03-01
  const tEnd = getRule(R.required).transition!.until; // 2025-03-31
  it.each([
    ['2025-02-28', false, undefined],
    [from, true, 'warning'],
    ['2025-03-02', true, 'warning'],
    [tEnd, true, 'warning'],
    ['2025-04-01', true, 'blocking'],
    [AFTER, true, 'blocking'],
  ])('on %s: finding %s (%s)', (date, expected, severity) => {
    const f = one('Ixprim 37,5mg/325mg 1 cp x3/j 5 j', date).findings.find((x) => x.ruleId === R.required);
    expect(f !== undefined).toBe(expected);
    if (f) {
      expect(f.severity).toBe(severity);
      expect(f.message).toMatch(/ordonnance sécurisée/);
      expect(f.message).toMatch(/ordonnance numérique/);
      if (date <= tEnd) expect(f.message).toMatch(/Tolérance/);
      else expect(f.message).not.toMatch(/Tolérance/);
    }
  });

  it.each(['Skenan LP 30 mg', 'Durogesic 25', 'Oxynorm 10 mg', 'morphine 10 mg'])(
    'stupéfiant %s: its own regime rule, not the tramadol/codeine one',
    (line) => {
      expect(ids(line)).not.toContain(R.required);
      const f = one(line).findings.find((x) => x.ruleId === 'stupefiants.secure-prescription');
      expect(f?.message).toMatch(/stupéfiant/);
      expect(f?.severity).toBe('blocking');
    },
  );

  it.each(['Doliprane 1000', 'Lamaline', 'Izalgi', 'Dafalgan 1 g', 'pholcodine', 'Ozempic 1 mg'])('not for %s', (line) => {
    expect(ids(line)).not.toContain(R.required);
  });

  it('addresses the pharmacist differently', () => {
    expect(one('Ixprim 1 cp', AFTER, 'pharmacien').findings[0]!.message).toMatch(/Ne délivrez que/);
  });
});

describe('mentions en toutes lettres', () => {
  it('accepts a fully written line', () => {
    expect(ids(GOOD)).toEqual([R.required]);
  });

  it.each([
    ['Ixprim 37,5mg/325mg 1 cp x3/j pendant 5 j', [R.dosage, R.posology, R.duration]],
    ['Tramadol 50 mg 1 gél 3 fois par jour pendant 10 jours', [R.dosage, R.posology, R.duration]],
    ['Tramadol cinquante milligrammes 1-0-1 pendant sept jours', [R.posology]],
    ['Tramadol cinquante milligrammes 2 cp matin et soir pendant sept jours', [R.posology]],
    ['Tramadol cinquante milligrammes un comprimé x3/j pendant sept jours', [R.posology]],
    ['Tramadol cinquante milligrammes un comprimé 3 fois par jour pendant sept jours', [R.posology]],
    ['Tramadol cinquante milligrammes un comprimé au coucher pendant sept jours', []],
    ['Tramadol cinquante milligrammes un comprimé trois fois par jour pendant 2 semaines', [R.duration]],
    ['Tramadol cinquante milligrammes un comprimé trois fois par jour', [R.duration]],
    ['Tramadol cinquante milligrammes un comprimé trois fois par jour QSP 1 mois', [R.duration]],
    ['Tramadol cinquante milligrammes un comprimé trois fois par jour pendant quinze jours', []],
    ['Tramadol cinquante milligrammes un comprimé trois fois par jour pendant vingt et un jours', []],
    ['Tramadol cinquante milligrammes un comprimé trois fois par jour pendant un mois', []],
    ['Tramadol 50 mg (cinquante milligrammes) 1 (un) comprimé trois fois par jour pendant 7 (sept) jours', []],
    ['Topalgic LP 100 un comprimé matin et soir pendant huit semaines', [R.dosage]],
    ['Dafalgan codéiné deux comprimés trois fois par jour pendant cinq jours', [R.dosage]],
    ['Codoliprane cinq cents milligrammes / trente milligrammes, un comprimé trois fois par jour pendant cinq jours', []],
    ['Ixprim trente-sept milligrammes et demi / trois cent vingt-cinq milligrammes un comprimé toutes les 6 h pendant cinq jours', [R.posology]],
    ['Contramal 100 mg/ml sol. buv. 20 gouttes x3/j 5j', [R.dosage, R.posology, R.duration]],
    ['Dicodin', [R.dosage, R.posology, R.duration]],
  ])('%s', (line, expected) => {
    expect(
      ids(line)
        .filter((id) => id !== R.required)
        .sort(),
    ).toEqual([...expected].sort());
  });

  it('proposes the words to write', () => {
    const f = one('Ixprim 37,5mg/325mg 1 cp x3/j pendant 5 j').findings;
    expect(f.find((x) => x.ruleId === R.dosage)!.message).toMatch(/trente-sept virgule cinq milligrammes/);
    expect(f.find((x) => x.ruleId === R.posology)!.message).toMatch(/un comprimé trois fois par jour/);
    expect(f.find((x) => x.ruleId === R.duration)!.message).toMatch(/cinq jours/);
  });

  it('only applies to lines needing a secured prescription', () => {
    expect(ids('Amoxicilline 1 g 1 cp x3/j 6 j')).toEqual([]);
    expect(ids('Ozempic 0,25 mg 1 inj/sem')).toEqual([R.aglp1]);
  });

  it.each(['2025-02-28'])('not before the rule date (%s)', (date) => {
    expect(ids('Ixprim 1 cp x3/j 5 j', date)).toEqual([]);
  });
});

describe('secure-prescription.max-duration', () => {
  const base = 'Tramadol cinquante milligrammes un comprimé trois fois par jour ';
  it.each([
    ['pendant trois mois', false],
    ['pendant douze semaines', false],
    ['pendant quatre-vingt-quatre jours', false],
    ['pendant quatre-vingt-cinq jours', true],
    ['pendant treize semaines', true],
    ['pendant quatre mois', true],
    ['pendant six mois', true],
    ['pendant un mois, à renouveler deux fois', false],
    ['pendant un mois, à renouveler 5 fois', true],
    ['QSP 6 mois', true],
    ['pendant 90 jours', true],
    ['pendant 12 semaines', false],
  ])('%s → over: %s', (dur, over) => {
    expect(ids(base + dur).includes(R.max)).toBe(over);
  });

  it('says the limit and what to write', () => {
    const f = one(base + 'pendant quatre mois').findings.find((x) => x.ruleId === R.max)!;
    expect(f.message).toMatch(/12 semaines/);
    expect(f.message).toMatch(/douze semaines/);
  });

  it.each([
    ['Skenan LP trente milligrammes une gélule matin et soir pendant vingt-huit jours', 'stupefiants.max-duration', false],
    ['Skenan LP trente milligrammes une gélule matin et soir pendant cinq semaines', 'stupefiants.max-duration', true],
    ['Skenan LP trente milligrammes une gélule matin et soir pendant deux mois', 'stupefiants.max-duration', true],
    ['Lyrica soixante-quinze milligrammes une gélule matin et soir pendant six mois', 'secure-form.max-duration', false],
    ['Lyrica soixante-quinze milligrammes une gélule matin et soir pendant sept mois', 'secure-form.max-duration', true],
  ])('limit from the drug database: %s → %s over: %s', (line, rule, over) => {
    expect(ids(line).includes(rule)).toBe(over);
    expect(ids(line)).not.toContain(R.max); // the 12 weeks of tramadol/codeine are theirs alone
  });

  it('does not apply before the rule date', () => {
    expect(ids(base + 'pendant six mois', '2025-02-28')).not.toContain(R.max);
  });
});

describe('AGLP-1 justification form', () => {
  const from = getRule(R.aglp1).from; // 2025-02-01
  const tEnd = getRule(R.aglp1).transition!.until;
  it.each([
    ['2025-01-31', false, false],
    [from, true, true],
    ['2025-02-02', true, true],
    [tEnd, true, true],
    ['2025-05-01', true, false],
    [AFTER, true, false],
  ])('Ozempic on %s: finding %s, transition %s', (date, expected, transition) => {
    const f = one('Ozempic 0,5 mg une injection par semaine', date).findings.find((x) => x.ruleId === R.aglp1);
    expect(f !== undefined).toBe(expected);
    if (f) {
      expect(f.message).toMatch(/justificatif/);
      expect(/souplesse|01\/05\/2025/.test(f.message)).toBe(transition);
    }
  });

  it.each(['Ozempic', 'Victoza 6 mg/ml', 'Trulicity 1,5', 'dulaglutide 1,5 mg'])('%s is in the form scope', (line) => {
    expect(ids(line)).toContain(R.aglp1);
  });
  it.each(['liraglutide', 'sémaglutide', 'sémaglutide 1 mg', 'liraglutide 3 mg'])(
    '%s alone may be another brand: an information, not the form finding',
    (line) => {
      expect(ids(line)).not.toContain(R.aglp1);
      const f = one(line).findings.find((x) => x.ruleId === 'aglp1.form-scope');
      expect(f?.severity).toBe('info');
      expect(f?.message).toMatch(/Ozempic, Trulicity et Victoza/);
    },
  );
  it.each(['sémaglutide 2,4 mg', 'Byetta 10'])('%s is out of the form scope (obesity dose, or a product outside the three)', (line) => {
    expect(ids(line)).not.toContain(R.aglp1);
    expect(ids(line)).not.toContain('aglp1.form-scope');
  });
  it.each(['Wegovy 2,4 mg', 'Saxenda', 'Mounjaro 5 mg', 'Xultophy'])('%s is out of the form scope (class only)', (line) => {
    const l = one(line);
    expect(l.products[0]!.classes).toEqual(['aglp1']);
    expect(l.findings).toEqual([]);
  });

  it('tells the pharmacist to hold the form before dispensing and billing', () => {
    const l = one('Ozempic 1 mg', AFTER, 'pharmacien');
    const f = l.findings[0]!;
    expect([R.aglp1, R.aglp1Ph]).toContain(f.ruleId);
    expect(f.message).toMatch(/avant la délivrance et la facturation/);
  });
});

describe('robustness', () => {
  const inputs: Array<[string, string]> = [
    ['empty', ''],
    ['spaces', ' \n\t\n '],
    ['emoji', '💊 Tramadol 50 mg 😀 1 cp x3/j 🚀\n🙂'],
    ['html', '<div><b>Ixprim</b> 1 cp<br>x3/j</div><script>alert(1)</script>'],
    ['control characters', 'Tra\u0000madol\u0007 50\u001b[31m mg\u0008 \u202e1 cp'],
    ['one 1 MB line', 'Tramadol 50 mg 1 cp x3/j '.repeat(42_000)],
    ['1 MB of digits', '1'.repeat(1_000_000)],
    ['1 MB of letters', 'a'.repeat(1_000_000)],
    ['1 MB of dashes', '1-'.repeat(500_000)],
    ['10 000 lines', Array.from({ length: 10_000 }, (_, i) => (i % 3 ? 'Doliprane 1 g 1 cp x3/j' : 'Ixprim 1 cp x3/j 5 j')).join('\n')],
    ['lone surrogates', '\ud800Tramadol\udfff'],
    ['number words only', 'vingt et un '.repeat(20_000)],
  ];
  it.each(inputs)('%s: returns without throwing, in bounded time', (_name, text) => {
    const t0 = performance.now();
    const r = checkPrescription(text, { date: AFTER });
    expect(Array.isArray(r.lines)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(15_000);
  });

  it('keeps one entry per non-empty line for 10 000 lines', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `Ligne ${i} Tramadol 50 mg`).join('\n');
    expect(checkPrescription(text, { date: AFTER }).lines).toHaveLength(10_000);
  });

  it('accepts a bad date or no context without throwing', () => {
    expect(() => checkPrescription('Ixprim', { date: 'hier' })).not.toThrow();
    expect(() => checkPrescription('Ixprim', undefined as unknown as { date: string })).not.toThrow();
    expect(() => checkPrescription(undefined as unknown as string, { date: AFTER })).not.toThrow();
  });
});

describe('regimes, one by one — the lines a new user tried', () => {
  const T = '2026-12-04';
  /** [line, date, rule ids expected among the findings, rule ids that must not be there] */
  const CASES: Array<[string, string, string[], string[]]> = [
    // 2. assimilated "en toutes lettres sur ordonnance sécurisée": clonazépam by mouth, resolved by strength and form
    ['Rivotril 2 mg comprimé, un demi le soir pendant quatre semaines', T, ['assimiles.secure-prescription', 'assimiles.letters.dosage'], [R.duration]],
    ['clonazépam 2,5 mg/ml gouttes, cinq gouttes le soir pendant deux semaines', T, ['assimiles.secure-prescription'], []],
    ['Rivotril 1 mg/1 ml injectable', T, [], ['assimiles.secure-prescription']],
    ['TRANXENE 20 mg gélule', T, ['assimiles.secure-prescription'], []],
    ['Tranxène 20 mg', T, ['assimiles.secure-prescription'], []], // the capsule: the injection is written 20 mg/2 ml
    ['Tranxène 5 mg gélule', T, [], ['assimiles.secure-prescription']],
    ['TEMGESIC 0,2 mg comprimé sublingual', T, ['assimiles.secure-prescription'], []],
    ['Stilnox dix milligrammes, un comprimé au coucher pendant cinq semaines', T, ['assimiles.max-duration'], ['assimiles.letters.dosage']],
    // 1. stupéfiants: letters for dosage and posology, not for the duration; limits per product and form
    [
      'Skenan LP 30 mg : trente milligrammes, une gélule matin et soir pendant 28 jours',
      T,
      ['stupefiants.secure-prescription'],
      [R.duration, 'stupefiants.letters.dosage', 'stupefiants.letters.posology', 'stupefiants.max-duration'],
    ],
    ['Skenan LP 30 mg : trente milligrammes, une gélule matin et soir pendant 28 jours', '2025-02-15', ['stupefiants.secure-prescription'], []],
    ['Méthadone AP-HP 40 mg sirop, quarante milligrammes, une dose par jour pendant vingt et un jours', T, ['stupefiants.max-duration'], []],
    [
      'Méthadone AP-HP 40 mg gélule, quarante milligrammes, une gélule par jour pendant vingt et un jours',
      T,
      ['stupefiants.secure-prescription'],
      ['stupefiants.max-duration'],
    ],
    [
      'Subutex huit milligrammes, un comprimé par jour pendant vingt-huit jours',
      T,
      ['secure-prescription.split-dispensing', 'secure-prescription.pharmacist-name'],
      ['assimiles.max-duration'],
    ],
    [
      'Subutex huit milligrammes, un comprimé par jour pendant vingt-huit jours, délivrance en une seule fois, pharmacie du Centre',
      T,
      ['assimiles.secure-prescription'],
      ['secure-prescription.split-dispensing', 'secure-prescription.pharmacist-name'],
    ],
    // 3. secure form only: prégabaline, 6 months, no letters
    ['Lyrica 75 mg gélule, 1 matin et soir', T, ['secure-form.secure-prescription'], ['secure-form.letters.dosage', R.dosage, R.posology]],
    ['Lyrica 75 mg gélule, 1 matin et soir', '2021-05-23', [], ['secure-form.secure-prescription']],
    ['Lyrica 75 mg gélule, 1 matin et soir', '2021-05-24', ['secure-form.secure-prescription'], []],
    // 4. tramadol, codeine, dihydrocodeine: the only regime with the duration in letters
    ['Euphon sirop, une cuillère trois fois par jour pendant 5 jours', T, [R.required, R.duration], []],
    ['Ixprim 1 cp x3/j 5 j', '2025-02-28', [], [R.required]],
    // 5. AGLP-1: the form for Ozempic, Trulicity, Victoza; a substance alone at an obesity dose is not the form finding
    ['sémaglutide 2,4 mg', T, [], [R.aglp1]],
    ['liraglutide 3 mg', T, ['aglp1.form-scope'], [R.aglp1]],
    ['Trulicity 1,5 mg', T, [R.aglp1], []],
  ];
  it.each(CASES)('%s (%s)', (line, date, present, absent) => {
    const got = ids(line, date);
    for (const id of present) expect(got, `${id} expected`).toContain(id);
    for (const id of absent) expect(got, `${id} not expected`).not.toContain(id);
    if (present.length === 0) expect(got.filter((id) => /secure-prescription$|\.required$/.test(id))).toEqual([]);
  });

  it('a line that does not say which presentation gets a warning, never silence', () => {
    for (const line of ['Rivotril', 'Tranxène', 'Euphon', 'Temgesic']) {
      const f = one(line).findings.find((x) => /secure-prescription$|\.required$/.test(x.ruleId));
      expect(f?.severity, line).toBe('warning');
      expect(f?.message, line).toMatch(/certaines présentations/);
    }
  });

  it('says in English what it says in French', () => {
    for (const f of one('Skenan LP 30 mg 1 gél x2/j 5 semaines').findings) {
      expect(f.text.en).not.toBe(f.text.fr);
      expect(f.text.en.length).toBeGreaterThan(20);
    }
  });
});
