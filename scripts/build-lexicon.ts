/**
 * Builds lib/prescription/lexicon.json from the ANSM public drug database extract (../shared/data/bdpm, resolved from
 * the repository root) and the small committed list lib/prescription/sources/extra-products.tsv.
 *
 *   npx tsx scripts/build-lexicon.ts          write the lexicon and print the report
 *   npx tsx scripts/build-lexicon.ts --check  exit 1 if the committed file differs from a fresh build
 *
 * Every product gets a regime — the prescription rules it falls under — decided in this order:
 * - opioid (ANSM decision of 24/09/2024): the composition (CIS_COMPO) contains TRAMADOL, CODEINE or DIHYDROCODEINE as a
 *   whole word, whatever the salt. PHOLCODINE, CODETHYLINE and opium are other words and never match.
 * - stupefiant: the prescription conditions (CIS_CPD) say "stupéfiants".
 * - assimile: the conditions say "prescription en toutes lettres sur ordonnance sécurisée" (clonazépam by mouth,
 *   zolpidem, buprénorphine, clorazépate 20 mg…).
 * - secure-form: the conditions say "prescription sur ordonnance sécurisée" only (prégabaline).
 * With it, from the conditions: the maximum duration ("prescription limitée à N jours|semaines|mois", in days: jours ×1,
 * semaines ×7, mois ×31 so that a limit in months never rejects the same number of months written; "7 jours ou 28
 * jours" keeps the longer), split dispensing ("délivrance fractionnée de N jours"), no overlap ("chevauchement
 * interdit"); from the arrêté of 01/04/2008, the pharmacist's name for méthadone, méthylphénidate and oral
 * buprénorphine above 0,2 mg. CIS_CPD is older than CIS_bdpm: a product without any condition row takes the regime its
 * substance has in nearly all single-substance products with conditions ("inferred", reported).
 * GLP-1 analogues are flagged from the composition; Ozempic, Trulicity and Victoza carry the AGLP-1 form flag.
 * Keys: brand name prefixes and substances; a brand whose presentations differ (Rivotril drops and injection) keeps
 * its presentations (strength numbers, form words, profile) so that the matcher resolves the one written.
 * The output is deterministic (sorted, no timestamps) so that a unit test can compare it with the committed file.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FORM_TOKENS, FUZZY_MIN, deletions, namePrefix, normalizeText, presentationWords, tokens } from '../lib/prescription/normalize';

/** Substance words of the 2025 tramadol/codeine decision (rules.md R1, Appendix A). */
const OPIOID_WORDS: Record<string, string> = { TRAMADOL: 'tramadol', CODEINE: 'codéine', DIHYDROCODEINE: 'dihydrocodéine' };
/** GLP-1 analogues (and the dual GIP/GLP-1 agonist tirzépatide). */
const GLP1_WORDS: Record<string, string> = {
  SEMAGLUTIDE: 'sémaglutide',
  LIRAGLUTIDE: 'liraglutide',
  DULAGLUTIDE: 'dulaglutide',
  EXENATIDE: 'exénatide',
  LIXISENATIDE: 'lixisénatide',
  TIRZEPATIDE: 'tirzépatide',
  ALBIGLUTIDE: 'albiglutide',
  EFPEGLUTIDE: 'efpéglutide',
};
/** Brands covered by the AGLP-1 «justificatif» (rules.md R5.1, seed 003): Ozempic, Trulicity, Victoza. */
const AGLP1_FORM_BRANDS = new Set(['OZEMPIC', 'TRULICITY', 'VICTOZA']);

const SALT =
  '(?:DI|HÉMI|HEMI)?(?:CHLORHYDRATE|BROMHYDRATE|SULFATE|PHOSPHATE|TARTRATE|HYDROGÉNOTARTRATE|BITARTRATE|CITRATE|' +
  'CAMPHOSULFONATE|MALÉATE|FUMARATE|MÉSILATE|BÉSILATE|ACÉTATE|SUCCINATE|LACTATE|TOSILATE)';
const SALT_PREFIX = new RegExp(`^${SALT} D(?:E |')`);
const SALT_PAREN = new RegExp(`\\s*\\(${SALT} D(?:E|')\\)`, 'g');
const HYDRATE_SUFFIX = /\s+(?:(?:HÉMI|HEMI|MONO|DI|TRI|PENTA|SESQUI)?HYDRATÉ(?:E)?|ANHYDRE|BASE|SODIQUE|POTASSIQUE|DIPOTASSIQUE)(?=\s|$)/g;
/** "SODIUM (OXYBATE DE)" → "OXYBATE DE SODIUM". */
const INVERTED = /^([^(]+?) \(([^()]+? D(?:E|'))\)(.*)$/;

/** "PHOSPHATE DE CODÉINE HÉMIHYDRATÉ" → "codéine"; "TRAMADOL (CHLORHYDRATE DE)" → "tramadol". */
export function substanceDisplay(bdpmName: string): string {
  return bdpmName
    .trim()
    .replace(/\s+/g, ' ')
    .replace(SALT_PAREN, '')
    .replace(SALT_PREFIX, '')
    .replace(HYDRATE_SUFFIX, '')
    .replace(INVERTED, (_m, a: string, b: string, rest: string) => `${b}${b.endsWith("'") ? '' : ' '}${a}${rest}`)
    .trim()
    .toLowerCase();
}

/** Regimes by code (the code is the index); see lib/prescription/lexicon.ts. */
export const REGIMES = ['', 'stupefiant', 'assimile', 'secure-form', 'opioid'] as const;
export type RegimeName = Exclude<(typeof REGIMES)[number], ''>;
const REGIME_CODE: Record<RegimeName, number> = { stupefiant: 1, assimile: 2, 'secure-form': 3, opioid: 4 };

/** Per-profile flags. */
export const PROFILE_FLAG = {
  noOverlap: 1,
  pharmacistName: 2,
  aglp1: 4,
  aglp1Form: 8,
  inferred: 16,
  extra: 32,
} as const;

/** [regime code, max days (0: none in the conditions), split-dispensing days (0: none), flags] */
export type Profile = [number, number, number, number];
/** [strength numbers of the name, its form and other name words (space-separated, sorted), profile index] */
export type Presentation = [number[], string, number];

export interface LexiconFile {
  version: 2;
  sources: { bdpm: string; extra: string; note: string };
  regimes: readonly string[];
  /** Display names, referenced by index. */
  substances: string[];
  /** Distinct prescription profiles; index 0 is "nothing to check". */
  profiles: Profile[];
  /**
   * Key (normalised tokens: a brand's name prefix, or a substance) → [kind (0 brand, 1 substance, 2 brand family that
   * matches only when the strength written identifies presentations), substances common to its products, presentations]. Presentations is a profile index when every presentation shares it, else the
   * list of distinct presentations the matcher narrows by the strength and form written.
   */
  keys: Record<string, [number, number[], number | Presentation[]]>;
  /** Normalised words at one edit from a key word that are other products: never corrected. */
  fuzzyBlocked: string[];
  /** [cis ("" if unknown), name, profile index, substance indexes] */
  products: Array<[string, string, number, number[]]>;
  stats: Record<string, number>;
}

export interface BuildReport {
  counts: Record<string, number>;
  /** Products whose regime was inferred from their substance (no condition row: authorised after the CPD extract). */
  inferred: string[];
  /** Products whose condition rows lack the regime of every sibling of the same substance, strength and form. */
  stale: string[];
  withoutConditions: number;
  /** Condition texts that mention a secure prescription but matched no regime: must stay empty. */
  unclassifiedConditions: string[];
  /** Products whose regime from the conditions differs from the older lexicon's class (tramadol/codeine moved). */
  regimeCounts: Record<string, number>;
  stupefiantsWithoutLimit: string[];
  /** Brand keys whose presentations have different profiles (resolved by the strength and form written). */
  mixedKeys: string[];
  warnings: string[];
}

interface Row {
  cis: string;
  name: string;
  marketed: boolean;
}

function readTsv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

/** "prescription limitée à 4 semaines" → 28; "7 jours ou 28 jours" keeps the longer limit; months ×31. */
export function parseLimitDays(text: string): number {
  const m = /limitée à (.+)$/i.exec(text);
  if (!m) return 0;
  let best = 0;
  for (const part of m[1]!.matchAll(/(\d+)\s*(jours?|semaines?|mois)/gi)) {
    const n = Number(part[1]);
    const unit = part[2]!.toLowerCase();
    const days = unit.startsWith('jour') ? n : unit.startsWith('semaine') ? n * 7 : n * 31;
    best = Math.max(best, days);
  }
  return best;
}

/** The regime the prescription conditions give, in the order that decides (stupéfiants first). */
export function regimeOfConditions(conds: readonly string[]): RegimeName | undefined {
  if (conds.some((t) => /^stupéfiants$/i.test(t.trim()))) return 'stupefiant';
  if (conds.some((t) => /en toutes lettres sur ordonnance sécurisée/i.test(t))) return 'assimile';
  if (conds.some((t) => /sur ordonnance sécurisée/i.test(t))) return 'secure-form';
  return undefined;
}

function nameNumbers(name: string): number[] {
  const head = name.split(/,\s/)[0] ?? name;
  return [...head.matchAll(/\d+(?:[.,]\d+)?/g)].map((m) => Number(m[0].replace(',', '.')));
}

/** Oral buprénorphine above 0,2 mg per unit, méthadone, méthylphénidate (arrêté du 1er avril 2008, CSS L.162-4-2). */
function needsPharmacistName(substances: string[], name: string): boolean {
  const s = substances.map((x) => normalizeText(x));
  if (s.includes('METHADONE') || s.includes('METHYLPHENIDATE')) return true;
  if (!s.includes('BUPRENORPHINE')) return false;
  const words = new Set(tokens(name));
  if (words.has('INJECTABLE') || words.has('IMPLANT')) return false;
  return (nameNumbers(name)[0] ?? 0) > 0.2;
}

/** A substance's share of products with a regime needed to infer the regime of a product without conditions. */
const INFER_SHARE = 0.8;

export function buildLexicon(bdpmDir: string, extraPath: string): { lexicon: LexiconFile; report: BuildReport } {
  const warnings: string[] = [];
  const products = new Map<string, Row>();
  for (const c of readTsv(join(bdpmDir, 'CIS_bdpm.txt'))) {
    if (c.length < 7) continue;
    products.set(c[0]!.trim(), { cis: c[0]!.trim(), name: c[1]!.trim(), marketed: (c[6] ?? '').trim() === 'Commercialisée' });
  }

  // Composition: per CIS, per link number, prefer the therapeutic fraction (FT) over the active substance (SA).
  const compo = new Map<string, Map<string, { sa?: string; ft?: string }>>();
  const rawSubst = new Map<string, Set<string>>(); // every substance name as written, per CIS (for word tests)
  for (const c of readTsv(join(bdpmDir, 'CIS_COMPO_bdpm.txt'))) {
    const cis = c[0]!.trim();
    const subst = (c[3] ?? '').trim();
    const nature = (c[6] ?? '').trim();
    const link = (c[7] ?? '').trim() + '|' + (c[1] ?? '').trim();
    if (!subst) continue;
    let byLink = compo.get(cis);
    if (!byLink) compo.set(cis, (byLink = new Map()));
    const slot = byLink.get(link) ?? {};
    if (nature === 'FT') slot.ft = subst;
    else slot.sa ??= subst;
    byLink.set(link, slot);
    let raw = rawSubst.get(cis);
    if (!raw) rawSubst.set(cis, (raw = new Set()));
    raw.add(subst);
  }
  const substancesOf = (cis: string): string[] => {
    const byLink = compo.get(cis);
    if (!byLink) return [];
    const set = new Set<string>();
    for (const s of byLink.values()) set.add(substanceDisplay(s.ft ?? s.sa ?? ''));
    return [...set].filter(Boolean).sort();
  };
  const wordsOf = (cis: string): Set<string> => {
    const out = new Set<string>();
    for (const s of rawSubst.get(cis) ?? []) for (const t of tokens(s)) out.add(t);
    return out;
  };

  const cpd = new Map<string, string[]>();
  for (const c of readTsv(join(bdpmDir, 'CIS_CPD_bdpm.txt'))) {
    const cis = c[0]!.trim();
    const list = cpd.get(cis) ?? [];
    list.push((c[1] ?? '').trim());
    cpd.set(cis, list);
  }
  const unclassified = new Set<string>();
  for (const conds of cpd.values()) for (const t of conds) if (/sécurisée|stupéfiant/i.test(t) && !regimeOfConditions([t])) unclassified.add(t);

  interface Entry {
    cis: string;
    name: string;
    regime: number;
    maxDays: number;
    splitDays: number;
    flags: number;
    substances: string[];
  }
  const entries = new Map<string, Entry>(); // every BDPM product and extra, keyed by cis (or name for extras)
  const opioidKeys = new Set(Object.keys(OPIOID_WORDS));

  // Pass 1: regime of every BDPM product from its composition (tramadol, codeine, dihydrocodeine) and conditions.
  for (const p of products.values()) {
    const words = wordsOf(p.cis);
    const conds = cpd.get(p.cis) ?? [];
    const substances = substancesOf(p.cis);
    let regime: number = Object.keys(OPIOID_WORDS).some((w) => words.has(w)) ? REGIME_CODE.opioid : 0;
    if (!regime) {
      const r = regimeOfConditions(conds);
      if (r) regime = REGIME_CODE[r];
    }
    let maxDays = 0;
    let splitDays = 0;
    let flags = 0;
    if (regime && regime !== REGIME_CODE.opioid) {
      for (const t of conds) maxDays = Math.max(maxDays, parseLimitDays(t));
      for (const t of conds) {
        const split = /délivrance fractionnée de (\d+) jours/i.exec(t);
        if (split) splitDays = Math.max(splitDays, Number(split[1]));
        if (/chevauchement interdit/i.test(t)) flags |= PROFILE_FLAG.noOverlap;
      }
      if (needsPharmacistName(substances, p.name)) flags |= PROFILE_FLAG.pharmacistName;
    }
    if (Object.keys(GLP1_WORDS).some((w) => words.has(w))) flags |= PROFILE_FLAG.aglp1;
    entries.set(p.cis, { cis: p.cis, name: p.name, regime, maxDays, splitDays, flags, substances });
  }

  // Pass 2: products authorised after the conditions extract (no condition row) take the regime their substance has
  // in at least INFER_SHARE of the single-substance products with conditions.
  const bySubstance = new Map<string, Map<number, { n: number; maxDays: number }>>();
  for (const e of entries.values()) {
    if (!cpd.has(e.cis) || e.substances.length !== 1) continue;
    const k = normalizeText(e.substances[0]!);
    const m = bySubstance.get(k) ?? new Map();
    const st = m.get(e.regime) ?? { n: 0, maxDays: 0 };
    st.n++;
    st.maxDays = Math.max(st.maxDays, e.maxDays);
    m.set(e.regime, st);
    bySubstance.set(k, m);
  }
  const inferredRegime = (k: string): [number, number] | undefined => {
    const m = bySubstance.get(k);
    if (!m) return undefined;
    const total = [...m.values()].reduce((s, x) => s + x.n, 0);
    for (const [regime, st] of m) if (regime !== 0 && st.n / total >= INFER_SHARE) return [regime, st.maxDays];
    return undefined;
  };
  let withoutConditions = 0;
  const inferred: string[] = [];
  for (const e of entries.values()) {
    if (cpd.has(e.cis) || e.regime) continue;
    withoutConditions++;
    const guesses = e.substances.map((s) => inferredRegime(normalizeText(s))).filter((g) => g !== undefined);
    if (guesses.length === 0) continue;
    const [regime, maxDays] = guesses.reduce((a, b) => (b[0] < a[0] ? b : a)); // the stricter (stupéfiant first)
    e.regime = regime;
    e.maxDays = maxDays;
    e.flags |= PROFILE_FLAG.inferred;
    if (needsPharmacistName(e.substances, e.name)) e.flags |= PROFILE_FLAG.pharmacistName;
    inferred.push(`${e.cis} ${e.name}`);
  }

  // A product whose conditions lack the regime that nearly all products of the same substance, strength and form
  // carry (PREGABALINE ZENTIVA K.S. 300 mg among eighteen pregabalin 300 mg capsules) has a stale condition row.
  const siblings = new Map<string, Entry[]>();
  for (const e of entries.values()) {
    const k = `${e.substances.join('+')}|${nameNumbers(e.name).join('/')}|${presentationWords(e.name)
      .filter((t) => FORM_TOKENS.has(t))
      .sort()
      .join(' ')}`;
    const list = siblings.get(k) ?? [];
    list.push(e);
    siblings.set(k, list);
  }
  const stale: string[] = [];
  for (const group of siblings.values()) {
    const withRegime = group.filter((e) => e.regime);
    if (withRegime.length === 0 || withRegime.length === group.length || withRegime.length / group.length < INFER_SHARE) continue;
    const model = withRegime[0]!;
    if (!withRegime.every((e) => e.regime === model.regime && e.maxDays === model.maxDays)) continue;
    for (const e of group) {
      if (e.regime) continue;
      Object.assign(e, { regime: model.regime, maxDays: model.maxDays, splitDays: model.splitDays });
      e.flags |= (model.flags & ~PROFILE_FLAG.inferred) | PROFILE_FLAG.inferred;
      stale.push(`${e.cis} ${e.name}`);
    }
  }

  // Extra committed products (withdrawn names still written, EU-authorised products absent from the extract).
  for (const c of readTsv(extraPath)) {
    const [cis, name, cls, subs] = c.map((x) => x.trim());
    const known = ['tramadol-codeine', 'stupefiant', 'aglp1'];
    if (!name || !cls || !known.includes(cls)) {
      warnings.push(`extra-products.tsv: ignored line "${c.join(' | ')}"`);
      continue;
    }
    const key = cis && cis !== '-' ? cis : name;
    if (products.has(key)) {
      warnings.push(`extra-products.tsv: ${key} is already in CIS_bdpm.txt, ignored`);
      continue;
    }
    const substances = (subs ?? '')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean)
      .sort();
    entries.set(key, {
      cis: cis && cis !== '-' ? cis : '',
      name,
      regime: cls === 'tramadol-codeine' ? REGIME_CODE.opioid : cls === 'stupefiant' ? REGIME_CODE.stupefiant : 0,
      maxDays: 0,
      splitDays: 0,
      flags: PROFILE_FLAG.extra | (cls === 'aglp1' ? PROFILE_FLAG.aglp1 : 0),
      substances,
    });
  }

  // AGLP-1 justification form: Ozempic, Trulicity, Victoza (rules.md R5.1), whatever the presentation.
  for (const e of entries.values()) if (e.flags & PROFILE_FLAG.aglp1 && AGLP1_FORM_BRANDS.has(namePrefix(e.name)[0] ?? '')) e.flags |= PROFILE_FLAG.aglp1Form;

  // Profiles, numbered in a stable order; index 0 is "nothing to check".
  const PROFILE_MASK = ~(PROFILE_FLAG.inferred | PROFILE_FLAG.extra);
  const profileKey = (e: Pick<Entry, 'regime' | 'maxDays' | 'splitDays' | 'flags'>) => [e.regime, e.maxDays, e.splitDays, e.flags & PROFILE_MASK].join(',');
  const BARE_OPIOID = { regime: REGIME_CODE.opioid, maxDays: 0, splitDays: 0, flags: 0 };
  const BARE_GLP1 = { regime: 0, maxDays: 0, splitDays: 0, flags: PROFILE_FLAG.aglp1 };
  const distinct = [...new Set([...[...entries.values()].map(profileKey), profileKey(BARE_OPIOID), profileKey(BARE_GLP1)])]
    .filter((k) => k !== '0,0,0,0')
    .sort();
  const profiles: Profile[] = [[0, 0, 0, 0], ...distinct.map((k) => k.split(',').map(Number) as Profile)];
  const profileIndex = new Map(profiles.map((p, i) => [p.join(','), i]));
  const profileOf = (e: Pick<Entry, 'regime' | 'maxDays' | 'splitDays' | 'flags'>): number => profileIndex.get(profileKey(e))!;
  const interesting = (e: Entry) => profileOf(e) !== 0;

  // Substance keys: substances that alone make a product of a regime (or of the AGLP-1 class).
  const substanceKeySet = new Set<string>([...opioidKeys, ...Object.keys(GLP1_WORDS)]);
  for (const e of entries.values()) if (e.regime && e.substances.length === 1) substanceKeySet.add(normalizeText(e.substances[0]!));
  // Never key a substance that is only part of a combination (paracétamol, caféine, naloxone…).
  const entriesOfSubstance = new Map<string, Entry[]>();
  for (const e of entries.values())
    for (const s of e.substances) {
      const k = normalizeText(s);
      if (!substanceKeySet.has(k) && !k.split(' ').some((w) => opioidKeys.has(w))) continue;
      const key = k.split(' ').find((w) => opioidKeys.has(w)) ?? k;
      const list = entriesOfSubstance.get(key) ?? [];
      list.push(e);
      entriesOfSubstance.set(key, list);
    }

  // Brand keys: for each product of interest, the shortest name prefix whose products are all of interest, else its
  // whole name prefix (a brand with forms of different regimes: Rivotril drops and injection, Tranxène 5 and 20).
  const genericWords = new Set<string>();
  for (const names of rawSubst.values())
    for (const n of names) {
      const w = tokens(substanceDisplay(n))[0];
      if (w && w.length >= 4) genericWords.add(w);
    }
  const prefixes = [...entries.values()].map((e) => ({ e, prefix: namePrefix(e.name) }));
  const startsWith = (a: string[], b: string[]) => b.length <= a.length && b.every((t, i) => a[i] === t);
  const brandSet = new Set<string>();
  for (const { e, prefix } of prefixes) {
    if (!interesting(e) || prefix.length === 0 || substanceKeySet.has(prefix[0]!)) continue; // generics: by substance
    const first = genericWords.has(prefix[0]!) ? prefix.length : 1;
    let key: string[] | undefined;
    for (let n = first; n <= prefix.length && !key; n++) {
      const cand = prefix.slice(0, n);
      if (prefixes.every((o) => !startsWith(o.prefix, cand) || interesting(o.e))) key = cand;
    }
    key ??= prefix;
    if (key.length === 1 && key[0]!.length < 4) continue; // too short to be a brand in free text
    brandSet.add(key.join(' '));
  }
  const brandKeys = [...brandSet].filter((b) => ![...brandSet].some((o) => o !== b && b.startsWith(o + ' '))).sort();
  // Brand families: "Antarène 200 mg/30 mg" is Antarène codéine although the line never says "codéine". A family key
  // (the brand's first word) matches only when the strength written identifies presentations of interest.
  const familyKeys = [
    ...new Set(
      brandKeys
        .map((b) => b.split(' '))
        .filter((kt) => kt.length > 1 && kt[0]!.length >= 4 && !genericWords.has(kt[0]!) && !brandSet.has(kt[0]!))
        .map((kt) => kt[0]!),
    ),
  ].sort();

  // Substances table.
  const substanceNames = new Set<string>();
  for (const e of entries.values()) if (interesting(e)) for (const s of e.substances) substanceNames.add(s);
  for (const d of Object.values(OPIOID_WORDS)) substanceNames.add(d);
  for (const d of Object.values(GLP1_WORDS)) substanceNames.add(d);
  const displayOfKey = new Map<string, string>();
  for (const s of [...substanceNames].sort()) if (!displayOfKey.has(normalizeText(s))) displayOfKey.set(normalizeText(s), s);
  for (const [k, d] of Object.entries({ ...OPIOID_WORDS, ...GLP1_WORDS })) displayOfKey.set(k, d);
  for (const k of substanceKeySet) if (!displayOfKey.has(k)) displayOfKey.set(k, k.toLowerCase());
  const substances = [...new Set(displayOfKey.values())].sort();
  const sIndex = new Map(substances.map((s, i) => [s, i]));

  const presentationsOf = (members: Entry[], keyTokens: string[]): number | Presentation[] => {
    const ids = new Set(members.map(profileOf));
    if (ids.size === 1) return [...ids][0]!;
    const seen = new Map<string, Presentation>();
    for (const m of members) {
      const words = presentationWords(m.name)
        .filter((t) => !keyTokens.includes(t))
        .sort()
        .join(' ');
      const p: Presentation = [nameNumbers(m.name), words, profileOf(m)];
      seen.set(JSON.stringify(p), p);
    }
    return [...seen.keys()].sort().map((k) => seen.get(k)!);
  };
  const common = (members: Entry[]): number[] => {
    let set: Set<string> | undefined;
    for (const m of members) set = set ? new Set(m.substances.filter((x) => set!.has(x))) : new Set(m.substances);
    return [...(set ?? [])]
      .filter((x) => sIndex.has(x))
      .map((x) => sIndex.get(x)!)
      .sort((a, b) => a - b);
  };
  const keys: LexiconFile['keys'] = {};
  const mixedKeys: string[] = [];
  for (const key of brandKeys) {
    const kt = key.split(' ');
    const members = prefixes.filter((o) => startsWith(o.prefix, kt)).map((o) => o.e);
    const pres = presentationsOf(members, kt);
    if (Array.isArray(pres) && pres.some((p) => p[2] === 0)) mixedKeys.push(key);
    keys[key] = [0, common(members), pres];
  }
  for (const key of familyKeys) {
    const members = prefixes.filter((o) => o.prefix[0] === key).map((o) => o.e);
    // the presentations of interest, and the others that share their strength (the only ones that can compete)
    const firsts = new Set(members.filter(interesting).map((m) => nameNumbers(m.name)[0]));
    const pres = presentationsOf(
      members.filter((m) => interesting(m) || firsts.has(nameNumbers(m.name)[0])),
      [key],
    );
    keys[key] = [2, common(members), typeof pres === 'number' ? [[[], '', pres]] : pres];
  }
  for (const k of [...substanceKeySet].sort()) {
    const members = entriesOfSubstance.get(k) ?? [];
    const display = displayOfKey.get(k)!;
    if (members.length === 0) {
      // a substance word of the 2025 decision or a GLP-1 analogue without any product here: its class alone
      keys[k] = [1, [sIndex.get(display)!], profileOf(opioidKeys.has(k) ? BARE_OPIOID : BARE_GLP1)];
      continue;
    }
    keys[k] = [1, [sIndex.get(display)!], presentationsOf(members, k.split(' '))];
  }

  // Words at one edit of a key word that name other products: the matcher must not "correct" them.
  const keyWords = new Set<string>();
  for (const k of Object.keys(keys)) for (const w of k.split(' ')) if (w.length >= FUZZY_MIN) keyWords.add(w);
  const delIndex = new Map<string, Set<string>>();
  const addDel = (d: string, w: string) => {
    const s = delIndex.get(d) ?? new Set<string>();
    s.add(w);
    delIndex.set(d, s);
  };
  for (const w of keyWords) {
    addDel(w, w);
    for (const d of deletions(w)) addDel(d, w);
  }
  const otherWords = new Set<string>();
  for (const p of products.values()) for (const t of tokens(p.name)) if (t.length >= FUZZY_MIN - 1 && !/\d/.test(t)) otherWords.add(t);
  for (const s of rawSubst.values()) for (const n of s) for (const t of tokens(n)) if (t.length >= FUZZY_MIN - 1) otherWords.add(t);
  const fuzzyBlocked: string[] = [];
  for (const w of otherWords) {
    if (keyWords.has(w)) continue;
    const hits = new Set<string>();
    for (const d of [w, ...deletions(w)]) for (const k of delIndex.get(d) ?? []) hits.add(k);
    if (hits.size > 0) fuzzyBlocked.push(w);
  }
  fuzzyBlocked.sort();

  // The product table: every product of interest, and every product sharing a key with one (to narrow mixed keys).
  const inKeys = new Set<Entry>();
  for (const { e, prefix } of prefixes) if (interesting(e) || brandKeys.some((k) => startsWith(prefix, k.split(' ')))) inKeys.add(e);
  for (const [k, list] of entriesOfSubstance) if (Array.isArray(keys[k]?.[2])) for (const e of list) inKeys.add(e);
  const list = [...inKeys].sort((a, b) => (a.cis + a.name < b.cis + b.name ? -1 : a.cis + a.name > b.cis + b.name ? 1 : 0));
  const productsOut = list.map(
    (e) => [e.cis, e.name, profileOf(e), e.substances.filter((s) => sIndex.has(s)).map((s) => sIndex.get(s)!)] as [string, string, number, number[]],
  );

  const regimeCounts: Record<string, number> = {};
  for (const e of entries.values())
    if (e.regime && !(e.flags & PROFILE_FLAG.extra)) regimeCounts[REGIMES[e.regime]!] = (regimeCounts[REGIMES[e.regime]!] ?? 0) + 1;
  const stats: Record<string, number> = {
    products: list.length,
    ...Object.fromEntries(Object.entries(regimeCounts).map(([k, v]) => [`regime-${k}`, v])),
    aglp1: list.filter((e) => e.flags & PROFILE_FLAG.aglp1).length,
    inferred: inferred.length + stale.length,
    extra: list.filter((e) => e.flags & PROFILE_FLAG.extra).length,
    profiles: profiles.length,
    brandKeys: brandKeys.length,
    familyKeys: familyKeys.length,
    substanceKeys: substanceKeySet.size,
    mixedKeys: mixedKeys.length,
    'bdpm-products-without-conditions': withoutConditions,
  };
  const stupNoLimit = list.filter((e) => e.regime === REGIME_CODE.stupefiant && e.maxDays === 0).map((e) => `${e.cis} ${e.name}`);

  const lexicon: LexiconFile = {
    version: 2,
    sources: {
      bdpm: 'ANSM BDPM extract: CIS_bdpm + CIS_COMPO Nov 2025, CIS_CPD 07/07/2025 (Licence Ouverte / Etalab)',
      extra: 'lib/prescription/sources/extra-products.tsv',
      note:
        'profiles: [regime (1 stupefiant, 2 assimile, 3 secure-form, 4 opioid), max days (jours ×1, semaines ×7, mois ×31), ' +
        'split-dispensing days, flags (1 no overlap, 2 pharmacist name, 4 GLP-1 analogue, 8 AGLP-1 form)]',
    },
    regimes: REGIMES,
    substances,
    profiles,
    keys,
    fuzzyBlocked,
    products: productsOut,
    stats,
  };
  const report: BuildReport = {
    counts: stats,
    inferred: inferred.sort(),
    stale: stale.sort(),
    withoutConditions,
    unclassifiedConditions: [...unclassified].sort(),
    regimeCounts,
    stupefiantsWithoutLimit: stupNoLimit,
    mixedKeys,
    warnings,
  };
  return { lexicon, report };
}

/** The part of the lexicon the matcher needs to recognise and classify (no per-CIS table): loaded eagerly. */
export type LexiconCore = Pick<LexiconFile, 'version' | 'regimes' | 'substances' | 'profiles' | 'keys' | 'fuzzyBlocked'>;
export function serializeCore(lex: LexiconFile): string {
  const core: LexiconCore = {
    version: lex.version,
    regimes: lex.regimes,
    substances: lex.substances,
    profiles: lex.profiles,
    keys: lex.keys,
    fuzzyBlocked: lex.fuzzyBlocked,
  };
  return JSON.stringify(core) + '\n';
}

/** Compact, deterministic serialisation: one product per line for readable diffs. */
export function serializeLexicon(lex: LexiconFile): string {
  const { products, ...rest } = lex;
  const head = JSON.stringify(rest);
  return head.slice(0, -1) + ',"products":[\n' + products.map((p) => JSON.stringify(p)).join(',\n') + '\n]}\n';
}

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultPaths = {
  bdpm: resolve(repoRoot, '../shared/data/bdpm'),
  extra: join(repoRoot, 'lib/prescription/sources/extra-products.tsv'),
  out: join(repoRoot, 'lib/prescription/lexicon.json'),
  core: join(repoRoot, 'lib/prescription/lexicon-core.json'),
};

function main() {
  if (!existsSync(join(defaultPaths.bdpm, 'CIS_bdpm.txt'))) {
    console.error(`BDPM extract not found in ${defaultPaths.bdpm}`);
    process.exit(2);
  }
  const { lexicon, report } = buildLexicon(defaultPaths.bdpm, defaultPaths.extra);
  const text = serializeLexicon(lexicon);
  const core = serializeCore(lexicon);
  if (process.argv.includes('--check')) {
    const same =
      existsSync(defaultPaths.out) &&
      readFileSync(defaultPaths.out, 'utf8') === text &&
      existsSync(defaultPaths.core) &&
      readFileSync(defaultPaths.core, 'utf8') === core;
    console.log(same ? 'lexicon.json is up to date' : 'lexicon.json differs from a fresh build: run npx tsx scripts/build-lexicon.ts');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(defaultPaths.out, text);
  writeFileSync(defaultPaths.core, core);
  const verbose = process.argv.includes('--verbose');
  const show = (title: string, items: string[]) => {
    console.log(`\n${title}: ${items.length}`);
    for (const i of verbose ? items : items.slice(0, 15)) console.log('  ' + i);
    if (!verbose && items.length > 15) console.log(`  … (${items.length - 15} more, --verbose)`);
  };
  console.log(`wrote ${defaultPaths.out} (${text.length} bytes) and ${defaultPaths.core} (${core.length} bytes)`);
  console.log(JSON.stringify(report.counts, null, 2));
  show('Regime inferred from the substance (no prescription-condition row: authorised after the CIS_CPD extract)', report.inferred);
  show('Regime taken from identical siblings (stale condition rows)', report.stale);
  console.log(`\nBDPM products without any prescription-condition row: ${report.withoutConditions}`);
  show('Condition texts about a secure prescription that matched no regime (must be none)', report.unclassifiedConditions);
  show('Brand keys whose presentations differ (resolved by the strength and form written)', report.mixedKeys);
  show('Stupéfiants without a duration limit in CIS_CPD (28 days, CSP R.5132-30)', report.stupefiantsWithoutLimit);
  for (const w of report.warnings) console.warn('warning: ' + w);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
