/**
 * Known convention indicators, as data: how to recognise their tile on «Ma Convention», which programme
 * they belong to, for whom, and where the definition comes from. Unknown tiles get a slug id (`autre.<label>`)
 * while the page is read, but are never stored: that id is page text (see lib/features/convention.ts).
 */
import type { Text } from '../i18n';
import type { Profession } from '../pages/types';

export type Programme = 'donum' | 'rosp' | 'forfait-structure' | 'pharmacien-numerique' | 'pharmacien-bups' | 'autre';

export interface IndicatorDefinition {
  id: string;
  programme: Programme;
  label: Text;
  professions: readonly Profession[];
  /** Matches the tile's label (lower case, no accents). */
  match: RegExp;
  source: string;
  /** How the portal shows the value: a percentage, a count, a fraction ("1/2") or reached / not reached. */
  unit: IndicatorUnit;
}

export type IndicatorUnit = '%' | 'count' | 'ratio' | 'done';

const MED = ['medecin-generaliste', 'medecin-specialiste'] as const;
const PH = ['pharmacien'] as const;

export const PROGRAMME_LABELS: Record<Programme, Text> = {
  donum: { fr: 'Dotation numérique (DONUM, depuis 2026)', en: 'Digital allowance (DONUM, since 2026)' },
  rosp: { fr: 'ROSP', en: 'ROSP (public-health objectives)' },
  'forfait-structure': { fr: 'Forfait structure (jusqu’à l’exercice 2025)', en: 'Structure package (until 2025)' },
  'pharmacien-numerique': { fr: 'Développement du numérique en santé', en: 'Digital health development' },
  'pharmacien-bups': { fr: 'Bon usage des produits de santé', en: 'Appropriate use of health products' },
  autre: { fr: 'Autres indicateurs', en: 'Other indicators' },
};

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'donum.socle.usage-teleservices',
    unit: '%',
    programme: 'donum',
    label: { fr: "Taux moyen d'usage des téléservices (DCMT, FSE, PSE, AAT)", en: 'Average use of online services (DCMT, FSE, PSE, AAT)' },
    professions: MED,
    match: /usage des teleservices|taux moyen d'usage/,
    source: 'rules.md R4.4 (convention médicale 2024–2029, DONUM socle)',
  },
  {
    id: 'donum.socle.logiciel',
    unit: 'done',
    programme: 'donum',
    label: {
      fr: 'Logiciel référencé Ségur, LAP certifié HAS, derniers avenants SESAM-Vitale',
      en: 'Ségur-referenced software, certified LAP, latest SESAM-Vitale addenda',
    },
    professions: MED,
    match: /logiciel reference segur|lap certifie/,
    source: 'rules.md R4.4 (DONUM socle)',
  },
  {
    id: 'donum.option.autres-teleservices',
    unit: '%',
    programme: 'donum',
    label: { fr: 'Autres téléservices (CM AT/MP, DSG, SPE)', en: 'Other online services (CM AT/MP, DSG, SPE)' },
    professions: MED,
    match: /autres teleservices/,
    source: 'rules.md R4.4 (DONUM optionnel)',
  },
  {
    id: 'donum.option.dmp-ordonnance',
    unit: '%',
    programme: 'donum',
    label: { fr: 'Alimentation du DMP et ordonnances numériques', en: 'DMP feeding and e-prescriptions' },
    professions: MED,
    match: /dmp et ordonnances? numeriques?/,
    source: 'rules.md R4.4 (DONUM optionnel)',
  },
  {
    id: 'donum.option.apcv-mss',
    unit: 'ratio',
    programme: 'donum',
    label: { fr: 'ApCV et MSS avec les patients', en: 'ApCV and secure messaging with patients' },
    professions: MED,
    match: /apcv.*mss|mss.*apcv/,
    source: 'rules.md R4.4 (DONUM optionnel)',
  },
  {
    id: 'pharmacien.numerique.ordonnances-numeriques',
    unit: '%',
    programme: 'pharmacien-numerique',
    label: { fr: 'Ordonnances numériques exécutées', en: 'E-prescriptions dispensed' },
    professions: PH,
    match: /ordonnances? numeriques? executees?/,
    source: 'rules.md R4.6, seed 003',
  },
  {
    id: 'pharmacien.numerique.dmp',
    unit: '%',
    programme: 'pharmacien-numerique',
    label: { fr: 'Alimentation du DMP', en: 'DMP feeding' },
    professions: PH,
    match: /^alimentation du dmp$/,
    source: 'rules.md R4.6, seed 003',
  },
  {
    id: 'pharmacien.bups.entretiens-opioides',
    unit: 'count',
    programme: 'pharmacien-bups',
    label: { fr: 'Entretiens courts opioïdes', en: 'Short opioid interviews' },
    professions: PH,
    match: /entretiens? (courts? )?opioides?/,
    source: 'rules.md R4.6 and R9.8, seed 003',
  },
  {
    id: 'pharmacien.bups.trod-angine',
    unit: 'count',
    programme: 'pharmacien-bups',
    label: { fr: 'TROD angine réalisés', en: 'Strep throat rapid tests' },
    professions: PH,
    match: /trod angine/,
    source: 'rules.md R4.6 and R9.7, seed 003',
  },
];

/** The catalogue's indicator ids: the only ones a page's snapshot may be stored under. */
export const INDICATOR_IDS: ReadonlySet<string> = new Set(INDICATORS.map((d) => d.id));

/** A stable id for a tile label: a known indicator's id (storable), or `autre.<slug>` (page text: never stored). */
export function indicatorIdFor(normalizedLabel: string): { id: string; definition?: IndicatorDefinition } {
  const def = INDICATORS.find((d) => d.match.test(normalizedLabel));
  if (def) return { id: def.id, definition: def };
  const slug = normalizedLabel
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 58)
    .replace(/-+$/, '');
  return { id: `autre.${slug || 'indicateur'}` };
}

export function definitionOf(id: string): IndicatorDefinition | undefined {
  return INDICATORS.find((d) => d.id === id);
}
