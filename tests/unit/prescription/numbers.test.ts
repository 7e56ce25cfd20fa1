import { describe, expect, it } from 'vitest';
import { findNumberWords, parseFrenchNumber, toFrenchWords } from '../../../lib/prescription/numbers';

describe('parseFrenchNumber', () => {
  it.each([
    ['un', 1],
    ['une', 1],
    ['deux', 2],
    ['dix', 10],
    ['onze', 11],
    ['seize', 16],
    ['dix-sept', 17],
    ['dix sept', 17],
    ['dix-neuf', 19],
    ['vingt', 20],
    ['vingt et un', 21],
    ['vingt-et-un', 21],
    ['vingt-deux', 22],
    ['trente', 30],
    ['trente-sept', 37],
    ['quarante', 40],
    ['cinquante', 50],
    ['soixante', 60],
    ['soixante-dix', 70],
    ['soixante et onze', 71],
    ['soixante-dix-sept', 77],
    ['quatre-vingts', 80],
    ['quatre vingt', 80],
    ['quatre-vingt-un', 81],
    ['quatre-vingt-quatre', 84],
    ['quatre-vingt-dix', 90],
    ['quatre-vingt-dix-neuf', 99],
    ['cent', 100],
    ['cent cinquante', 150],
    ['deux cents', 200],
    ['deux cent cinquante', 250],
    ['trois cent vingt-cinq', 325],
    ['mille', 1000],
    ['mille deux cents', 1200],
    ['deux mille', 2000],
    ['un et demi', 1.5],
    ['une et demie', 1.5],
    ['deux et demi', 2.5],
    ['demi', 0.5],
    ['un demi', 0.5],
    ['une demie', 0.5],
    ['une moitié', 0.5],
    ['un quart', 0.25],
    ['trois quarts', 0.75],
    ['DIX-SEPT', 17],
    ['Soixante-Quinze', 75],
    ['zéro', 0],
    ['septante', 70],
    ['nonante', 90],
  ])('%s = %d', (phrase, value) => {
    expect(parseFrenchNumber(phrase)).toBe(value);
  });

  it.each(['', 'comprimé', 'et', 'vingt et', 'deux comprimés', '12', 'trente-sept ans'])('"%s" is not a number', (phrase) => {
    expect(parseFrenchNumber(phrase)).toBeUndefined();
  });
});

describe('findNumberWords', () => {
  const values = (s: string) => findNumberWords(s).map((m) => m.value);
  it.each([
    ['un comprimé trois fois par jour pendant sept jours', [1, 3, 7]],
    ['cinquante milligrammes', [50]],
    ['trente-sept milligrammes et demi', [37, 0.5]],
    ['pendant vingt et un jours', [21]],
    ['deux gélules matin et soir pendant quatre-vingt-quatre jours', [2, 84]],
    ['trois cent vingt-cinq milligrammes', [325]],
    ['un comprimé et demi', [1, 0.5]],
    ['un et demi comprimé', [1.5]],
    ['Tramadol 50 mg 1 cp x3/j 5 j', []],
    ['soixante-dix-sept', [77]],
    ['dix, sept', [10, 7]],
  ])('%s', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('gives offsets in the original text', () => {
    const text = 'Topalgic cinquante milligrammes';
    const [m] = findNumberWords(text);
    expect(m).toBeDefined();
    expect(text.slice(m!.start, m!.end)).toBe('cinquante');
    expect(m!.text).toBe('cinquante');
  });

  it('does not read numbers inside other words', () => {
    expect(values('deuxième troisième unité dixit')).toEqual([]);
    expect(values('sixtine centre millefeuille')).toEqual([]);
  });
});

describe('toFrenchWords', () => {
  it.each([
    [1, 'un'],
    [17, 'dix-sept'],
    [21, 'vingt et un'],
    [50, 'cinquante'],
    [71, 'soixante et onze'],
    [77, 'soixante-dix-sept'],
    [80, 'quatre-vingts'],
    [84, 'quatre-vingt-quatre'],
    [99, 'quatre-vingt-dix-neuf'],
    [100, 'cent'],
    [200, 'deux cents'],
    [325, 'trois cent vingt-cinq'],
    [1000, 'mille'],
    [37.5, 'trente-sept virgule cinq'],
    [0.05, 'zéro virgule zéro cinq'],
  ])('%d → %s', (n, words) => {
    expect(toFrenchWords(n)).toBe(words);
  });

  it('reads back what it writes, 0..1200', () => {
    for (let n = 0; n <= 1200; n++) expect(parseFrenchNumber(toFrenchWords(n))).toBe(n);
  });
});
