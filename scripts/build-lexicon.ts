/**
 * Builds lib/prescription/lexicon.json from the ANSM public drug database extract (../shared/data/bdpm, resolved from
 * the repository root) and the small committed list lib/prescription/sources/extra-products.tsv.
 *
 *   npx tsx scripts/build-lexicon.ts          write the lexicon and print the report
 *   npx tsx scripts/build-lexicon.ts --check  exit 1 if the committed file differs from a fresh build
 *
 * Classes (bit mask in the file): 1 tramadol-codeine, 2 stupefiant, 4 aglp1.
 * - tramadol-codeine: composition (CIS_COMPO) contains TRAMADOL, CODEINE or DIHYDROCODEINE as a whole word, whatever
 *   the salt. PHOLCODINE, CODETHYLINE and opium are other words and never match.
 * - stupefiant: prescription conditions (CIS_CPD) contain "stupéfiants" or "prescription en toutes lettres sur
 *   ordonnance sécurisée"; maximum duration from "prescription limitée à N jours|semaines|mois" (stored in days:
 *   jours ×1, semaines ×7, mois ×31 so that a limit in months never rejects the same number of months written by the
 *   prescriber; "7 jours ou 28 jours" keeps the longer limit). CIS_CPD is older than CIS_bdpm: a product without any
 *   condition row whose active substance is only ever found in stupéfiants is classified "inferred" and reported.
 * - aglp1: composition contains a GLP-1 analogue.
 * The output is deterministic (sorted, no timestamps) so that a unit test can compare it with the committed file.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FUZZY_MIN, deletions, namePrefix, normalizeText, tokens } from '../lib/prescription/normalize';

export const CLASS_BITS = { 'tramadol-codeine': 1, stupefiant: 2, aglp1: 4 } as const;
export type ClassName = keyof typeof CLASS_BITS;
/** Per-product flags. */
export const FLAG = { inferred: 1, extra: 2, aglp1FormScope: 4 } as const;

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
/**
 * Products covered by the AGLP-1 «justificatif» (rules.md R5.1: Ozempic, Victoza, Trulicity, Byetta), i.e. the
 * diabetes presentations of sémaglutide, liraglutide, dulaglutide and exénatide. Weight-loss brands and fixed
 * combinations with insulin are out of the form's scope.
 */
const AGLP1_FORM_SUBSTANCES = new Set(['SEMAGLUTIDE', 'LIRAGLUTIDE', 'DULAGLUTIDE', 'EXENATIDE']);
const AGLP1_FORM_EXCLUDED_BRANDS = new Set(['WEGOVY', 'SAXENDA', 'XULTOPHY', 'RYBELSUS', 'BYDUREON']);

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

export interface LexiconFile {
  version: 1;
  classes: ClassName[];
  sources: { bdpm: string; extra: string; note: string };
  /** Display names, referenced by index. */
  substances: string[];
  /** Free-text substance key (normalised tokens) → [substance index, class mask, max days (0 = none), flags]. */
  substanceKeys: Record<string, [number, number, number, number]>;
  /**
   * Brand key (normalised tokens: the shortest name prefix whose products all share the class) →
   * [class mask, substances common to its products, longest max days, flags common to its products].
   */
  brands: Record<string, [number, number[], number, number]>;
  /** Normalised words at one edit from a key word that are other products: never corrected. */
  fuzzyBlocked: string[];
  /** [cis ("" if unknown), name, class mask, substance indexes, max days (0 = none), flags] */
  products: Array<[string, string, number, number[], number, number]>;
  stats: Record<string, number>;
}

export interface BuildReport {
  counts: Record<string, number>;
  inferredStupefiants: string[];
  withoutConditions: number;
  withoutConditionsSharingStupefiantSubstance: string[];
  stupefiantsWithoutLimit: string[];
  substancesSometimesStupefiant: string[];
  warnings: string[];
}

interface Row {
  cis: string;
  name: string;
  status: string;
}

function readTsv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

function parseLimitDays(text: string): number {
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

/** A substance is a stupéfiant substance when at least this share of its products with known conditions are. */
const STUP_SHARE = 0.8;

export function buildLexicon(bdpmDir: string, extraPath: string): { lexicon: LexiconFile; report: BuildReport } {
  const warnings: string[] = [];
  const products = new Map<string, Row>();
  for (const c of readTsv(join(bdpmDir, 'CIS_bdpm.txt'))) {
    if (c.length < 7) continue;
    products.set(c[0]!.trim(), { cis: c[0]!.trim(), name: c[1]!.trim(), status: (c[4] ?? '').trim() });
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

  // Prescription conditions.
  const cpd = new Map<string, string[]>();
  for (const c of readTsv(join(bdpmDir, 'CIS_CPD_bdpm.txt'))) {
    const cis = c[0]!.trim();
    const list = cpd.get(cis) ?? [];
    list.push((c[1] ?? '').trim());
    cpd.set(cis, list);
  }

  type Entry = { cis: string; name: string; mask: number; substances: string[]; maxDays: number; flags: number };
  const entries = new Map<string, Entry>(); // keyed by cis, or by name for extras without cis

  const isStupCpd = (conds: string[]) =>
    conds.some((t) => /stupéfiants/i.test(t) || /prescription en toutes lettres sur ordonnance sécurisée/i.test(t));

  // Pass 1: classes from BDPM.
  const stupCountBySubst = new Map<string, { stup: number; other: number; maxDays: number }>();
  for (const p of products.values()) {
    const words = wordsOf(p.cis);
    let mask = 0;
    if (Object.keys(OPIOID_WORDS).some((w) => words.has(w))) mask |= CLASS_BITS['tramadol-codeine'];
    if (Object.keys(GLP1_WORDS).some((w) => words.has(w))) mask |= CLASS_BITS.aglp1;
    const conds = cpd.get(p.cis);
    let maxDays = 0;
    if (conds) {
      const stup = isStupCpd(conds);
      if (stup) {
        mask |= CLASS_BITS.stupefiant;
        for (const t of conds) maxDays = Math.max(maxDays, parseLimitDays(t));
      }
      for (const s of substancesOf(p.cis)) {
        const k = normalizeText(s);
        const st = stupCountBySubst.get(k) ?? { stup: 0, other: 0, maxDays: 0 };
        if (stup) {
          st.stup++;
          st.maxDays = Math.max(st.maxDays, maxDays);
        } else st.other++;
        stupCountBySubst.set(k, st);
      }
    }
    if (mask) entries.set(p.cis, { cis: p.cis, name: p.name, mask, substances: substancesOf(p.cis), maxDays, flags: 0 });
  }

  // Substances found only in stupéfiants (with known conditions): free-text keys, and inference for newer products.
  const opioidKeys = new Set(Object.keys(OPIOID_WORDS));
  const stupSubstances = new Map<string, number>();
  // "Only" allows a few stale rows: CIS_CPD mid-2022 still lists some generics without their newer conditions.
  const borderline: string[] = [];
  for (const [k, st] of stupCountBySubst) {
    const share = st.stup / (st.stup + st.other);
    if (st.stup > 0 && share < STUP_SHARE) borderline.push(`${k.toLowerCase()}: ${st.stup}/${st.stup + st.other} with stupéfiant conditions`);
    if (st.stup > 0 && share >= STUP_SHARE && !opioidKeys.has(k) && !k.split(' ').some((w) => opioidKeys.has(w))) {
      stupSubstances.set(k, st.maxDays);
    }
  }
  const inferred: string[] = [];
  const sharing: string[] = [];
  let withoutConditions = 0;
  for (const p of products.values()) {
    if (cpd.has(p.cis)) continue;
    withoutConditions++;
    const subs = substancesOf(p.cis).map((s) => normalizeText(s));
    const hit = subs.filter((s) => stupSubstances.has(s));
    if (hit.length === 0) {
      // a substance that is sometimes a stupéfiant (e.g. midazolam): reported, not classified.
      if (subs.some((s) => (stupCountBySubst.get(s)?.stup ?? 0) > 0)) sharing.push(`${p.cis} ${p.name}`);
      continue;
    }
    const maxDays = Math.max(...hit.map((s) => stupSubstances.get(s) ?? 0));
    const prev = entries.get(p.cis);
    const mask = (prev?.mask ?? 0) | CLASS_BITS.stupefiant;
    entries.set(p.cis, { cis: p.cis, name: p.name, mask, substances: substancesOf(p.cis), maxDays, flags: FLAG.inferred });
    inferred.push(`${p.cis} ${p.name}`);
  }

  // Extra committed products.
  for (const c of readTsv(extraPath)) {
    const [cis, name, cls, subs] = c.map((x) => x.trim());
    if (!name || !cls || !(cls in CLASS_BITS)) {
      warnings.push(`extra-products.tsv: ignored line "${c.join(' | ')}"`);
      continue;
    }
    const key = cis && cis !== '-' ? cis : name;
    if (products.has(key)) {
      warnings.push(`extra-products.tsv: ${key} is already in CIS_bdpm.txt, ignored`);
      continue;
    }
    entries.set(key, {
      cis: cis && cis !== '-' ? cis : '',
      name: name,
      mask: CLASS_BITS[cls as ClassName],
      substances: (subs ?? '').split(';').map((s) => s.trim()).filter(Boolean).sort(),
      maxDays: 0,
      flags: FLAG.extra,
    });
  }

  // AGLP-1 form scope.
  for (const e of entries.values()) {
    if (!(e.mask & CLASS_BITS.aglp1)) continue;
    const words = new Set(e.substances.flatMap((s) => tokens(s)));
    const brand = namePrefix(e.name)[0] ?? '';
    if ([...AGLP1_FORM_SUBSTANCES].some((w) => words.has(w)) && !AGLP1_FORM_EXCLUDED_BRANDS.has(brand))
      e.flags |= FLAG.aglp1FormScope;
  }

  // Brand keys: shortest name prefix whose products (all BDPM + extras) all carry the same class bits.
  const allPrefixes: Array<{ prefix: string[]; mask: number }> = [];
  for (const p of products.values()) allPrefixes.push({ prefix: namePrefix(p.name), mask: entries.get(p.cis)?.mask ?? 0 });
  for (const e of entries.values()) if (e.flags & FLAG.extra) allPrefixes.push({ prefix: namePrefix(e.name), mask: e.mask });
  const substanceWords = new Set<string>([...opioidKeys, ...Object.keys(GLP1_WORDS), ...stupSubstances.keys()]);
  const genericWords = new Set<string>();
  for (const names of rawSubst.values()) for (const n of names) {
    const w = tokens(substanceDisplay(n))[0];
    if (w && w.length >= 4) genericWords.add(w);
  }
  const brandSet = new Set<string>();
  const startsWith = (a: string[], b: string[]) => b.length <= a.length && b.every((t, i) => a[i] === t);
  for (const e of entries.values()) {
    const prefix = namePrefix(e.name);
    if (prefix.length === 0 || substanceWords.has(prefix[0]!)) continue; // generics: found by substance
    // A name starting with a substance word ("PARACETAMOL/CAFEINE/CODEINE ARROW", "PREGABALINE ARROW") is a generic:
    // only its full name prefix may serve as a key, a shorter one would fire on other combinations.
    const first = genericWords.has(prefix[0]!) ? prefix.length : 1;
    for (let n = first; n <= prefix.length; n++) {
      const cand = prefix.slice(0, n);
      const pure = allPrefixes.every((o) => !startsWith(o.prefix, cand) || (o.mask & e.mask) === e.mask);
      if (pure) {
        const key = cand.join(' ');
        if (cand.length === 1 && cand[0]!.length < 4) continue; // too short to be a brand in free text
        brandSet.add(key);
        break;
      }
    }
  }
  // Keep only minimal keys (drop "X Y" when "X" is a key).
  const brandKeys = [...brandSet].filter((b) => ![...brandSet].some((o) => o !== b && b.startsWith(o + ' '))).sort();

  // Substances table and free-text substance keys.
  const substanceNames = new Set<string>();
  for (const e of entries.values()) for (const s of e.substances) substanceNames.add(s);
  for (const d of Object.values(OPIOID_WORDS)) substanceNames.add(d);
  for (const d of Object.values(GLP1_WORDS)) substanceNames.add(d);
  const displayOfKey = new Map<string, string>();
  for (const s of substanceNames) if (!displayOfKey.has(normalizeText(s))) displayOfKey.set(normalizeText(s), s);
  for (const [k, d] of Object.entries({ ...OPIOID_WORDS, ...GLP1_WORDS })) displayOfKey.set(k, d);
  for (const k of stupSubstances.keys()) if (!displayOfKey.has(k)) displayOfKey.set(k, k.toLowerCase());
  const substances = [...new Set(displayOfKey.values())].sort();
  const sIndex = new Map(substances.map((s, i) => [s, i]));

  const substanceKeys: Record<string, [number, number, number, number]> = {};
  for (const k of Object.keys(OPIOID_WORDS).sort()) substanceKeys[k] = [sIndex.get(displayOfKey.get(k)!)!, 1, 0, 0];
  for (const k of Object.keys(GLP1_WORDS).sort())
    substanceKeys[k] = [sIndex.get(displayOfKey.get(k)!)!, 4, 0, AGLP1_FORM_SUBSTANCES.has(k) ? FLAG.aglp1FormScope : 0];
  for (const [k, days] of [...stupSubstances].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    substanceKeys[k] = [sIndex.get(displayOfKey.get(k)!)!, 2, days, 0];

  const brands: Record<string, [number, number[], number, number]> = {};
  for (const key of brandKeys) {
    const kt = key.split(' ');
    const members = [...entries.values()].filter((e) => startsWith(namePrefix(e.name), kt));
    let mask = 0;
    let flags = FLAG.aglp1FormScope;
    let maxDays = 0;
    let common: Set<string> | undefined;
    for (const m of members) {
      mask |= m.mask;
      flags &= m.flags;
      maxDays = Math.max(maxDays, m.maxDays);
      common = common ? new Set(m.substances.filter((x) => common!.has(x))) : new Set(m.substances);
    }
    brands[key] = [mask, [...(common ?? [])].map((x) => sIndex.get(x)!).sort((a, b) => a - b), maxDays, flags];
  }

  // Words at one edit of a key word that name other products: the matcher must not "correct" them.
  const keyWords = new Set<string>();
  for (const k of [...brandKeys, ...Object.keys(substanceKeys)]) for (const w of k.split(' ')) if (w.length >= FUZZY_MIN) keyWords.add(w);
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

  const list = [...entries.values()].sort((a, b) => (a.cis + a.name < b.cis + b.name ? -1 : a.cis + a.name > b.cis + b.name ? 1 : 0));
  const productsOut = list.map(
    (e) => [e.cis, e.name, e.mask, e.substances.map((s) => sIndex.get(s)!), e.maxDays, e.flags] as [string, string, number, number[], number, number],
  );

  const count = (bit: number) => list.filter((e) => e.mask & bit).length;
  const stats: Record<string, number> = {
    products: list.length,
    'tramadol-codeine': count(1),
    stupefiant: count(2),
    aglp1: count(4),
    'stupefiant-inferred': inferred.length,
    extra: list.filter((e) => e.flags & FLAG.extra).length,
    brands: brandKeys.length,
    substanceKeys: Object.keys(substanceKeys).length,
    'bdpm-products-without-conditions': withoutConditions,
  };
  const stupNoLimit = list.filter((e) => e.mask & 2 && e.maxDays === 0).map((e) => `${e.cis} ${e.name}`);

  const lexicon: LexiconFile = {
    version: 1,
    classes: ['tramadol-codeine', 'stupefiant', 'aglp1'],
    sources: {
      bdpm: 'ANSM BDPM extract: CIS_bdpm + CIS_COMPO Nov 2025, CIS_CPD mid-2022 (Licence Ouverte / Etalab)',
      extra: 'lib/prescription/sources/extra-products.tsv',
      note: 'stupefiant maxDays: jours ×1, semaines ×7, mois ×31; flags: 1 inferred (no CPD row), 2 extra list, 4 AGLP-1 form scope',
    },
    substances,
    substanceKeys,
    brands,
    fuzzyBlocked,
    products: productsOut,
    stats,
  };
  const report: BuildReport = {
    counts: stats,
    inferredStupefiants: inferred.sort(),
    withoutConditions,
    withoutConditionsSharingStupefiantSubstance: sharing.sort(),
    stupefiantsWithoutLimit: stupNoLimit,
    substancesSometimesStupefiant: borderline.sort(),
    warnings,
  };
  return { lexicon, report };
}

/** The part of the lexicon the matcher needs to recognise and classify (no per-CIS table): loaded eagerly. */
export type LexiconCore = Pick<LexiconFile, 'version' | 'substances' | 'substanceKeys' | 'brands' | 'fuzzyBlocked'>;
export function serializeCore(lex: LexiconFile): string {
  const core: LexiconCore = {
    version: lex.version,
    substances: lex.substances,
    substanceKeys: lex.substanceKeys,
    brands: lex.brands,
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
  show('Stupéfiants inferred from their substance (no prescription-condition row, CIS_CPD older than CIS_bdpm)', report.inferredStupefiants);
  show(
    'NOT classified: no prescription-condition row and a substance that is only sometimes a stupéfiant',
    report.withoutConditionsSharingStupefiantSubstance,
  );
  console.log(`\nBDPM products without any prescription-condition row (class stupéfiant unknowable from CIS_CPD): ${report.withoutConditions}`);
  show('Substances only sometimes under stupéfiant conditions (brand keys only, no generic key)', report.substancesSometimesStupefiant);
  show('Stupéfiants without a duration limit in CIS_CPD', report.stupefiantsWithoutLimit);
  for (const w of report.warnings) console.warn('warning: ' + w);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
