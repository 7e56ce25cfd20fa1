/**
 * Every text a user can see, as {fr, en}: the interface tables (walked, their functions called with
 * representative arguments), the rule catalogue, the rules' sources, and the messages the checks build at run
 * time from representative facts and prescription lines. Shared by the typography and the English tests.
 */
import type { Text } from '../../../lib/i18n';
import { UI } from '../../../components/ui-text';
import { PROFESSION_LABELS, S } from '../../../components/surface-text';
import { SPECIALTIES } from '../../../components/ProfileForm';
import { T as VITALE_T } from '../../../components/VitaleStatus';
import { T as DATA_T } from '../../../components/DataManagement';
import { T as HOST_T } from '../../../components/HostAccess';
import { T as SNOOZE_T } from '../../../components/SnoozeList';
import { W } from '../../../entrypoints/welcome/App';
import { CHANGELOG } from '../../../entrypoints/options/changelog';
import { PAGE_LABELS } from '../../../lib/pages/detect';
import { FEATURE_NAMES } from '../../../lib/features/names';
import { NOTE_TEXT } from '../../../lib/features/vitale';
import { CARD_ADVICE } from '../../../lib/vitale/card-error';
import { CPAM_CONTACTS, DNS_CONTACT } from '../../../lib/vitale/data';
import { INDICATORS, PROGRAMME_LABELS } from '../../../lib/indicators/definitions';
import { checkFor, getRule, rules, type Facts } from '../../../lib/rules';
import { formatSource, SEED_TITLES } from '../../../lib/rules/source';
import { checkPrescription } from '../../../lib/prescription';

export interface Found {
  where: string;
  text: Text;
  /** Names the text may carry as they are (the medicines of the line: brand and substance, French in the database). */
  names?: string[];
}

const isText = (v: unknown): v is Text => !!v && typeof v === 'object' && typeof (v as Text).fr === 'string' && typeof (v as Text).en === 'string';

// representative arguments for the tables' text builders (counts 0, 1 and many; a title; a date)
const ARGS: unknown[][] = [
  [0],
  [1],
  [2],
  [12],
  ['Titre', 1],
  ['Titre', 7],
  ['28/11/2026', 0],
  ['28/11/2026', 1],
  ['28/11/2026', 14],
  ['Indicateur', 3, '01/10/2026', '28/11/2026'],
  [3, 9],
  [1, 1],
  ['1.2.3'],
  ['28/11/2026', '30/11/2026'],
];

function walk(value: unknown, where: string, out: Found[], seen = new Set<unknown>()): void {
  if (value === null || value === undefined || seen.has(value)) return;
  if (isText(value)) {
    out.push({ where, text: value });
    return;
  }
  if (typeof value === 'function') {
    for (const args of ARGS) {
      try {
        const r = (value as (...a: unknown[]) => unknown)(...args);
        if (isText(r)) out.push({ where: `${where}(${args.join(', ')})`, text: r });
      } catch {
        // not a text builder for these arguments
      }
    }
    return;
  }
  if (typeof value !== 'object') return;
  seen.add(value);
  for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`, out, seen);
}

/** The interface tables of the popup, side panel, options, welcome page and overlay. */
export function uiTexts(): Found[] {
  const out: Found[] = [];
  const tables: Record<string, unknown> = {
    UI,
    S,
    PROFESSION_LABELS,
    SPECIALTIES,
    VitaleStatus: VITALE_T,
    DataManagement: DATA_T,
    HostAccess: HOST_T,
    SnoozeList: SNOOZE_T,
    Welcome: W,
    CHANGELOG,
    PAGE_LABELS,
    NOTE_TEXT,
    CARD_ADVICE,
    DNS_CONTACT,
    CPAM_CONTACTS,
    PROGRAMME_LABELS,
    INDICATORS,
    features: FEATURE_NAMES,
  };
  for (const [name, table] of Object.entries(tables)) walk(table, name, out);
  return out;
}

/** Each rule's title, message, tolerance message and checklist question. */
export function ruleTexts(): Found[] {
  const out: Found[] = [];
  for (const r of rules) {
    out.push({ where: `${r.id} title`, text: r.title });
    out.push({ where: `${r.id} message`, text: r.message });
    if (r.transition) out.push({ where: `${r.id} transition`, text: r.transition.message });
    if (r.checklist) out.push({ where: `${r.id} checklist`, text: r.checklist });
  }
  return out;
}

/** Each rule's source as displayed, and the seed documents' titles. */
export function sourceTexts(): Found[] {
  return [
    ...rules.map((r) => ({ where: `${r.id} source`, text: formatSource(r.source) })),
    ...Object.entries(SEED_TITLES).map(([f, text]) => ({ where: `seed ${f.slice(0, 3)}`, text })),
  ];
}

const FACTS: [string, Facts, string?][] = [
  ['aat.duration-limit', { aat: { kind: 'initial', start: '2026-09-10', end: '2026-10-24' } }],
  ['aat.duration-limit', { aat: { kind: 'initial', start: '2026-09-10', end: '2026-10-10' } }],
  ['aat.duration-limit', { aat: { kind: 'prolongation', start: '2026-09-10', end: '2026-11-12' } }],
  ['aat.duration-limit', { aat: { kind: 'initial', scheme: 'atmp', start: '2026-09-10', end: '2026-12-31' } }],
  ['aat.duration-limit', {}],
  ['aat.teleconsultation-3-days', { aat: { teleconsultation: true, kind: 'initial', start: '2026-11-20', end: '2026-11-27' } }],
  [
    'aat.teleconsultation-3-days',
    { aat: { teleconsultation: true, kind: 'prolongation', initialStart: '2026-11-20', start: '2026-11-22', end: '2026-11-27' } },
  ],
  ['aat.teleconsultation-3-days', {}],
  ['aat.secured-cerfa', { aat: { mode: 'paper' } }],
  ['aat.secured-cerfa', {}],
  ['reclaps.attachments', { reclaps: { files: [1, 2, 3, 4].map((i) => ({ name: `piece-${i}.pdf`, size: 2_000_000 })) } }],
  ['reclaps.attachments', { reclaps: { files: [{ name: 'scan.exe', size: 10 }] } }],
  ['reclaps.attachments', {}],
  ['vitale.atsam-and-extension', { vitale: { extension: 'absent', atsam: 'outdated' } }],
  ['vitale.atsam-and-extension', { vitale: { extension: 'outdated', extensionVersion: '1.0.0', atsam: 'ok' } }],
  ['vitale.atsam-and-extension', {}],
  ['indicators.declaration-open', { indicators: { declarationClosesOn: '2026-12-10', declared: 3, total: 9 } }],
  ['indicators.declaration-open', {}],
];

const LINES = [
  'Tramadol 50 mg 1 gél 3 fois par jour pendant 10 jours',
  'Tramadol 50 mg 1 cp x3/j ',
  'Tramadol cinquante milligrammes 1-0-1 pendant sept jours',
  'Skenan LP 30 mg 1 gél x2/j 5 semaines',
  'Skenan LP trente milligrammes une gélule matin et soir pendant deux mois',
  'Rivotril',
  'Rivotril 2 mg comprimé, un demi le soir pendant quatre semaines',
  'Lyrica 75 mg gélule, 1 matin et soir',
  'Lyrica soixante-quinze milligrammes une gélule matin et soir pendant sept mois',
  'Ozempic 0,25 mg 1 inj/sem',
  'Méthadone AP-HP 40 mg sirop, quarante milligrammes, une dose par jour pendant vingt et un jours',
  'Subutex huit milligrammes, un comprimé par jour pendant vingt-huit jours',
  'Stilnox dix milligrammes, un comprimé au coucher pendant cinq semaines',
  'Durogesic 25',
];

/** Messages the checks compose at run time (durations, dates, counts, quoted words), from representative inputs. */
export function findingTexts(): Found[] {
  const out: Found[] = [];
  for (const [id, facts] of FACTS) {
    const r = checkFor(id)?.(facts, getRule(id), '2026-11-28');
    if (r?.status === 'fail' && r.detail) out.push({ where: `${id} ${JSON.stringify(facts)}`, text: r.detail });
    if (r?.status === 'cannot-check') out.push({ where: `${id} cannot-check`, text: r.reason });
  }
  for (const profession of ['medecin-generaliste', 'pharmacien'] as const) {
    const res = checkPrescription(LINES.join('\n'), { date: '2026-11-28', profession });
    for (const line of res.lines) {
      const names = line.products.flatMap((p) => [p.label, ...p.substances]);
      for (const f of line.findings) out.push({ where: `${profession} « ${line.text} » ${f.ruleId}`, text: f.text, names });
      for (const c of line.cannotCheck) out.push({ where: `${profession} « ${line.text} » ${c.ruleId} cannot-check`, text: c.reason, names });
    }
  }
  return out;
}

export function allTexts(): Found[] {
  return [...uiTexts(), ...ruleTexts(), ...sourceTexts(), ...findingTexts()];
}
