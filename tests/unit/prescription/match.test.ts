import { beforeAll, describe, expect, it } from 'vitest';
import { currentIndex, loadLexicon, type LexiconIndex } from '../../../lib/prescription/lexicon';
import { findProducts, isOneDeletion, oneDeletionEach } from '../../../lib/prescription/match';

type Cls = 'tramadol-codeine' | 'stupefiant' | 'aglp1';

/** [line, class expected on the first product, substance expected] */
const POSITIVES: Array<[string, Cls, string]> = [
  // tramadol, brand and generic spellings
  ['Ixprim', 'tramadol-codeine', 'tramadol'],
  ['IXPRIM 37,5mg/325mg 1 cp x3/j', 'tramadol-codeine', 'tramadol'],
  ['ixprim 37.5/325', 'tramadol-codeine', 'tramadol'],
  ['Topalgic', 'tramadol-codeine', 'tramadol'],
  ['Topalgic LP 100 mg', 'tramadol-codeine', 'tramadol'],
  ['Contramal 50 mg gél', 'tramadol-codeine', 'tramadol'],
  ['Contramal 100 mg/ml sol. buv.', 'tramadol-codeine', 'tramadol'],
  ['Zaldiar', 'tramadol-codeine', 'tramadol'],
  ['Zamudol LP 100', 'tramadol-codeine', 'tramadol'],
  ['Monocrixo LP 200', 'tramadol-codeine', 'tramadol'],
  ['Takadol 100 eff', 'tramadol-codeine', 'tramadol'],
  ['Skudexum', 'tramadol-codeine', 'tramadol'],
  ['Monotramal LP 100', 'tramadol-codeine', 'tramadol'],
  ['tramadol 50', 'tramadol-codeine', 'tramadol'],
  ['Tramadol 50mg', 'tramadol-codeine', 'tramadol'],
  ['TRAMADOL LP 100', 'tramadol-codeine', 'tramadol'],
  ['tramadol L.P. 150 mg', 'tramadol-codeine', 'tramadol'],
  ['tramadole 50 mg', 'tramadol-codeine', 'tramadol'],
  ['Tramdol 50', 'tramadol-codeine', 'tramadol'],
  ['tramadol/paracétamol 37,5mg/325mg', 'tramadol-codeine', 'tramadol'],
  ['Tramadol Arrow LP 100 mg cp', 'tramadol-codeine', 'tramadol'],
  ['chlorhydrate de tramadol 100 mg amp', 'tramadol-codeine', 'tramadol'],
  // codeine
  ['Dafalgan codéiné', 'tramadol-codeine', 'codéine'],
  ['Dafalgan codeine cp', 'tramadol-codeine', 'codéine'],
  ['DAFALGAN CODEINE', 'tramadol-codeine', 'codéine'],
  ['Efferalgan codéiné', 'tramadol-codeine', 'codéine'],
  ['Codoliprane', 'tramadol-codeine', 'codéine'],
  ['codoliprane 500/30', 'tramadol-codeine', 'codéine'],
  ['Klipal 600/50', 'tramadol-codeine', 'codéine'],
  ['Klipal codéine 300 mg/25 mg', 'tramadol-codeine', 'codéine'],
  ['Prontalgine', 'tramadol-codeine', 'codéine'],
  ['Lindilane', 'tramadol-codeine', 'codéine'],
  ['Antarene codéine 400/60', 'tramadol-codeine', 'codéine'],
  ['Claradol codéine', 'tramadol-codeine', 'codéine'],
  ['paracétamol codéine', 'tramadol-codeine', 'codéine'],
  ['paracetamol/codeine 500/30', 'tramadol-codeine', 'codéine'],
  ['Paracétamol codéïne 500 mg/30 mg', 'tramadol-codeine', 'codéine'],
  ['codeine', 'tramadol-codeine', 'codéine'],
  ['CODÉINE', 'tramadol-codeine', 'codéine'],
  ['phosphate de codéine', 'tramadol-codeine', 'codéine'],
  ['Néo-Codion sirop', 'tramadol-codeine', 'codéine'],
  ['Tussipax cp', 'tramadol-codeine', 'codéine'],
  ['Polery adultes sirop', 'tramadol-codeine', 'codéine'],
  ['Paderyl 19,5 mg', 'tramadol-codeine', 'codéine'],
  ['Euphon sirop codéine', 'tramadol-codeine', 'codéine'],
  ['Doliprane codéine', 'tramadol-codeine', 'codéine'],
  ['Migralgine gél', 'tramadol-codeine', 'codéine'],
  // dihydrocodeine
  ['Dicodin LP 60 mg', 'tramadol-codeine', 'dihydrocodéine'],
  ['dihydrocodéine 60', 'tramadol-codeine', 'dihydrocodéine'],
  // stupéfiants
  ['Skenan LP 30 mg', 'stupefiant', 'morphine'],
  ['Actiskenan 5 mg', 'stupefiant', 'morphine'],
  ['morphine 10 mg', 'stupefiant', 'morphine'],
  ['sulfate de morphine', 'stupefiant', 'morphine'],
  ['Oxynorm 10 mg gél', 'stupefiant', 'oxycodone'],
  ['Oxycontin LP 20', 'stupefiant', 'oxycodone'],
  ['oxycodone 5 mg', 'stupefiant', 'oxycodone'],
  ['Durogesic 25 µg/h', 'stupefiant', 'fentanyl'],
  ['fentanyl patch 12', 'stupefiant', 'fentanyl'],
  ['Ritaline 10 mg', 'stupefiant', 'méthylphénidate'],
  ['méthadone gél 40 mg', 'stupefiant', 'méthadone'],
  ['Sophidone LP 4 mg', 'stupefiant', 'hydromorphone'],
  ['Lyrica 75 mg', 'stupefiant', 'prégabaline'],
  ['Stilnox 10', 'stupefiant', 'zolpidem'],
  // GLP-1
  ['Ozempic 0,5 mg', 'aglp1', 'sémaglutide'],
  ['OZEMPIC 1mg stylo', 'aglp1', 'sémaglutide'],
  ['Wegovy 2,4', 'aglp1', 'sémaglutide'],
  ['Rybelsus 7 mg', 'aglp1', 'sémaglutide'],
  ['sémaglutide', 'aglp1', 'sémaglutide'],
  ['semaglutide 1 mg', 'aglp1', 'sémaglutide'],
  ['Victoza', 'aglp1', 'liraglutide'],
  ['Saxenda', 'aglp1', 'liraglutide'],
  ['liraglutide 1,2 mg', 'aglp1', 'liraglutide'],
  ['Trulicity 1,5', 'aglp1', 'dulaglutide'],
  ['Byetta 10 µg', 'aglp1', 'exénatide'],
  ['Bydureon', 'aglp1', 'exénatide'],
  ['Mounjaro 5 mg', 'aglp1', 'tirzépatide'],
  ['Lyxumia', 'aglp1', 'lixisénatide'],
];

const NEGATIVES = [
  '',
  'Doliprane 1000 mg 1 cp x3/j',
  'Dafalgan 1 g',
  'Dafalgan',
  'Efferalgan 500',
  'Efferalgan',
  'Lamaline gél',
  'LAMALINE 1 à 2 gélules',
  'Izalgi 500 mg/25 mg',
  'poudre d\u2019opium',
  'pholcodine sirop',
  'Biocalyptol pholcodine',
  'Codotussyl toux sèche',
  'dextrométhorphane',
  'Tussidane',
  'codéthyline',
  'Amoxicilline 1 g',
  'Metformine 1000',
  'Ibuprofène 400',
  'Spasfon lyoc',
  'Bilan: ECG, NFS',
  'Transmettre au Dr Codine',
  'tramadolisation',
  'supercodeinex',
  'Morphinique non',
];

describe.each([
  ['core keys only', () => currentIndex()],
  ['full product table', () => fullIndex],
])('findProducts (%s)', (_label, getIndex) => {
  it.each(POSITIVES)('%s → %s (%s)', (line, cls, substance) => {
    const found = findProducts(line, getIndex());
    expect(found.length, line).toBeGreaterThan(0);
    expect(found[0]!.classes).toContain(cls);
    expect(found[0]!.substances).toContain(substance);
  });

  it.each(NEGATIVES)('"%s" → nothing', (line) => {
    expect(findProducts(line, getIndex())).toEqual([]);
  });
});

let fullIndex: LexiconIndex;
beforeAll(async () => {
  fullIndex = await loadLexicon();
});

describe('CIS identification with the product table', () => {
  it.each([
    ['Topalgic LP 100 mg cp', '68303979'],
    ['Klipal 600 mg/50 mg', '67869942'],
    ['Skenan LP 30 mg gél', '69666321'],
    ['Oxynorm 10 mg gélule', '68127381'],
    ['Durogesic 25 µg/h patch', '60914025'],
    ['Tramadol Arrow LP 100 mg cp', '69934919'],
    ['Trulicity 1,5 mg', '63787647'],
    ['Dicodin LP 60 mg', '67482372'],
  ])('%s → CIS %s', (line, cis) => {
    const [p] = findProducts(line, fullIndex);
    expect(p?.cis).toBe(cis);
  });

  it('leaves the CIS out when the line does not say which presentation', () => {
    const [p] = findProducts('Topalgic', fullIndex);
    expect(p?.cis).toBeUndefined();
    expect(p?.label).toBe('TOPALGIC');
  });

  it('finds two products on one line', () => {
    const found = findProducts('Ixprim 1 cp et Skenan LP 10 mg', fullIndex);
    expect(found.map((p) => p.classes[0])).toEqual(['tramadol-codeine', 'stupefiant']);
  });

  it('counts a brand and its substance once', () => {
    expect(findProducts('Ixprim (tramadol/paracétamol)', fullIndex)).toHaveLength(1);
  });
});

describe('one-edit predicates of the misspelling matcher, against their definitions', () => {
  const del = (w: string, i: number) => w.slice(0, i) + w.slice(i + 1);
  const bruteOneDeletion = (short: string, long: string) => long.length === short.length + 1 && [...long].some((_, i) => del(long, i) === short);
  const bruteEach = (a: string, b: string) => a !== b && a.length === b.length && [...a].some((_, i) => [...b].some((_, j) => del(a, i) === del(b, j)));
  const ALPHA = 'ACDEILMNORT';
  /** Every word at one edit of `w` over a small alphabet (deletions, insertions, substitutions, swaps). */
  function neighbours(w: string): string[] {
    const out = new Set<string>();
    for (let i = 0; i <= w.length; i++) {
      if (i < w.length) out.add(del(w, i));
      for (const c of ALPHA) {
        out.add(w.slice(0, i) + c + w.slice(i));
        if (i < w.length) out.add(w.slice(0, i) + c + w.slice(i + 1));
      }
      if (i + 1 < w.length) out.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    }
    return [...out];
  }

  it('agree with the brute force on the vocabulary, words at one and two edits of it, and random words', () => {
    const index = currentIndex();
    const vocabulary = [...index.vocabulary];
    expect(vocabulary.length).toBeGreaterThan(50);
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const randomWord = () => Array.from({ length: 4 + Math.floor(rnd() * 10) }, () => ALPHA[Math.floor(rnd() * ALPHA.length)]).join('');
    let compared = 0;
    let positives = 0;
    for (const w of vocabulary.filter((_, i) => i % 4 === 0).slice(0, 20)) {
      const near = neighbours(w);
      const far = near.filter((_, i) => i % 10 === 0).flatMap((x) => neighbours(x).filter((_, i) => i % 10 === 0));
      for (const x of [...near, ...far, randomWord(), w]) {
        const same = vocabulary.filter((v) => v.length === x.length).slice(0, 3);
        for (const v of [w, ...same]) {
          expect(isOneDeletion(x, v), `${x} / ${v}`).toBe(bruteOneDeletion(x, v));
          expect(isOneDeletion(v, x), `${v} / ${x}`).toBe(bruteOneDeletion(v, x));
          expect(oneDeletionEach(x, v), `${x} ~ ${v}`).toBe(bruteEach(x, v));
          if (bruteOneDeletion(x, v) || bruteEach(x, v)) positives++;
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
    expect(positives).toBeGreaterThan(1_000);
  });

  it('handle the edges: empty words, a letter doubled, the same word', () => {
    expect(isOneDeletion('', 'A')).toBe(true);
    expect(isOneDeletion('A', 'A')).toBe(false);
    expect(isOneDeletion('CODEINE', 'CODEINNE')).toBe(true);
    expect(isOneDeletion('CODEINE', 'CODEINEE')).toBe(true);
    expect(isOneDeletion('CODEINE', 'XCODEINE')).toBe(true);
    expect(isOneDeletion('CODEINE', 'CODXINEX')).toBe(false);
    expect(oneDeletionEach('TRAMADOL', 'TRAMADOL')).toBe(false);
    expect(oneDeletionEach('TRAMDAOL', 'TRAMADOL')).toBe(true);
    expect(oneDeletionEach('TRAMADOX', 'TRAMADOL')).toBe(true);
    expect(oneDeletionEach('XRAMADOX', 'TRAMADOL')).toBe(false);
  });
});
