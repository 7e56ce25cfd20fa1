import { describe, expect, it } from 'vitest';
import { tr } from '../../../lib/i18n';
import { rules } from '../../../lib/rules';
import { formatSource } from '../../../lib/rules/source';
import { findingTexts, ruleTexts, sourceTexts, uiTexts, type Found } from './texts';

/**
 * Names that stay French in English, because they are names: services and programmes of the Assurance Maladie
 * (the portal shows them so), forms and software the user has to recognise, institutions, places.
 */
const PROPER_NAMES = [
  'Compagnon amelipro',
  'amelipro',
  'Ma Convention',
  'Assurance Maladie',
  'Ameli',
  'ameli.fr',
  'carte Vitale',
  'Carte Vitale',
  'Lecture Carte Vitale',
  'ATSAM',
  'Cerfa',
  'DiagAM',
  'ADRi',
  'ASAFO',
  'NOEMIE',
  'ROSP',
  'Donum',
  'forfait structure',
  'Forfait structure',
  'En direct',
  'CPAM',
  'Côte-d’Or',
  "Côte-d'Or",
  'Territoire de Belfort',
  'France Travail',
  'Réclamations',
  'Réclamations Paiements',
  'Info patient',
  'e-CPS',
  'CPS',
  'SrvSvCnam',
  'Médecine générale',
  'Pharmacien titulaire',
  'Département',
  'département',
  'Vérifier une ordonnance',
  'Avant de transmettre',
  'Valider et transmettre',
  'Imprimer le Cerfa',
  'Lire la carte Vitale',
  'CPAM de la Côte-d’Or',
  'CPAM du Territoire de Belfort',
  'Ségur',
  'Météore',
  'Annuaire santé',
  'dotation numérique',
  'Dotation numérique',
  'Codéine-Érysimum Mayoly Spindler',
  'Padéryl',
  'Poléry',
  'ApCV',
  'Mon espace santé',
  'DMP',
  'Sesam-Vitale',
  'SESAM-Vitale',
  'GIE',
  'Méthadone',
  'méthadone',
];
/** Identical in both languages on purpose (the same word, or a name). */
const SAME_IN_BOTH = [
  'Compagnon amelipro',
  'Options',
  'Information',
  'Carte Vitale',
  'Source',
  'Date',
  'Profession',
  'Prescription',
  'ATSAM',
  'Chrome / Edge',
  'Firefox',
];
const sameInBoth = (s: string) => SAME_IN_BOTH.includes(s) || /^Version \S+$/.test(s);

const FRENCH_WORDS = [
  'le',
  'la',
  'les',
  'des',
  'du',
  'une',
  'un',
  'et',
  'est',
  'pas',
  'pour',
  'avec',
  'sur',
  'dans',
  'vous',
  'votre',
  'vos',
  'ou',
  'au',
  'aux',
  'ne',
  'jour',
  'jours',
  'mois',
  'semaines',
  'ordonnance',
  'arrêt',
  'remarque',
  'remarques',
  'vérifier',
  'masquer',
  'afficher',
  'ligne',
  'durée',
  'depuis',
  'jusqu',
  'selon',
  'sans',
  'lettres',
  'toutes',
  'médecin',
  'pharmacien',
  'oui',
  'non',
];
const WORD = new RegExp(`(^|[^\\p{L}’'-])(${FRENCH_WORDS.join('|')})(?=$|[^\\p{L}’'-])`, 'iu');

/** Why an English text reads as French, or null. */
function frenchIn(en: string, names: readonly string[] = []): string | null {
  let s = en;
  // words quoted from the page or to be written on the prescription are French on purpose: quoted in “ ” or " "
  s = s.replace(/“[^”]*”/g, '“…”').replace(/"[^"]*"/g, '"…"');
  for (const name of [...PROPER_NAMES, ...names].sort((a, b) => b.length - a.length)) s = s.split(name).join('').split(name.toLowerCase()).join('');
  if (/[«»]/.test(s)) return 'French quotation marks « »';
  if (/\u00a0:|\u202f[;?!]/.test(s)) return 'French spacing before punctuation';
  const accent = /[éèêëàâçùûîïôœ]/i.exec(s);
  if (accent) return `accented letter “${accent[0]}”`;
  const word = WORD.exec(s);
  if (word) return `French word “${word[2]}”`;
  return null;
}

function problems(found: Found[]): string[] {
  return found.flatMap(({ where, text, names }) => {
    const en = tr(text, 'en');
    if (en === text.fr || en === tr(text, 'fr')) return sameInBoth(en) ? [] : [`${where}: same as the French (“${en}”)`];
    const why = frenchIn(en, names);
    return why ? [`${where}: ${why} in “${en}”`] : [];
  });
}

describe('the French-only detector', () => {
  it.each([
    ['Source : décret', 'accent or spacing'],
    ['Hidden for « 7 days »', 'quotes'],
    ['Voir les remarques', 'words'],
    ['Durée de prescription', 'accent'],
  ])('flags %j (%s)', (en) => {
    expect(frenchIn(en)).not.toBeNull();
  });
  it.each([
    'Open Ma Convention on amelipro to record your indicators.',
    'Paper sick leave: secured Cerfa form only',
    '“Tramadol 50 mg” is written in digits: write “cinquante milligrammes”.',
    'Check the carte Vitale reading (ATSAM and the Lecture Carte Vitale extension).',
    'Line 2: 10 days, 3 times a day.',
  ])('accepts %j', (en) => {
    expect(frenchIn(en)).toBeNull();
  });
});

describe('English is complete: no text a user can see stays French in English', () => {
  it('the interface tables (popup, side panel, options, welcome page, overlay)', () => {
    expect(problems(uiTexts())).toEqual([]);
  });
  it('the rules: titles, messages, tolerance messages, checklist questions', () => {
    expect(problems(ruleTexts())).toEqual([]);
  });
  it('the messages the checks compose (durations, dates, counts, quoted words, prescription lines)', () => {
    const found = findingTexts();
    expect(found.length).toBeGreaterThan(20);
    expect(problems(found)).toEqual([]);
  });
  it('the seed documents’ titles (a source’s official text keeps its French title, a citation)', () => {
    const seeds = sourceTexts().filter((f) => f.where.startsWith('seed '));
    expect(problems(seeds)).toEqual([]);
  });
});

describe('sources are shown by their title, never by an internal file name', () => {
  const FILE = /\.txt|\.md\b|rules\.md|\b00[0-4]_[0-9a-f]{6,}|\bseed\b|\bR\d+(\.\d+)?\b/i;
  it.each(rules.map((r) => [r.id, r]))('%s', (_id, r) => {
    const shown = formatSource(r.source);
    for (const lang of ['fr', 'en'] as const) {
      expect(tr(shown, lang)).not.toMatch(FILE);
      expect(tr(shown, lang).length).toBeGreaterThan(10);
    }
  });
});
