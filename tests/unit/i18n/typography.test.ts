import { describe, expect, it } from 'vitest';
import { frenchTypography, NBSP, NNBSP, quoteText, tr, withColon } from '../../../lib/i18n';
import { allTexts } from './texts';

describe('frenchTypography', () => {
  it.each([
    ['Source : ameli.fr', `Source${NBSP}: ameli.fr`],
    ['Que faire ?', `Que faire${NNBSP}?`],
    ['Attention !', `Attention${NNBSP}!`],
    ['oui ; non', `oui${NNBSP}; non`],
    ['le Cerfa « sécurisé »', `le Cerfa «${NNBSP}sécurisé${NNBSP}»`],
    ['«glued»', `«${NNBSP}glued${NNBSP}»`],
    ['72 % de l’objectif', `72${NNBSP}% de l’objectif`],
    // a line must never start with the colon: several spaces become one no-break space
    ['Durée  : 3 jours', `Durée${NBSP}: 3 jours`],
  ])('%j → %j', (input, expected) => {
    expect(frenchTypography(input)).toBe(expected);
  });

  it.each([
    'Rendez-vous à 10:30, clôture à 23:59',
    'https://www.ameli.fr/medecin?page=2&x=1#a:b',
    'voir https://espacepro.ameli.fr/inscription/#/aide',
    'ratio 3:1, tension 12/8, 1/7/30 jours',
    'Pas de ponctuation ici',
    '',
  ])('leaves %j as it is', (input) => {
    expect(frenchTypography(input)).toBe(input);
  });

  it('keeps a URL intact when French punctuation follows it', () => {
    expect(frenchTypography('Lien : https://www.ameli.fr/a?b=c !')).toBe(`Lien${NBSP}: https://www.ameli.fr/a?b=c${NNBSP}!`);
  });

  it('is idempotent', () => {
    const once = frenchTypography('« Titre » : oui ; non ? 50 % !');
    expect(frenchTypography(once)).toBe(once);
  });

  it('is applied by tr in French only, and withColon / quoteText write each language its way', () => {
    const text = { fr: 'Aide : « oui » ?', en: 'Help: “yes”?' };
    expect(tr(text, 'fr')).toBe(`Aide${NBSP}: «${NNBSP}oui${NNBSP}»${NNBSP}?`);
    expect(tr(text, 'en')).toBe('Help: “yes”?');
    expect(withColon({ fr: 'Source', en: 'Source' }, 'fr')).toBe(`Source${NBSP}:`);
    expect(withColon({ fr: 'Source', en: 'Source' }, 'en')).toBe('Source:');
    expect(quoteText('dix jours')).toEqual({ fr: `«${NNBSP}dix jours${NNBSP}»`, en: '“dix jours”' });
  });
});

describe('every French string the user sees, once rendered', () => {
  const texts = allTexts();

  it('walks a real number of texts (the tables, the rules, the finding messages)', () => {
    expect(texts.length).toBeGreaterThan(400);
  });

  it('has no plain space before : ; ? ! » nor after «', () => {
    const bad = texts.map(({ where, text }) => ({ where, shown: tr(text, 'fr') })).filter(({ shown }) => /[ \t\n](?=[:;?!»])|«[ \t\n]/.test(shown));
    expect(bad).toEqual([]);
  });
});
