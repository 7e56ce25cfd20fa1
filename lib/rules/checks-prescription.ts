/**
 * Checks of one prescription line, shared by the rules of each regime (a rule names its check with `check` and its
 * regime with `params.regime`). They read `facts.prescriptionLine` — the products named, the profiles each can stand
 * for, the mentions in letters or digits, the duration — and decide; the wording comes from here and the rule.
 * A product whose profiles do not all share the regime ("Rivotril" without strength or form) is "partial": the secure
 * prescription finding says that some presentations need it, and the letters and duration checks wait until the line
 * says which one.
 */
import { toFrenchWords } from '../prescription/numbers';
import { cannot, numParam, pass, strParam, type Check, type CheckResult } from './check';
import type { Facts } from './facts';
import type { Text } from './i18n';
import type { Severity } from './schema';

type Line = NonNullable<Facts['prescriptionLine']>;
type LineProduct = Line['products'][number];
type Profile = LineProduct['profiles'][number];
export type Regime = NonNullable<Profile['regime']>;

const REGIME_NOUN: Record<Regime, Text> = {
  stupefiant: { fr: 'médicament stupéfiant', en: 'narcotic' },
  assimile: {
    fr: 'médicament soumis aux règles des stupéfiants (prescription en toutes lettres sur ordonnance sécurisée)',
    en: 'medicine under narcotic rules (prescribed in words on a secured prescription)',
  },
  'secure-form': {
    fr: 'médicament à prescrire sur ordonnance sécurisée (sans obligation de toutes lettres)',
    en: 'medicine to be prescribed on a secured prescription (no requirement to write in words)',
  },
  opioid: {
    fr: 'médicament contenant du tramadol, de la codéine ou de la dihydrocodéine',
    en: 'medicine containing tramadol, codeine or dihydrocodeine',
  },
};

/** Words of the line or to write on it, quoted as each language quotes (the words stay French). */
const quote = (s: string) => `« ${s} »`;
const quoteEn = (s: string) => `“${s}”`;
const names = (products: LineProduct[]) => products.map((p) => p.name).join(', ');
const detail = (fr: string, en: string, severity?: Severity): CheckResult => ({
  status: 'fail',
  detail: { fr, en },
  ...(severity ? { severity } : {}),
});

function lineOf(facts: Facts): Line | undefined {
  return facts.prescriptionLine;
}

/** Products whose every profile has the regime (certain) and those where only some do (partial). */
function byRegime(line: Line, regime: string): { certain: LineProduct[]; partial: LineProduct[] } {
  const certain: LineProduct[] = [];
  const partial: LineProduct[] = [];
  for (const p of line.products) {
    const n = p.profiles.filter((x) => x.regime === regime).length;
    if (n === p.profiles.length) certain.push(p);
    else if (n > 0) partial.push(p);
  }
  return { certain, partial };
}

const noLine = () => cannot('Ligne de prescription non lue.', 'Prescription line not read.');

/** Days as a prescriber counts them: weeks from 14 days when whole, months stored ×31. */
function daysText(days: number): Text {
  if (days % 7 === 0 && days >= 14) return { fr: `${days / 7} semaines (${days} jours)`, en: `${days / 7} weeks (${days} days)` };
  if (days % 31 === 0) return { fr: `${days / 31} mois`, en: `${days / 31} months` };
  return { fr: `${days} jours`, en: `${days} days` };
}
function daysInWords(days: number): string {
  if (days % 7 === 0 && days >= 14) return `${toFrenchWords(days / 7)} semaines`;
  if (days % 31 === 0) return `${toFrenchWords(days / 31)} mois`;
  return `${toFrenchWords(days)} jours`;
}

/** Secure prescription required: certain products fail at the rule's severity, partial ones as a warning. */
const securePrescription: Check = (facts, rule) => {
  const line = lineOf(facts);
  if (!line) return noLine();
  const regime = strParam(rule, 'regime') as Regime;
  const { certain, partial } = byRegime(line, regime);
  const noun = REGIME_NOUN[regime];
  if (certain.length > 0) {
    return line.reader === 'pharmacist'
      ? detail(
          `${names(certain)} : ${noun.fr}. Ne délivrez que sur une ordonnance sécurisée papier (norme NF 280) ou une ordonnance numérique dont votre logiciel lit le QR code ; une ordonnance simple, bizone ou imprimée sans QR code n'est pas valable : orientez vers le prescripteur.`,
          `${names(certain)}: ${noun.en}. Dispense only on a secured paper prescription (NF 280 standard) or an e-prescription whose QR code your software reads; a plain, two-part or printed prescription without QR code is not valid: refer to the prescriber.`,
        )
      : detail(
          `${names(certain)} : ${noun.fr} ; prescription sur ordonnance sécurisée obligatoire (papier sécurisé, norme NF 280, ou ordonnance numérique avec QR code). Une ordonnance simple ou bizone n'est pas valable.`,
          `${names(certain)}: ${noun.en}; a secured prescription is required (secured paper, NF 280 standard, or an e-prescription with a QR code). A plain or two-part prescription is not valid.`,
        );
  }
  if (partial.length > 0) {
    return detail(
      `${names(partial)} : certaines présentations exigent une ordonnance sécurisée (${noun.fr}), d'autres non, et la ligne ne dit pas laquelle : précisez le dosage et la forme.`,
      `${names(partial)}: some presentations need a secured prescription (${noun.en}), others do not, and the line does not say which: write the strength and form.`,
      'warning',
    );
  }
  return pass;
};

const MENTION = {
  dosage: {
    inWords: (m: Line['mentions']) => m.dosageInWords,
    digits: (m: Line['mentions']) => m.dosageDigits,
    found: (d: Line['mentions']['dosageDigits']): Text => ({
      fr: `Dosage écrit en chiffres seulement (${quote(d.map((x) => x.text).join(' / '))}) : écrivez-le en toutes lettres, par exemple ${quote(d.map((x) => x.words ?? x.text).join(' / '))}. Les chiffres du nom du médicament ne comptent pas.`,
      en: `Strength written in digits only (${quoteEn(d.map((x) => x.text).join(' / '))}): write it in words, e.g. ${quoteEn(d.map((x) => x.words ?? x.text).join(' / '))}. The digits of the medicine's name do not count.`,
    }),
    missing: (who: string): Text => ({
      fr: `Dosage absent en toutes lettres pour ${who} : écrivez-le en toutes lettres sur la ligne, par exemple ${quote('cinquante milligrammes')}. Le nom commercial seul ne suffit pas.`,
      en: `Strength not written in words for ${who}: write it in words on the line, e.g. ${quoteEn('cinquante milligrammes')}. The brand name alone is not enough.`,
    }),
  },
  posology: {
    inWords: (m: Line['mentions']) => m.posologyInWords,
    digits: (m: Line['mentions']) => m.posologyDigits,
    found: (d: Line['mentions']['posologyDigits']): Text => ({
      fr: `Posologie écrite en chiffres (${quote(d.map((x) => x.text).join(' … '))}) : écrivez en toutes lettres le nombre d'unités par prise et le nombre de prises, par exemple ${quote(d[0]?.words ?? 'un comprimé trois fois par jour')}.`,
      en: `Dosage instructions written in digits (${quoteEn(d.map((x) => x.text).join(' … '))}): write in words the units per intake and the number of intakes, e.g. ${quoteEn(d[0]?.words ?? 'un comprimé trois fois par jour')}.`,
    }),
    missing: (): Text => ({
      fr: `Posologie absente : écrivez en toutes lettres le nombre d'unités par prise et le nombre de prises, par exemple ${quote('un comprimé trois fois par jour')}.`,
      en: `No dosage instructions: write in words the units per intake and the number of intakes, e.g. ${quoteEn('un comprimé trois fois par jour')}.`,
    }),
  },
  duration: {
    inWords: (m: Line['mentions']) => m.durationInWords,
    digits: (m: Line['mentions']) => m.durationDigits,
    found: (d: Line['mentions']['durationDigits']): Text => ({
      fr: `Durée du traitement écrite en chiffres (${quote(d[0]!.text)}) : écrivez-la en toutes lettres, par exemple ${quote(`pendant ${d[0]!.words ?? 'sept jours'}`)}.`,
      en: `Treatment duration written in digits (${quoteEn(d[0]!.text)}): write it in words, e.g. ${quoteEn(`pendant ${d[0]!.words ?? 'sept jours'}`)}.`,
    }),
    missing: (): Text => ({
      fr: `Durée du traitement absente : écrivez-la en toutes lettres, par exemple ${quote('pendant sept jours')} ou ${quote('pendant huit semaines')}.`,
      en: `No treatment duration: write it in words, e.g. ${quoteEn('pendant sept jours')} or ${quoteEn('pendant huit semaines')}.`,
    }),
  },
} as const;

/** A mention in letters (params.mention: dosage, posology or duration), for the products certain of the regime. */
const mentionInLetters: Check = (facts, rule) => {
  const line = lineOf(facts);
  if (!line) return noLine();
  const { certain } = byRegime(line, strParam(rule, 'regime'));
  if (certain.length === 0) return pass;
  const kind = strParam(rule, 'mention') as keyof typeof MENTION;
  const m = MENTION[kind];
  if (m.inWords(line.mentions)) return pass;
  const digits = m.digits(line.mentions);
  const text = digits.length > 0 ? m.found(digits) : m.missing(names(certain));
  if (line.reader !== 'pharmacist') return { status: 'fail', detail: text };
  return {
    status: 'fail',
    detail: {
      fr: `${text.fr} Sans cette mention, ne délivrez pas : demandez au prescripteur de la corriger.`,
      en: `${text.en} Without it, do not dispense: ask the prescriber to correct it.`,
    },
  };
};

/**
 * Maximum duration, renewals included: `params.maxDays` for the whole regime (tramadol, codeine: 12 weeks), else each
 * presentation's own limit from its conditions, else `params.defaultDays` (stupéfiants: 28 days, CSP R.5132-30).
 * When the line's presentations differ in limit, a duration over the shorter one only is an information.
 */
const maxDuration: Check = (facts, rule) => {
  const line = lineOf(facts);
  if (!line) return noLine();
  const { certain } = byRegime(line, strParam(rule, 'regime'));
  const fixed = rule.params?.['maxDays'] === undefined ? undefined : numParam(rule, 'maxDays');
  const fallback = rule.params?.['defaultDays'] === undefined ? 0 : numParam(rule, 'defaultDays');
  const limits = certain
    .map((p) => {
      const days = p.profiles.map((x) => fixed ?? (x.maxDays || fallback)).filter((d) => d > 0);
      return days.length ? { product: p, min: Math.min(...days), max: Math.max(...days) } : undefined;
    })
    .filter((x) => x !== undefined);
  if (limits.length === 0) return pass;
  const limit = limits.reduce((a, b) => (b.max < a.max ? b : a));
  const total = line.mentions.totalDays;
  if (total === undefined) {
    const d = daysText(limit.max);
    return cannot(
      `Durée non trouvée sur la ligne : le maximum de ${d.fr} pour ${limit.product.name} n'a pas pu être vérifié.`,
      `No duration found on the line: the maximum of ${d.en} for ${limit.product.name} could not be checked.`,
    );
  }
  const written = quote(line.mentions.durationText ?? '');
  const writtenEn = quoteEn(line.mentions.durationText ?? '');
  if (total > limit.max) {
    const d = daysText(limit.max);
    const accepted = fixed === 84 ? ` (${quote('trois mois')} est accepté)` : '';
    return detail(
      `Durée prescrite trop longue : ${written} fait ${total} jours, renouvellements compris, au-delà du maximum de ${d.fr} pour ${limit.product.name}. Écrivez au plus ${quote(daysInWords(limit.max))}${accepted} ; pour poursuivre, il faudra une nouvelle ordonnance sécurisée.`,
      `Duration too long: ${writtenEn} is ${total} days, renewals included, beyond the maximum of ${d.en} for ${limit.product.name}. Write at most ${quoteEn(daysInWords(limit.max))}${accepted ? ` (${quoteEn('trois mois')} is accepted)` : ''}; to continue, a new secured prescription is needed.`,
    );
  }
  const shorter = limits.find((l) => total > l.min);
  if (shorter) {
    const d = daysText(shorter.min);
    return detail(
      `${written} fait ${total} jours : au-delà de ${d.fr} pour certaines présentations de ${shorter.product.name}. Vérifiez la limite de celle que vous prescrivez.`,
      `${writtenEn} is ${total} days: beyond ${d.en} for some presentations of ${shorter.product.name}. Check the limit of the one you prescribe.`,
      'info',
    );
  }
  return pass;
};

/** Products of the line whose every profile carries a condition. */
function withCondition(line: Line, has: (p: Profile) => boolean): LineProduct[] {
  return line.products.filter((p) => p.profiles.every(has));
}

const splitDispensing: Check = (facts) => {
  const line = lineOf(facts);
  if (!line) return noLine();
  const split = withCondition(line, (p) => p.splitDays > 0);
  if (split.length === 0 || line.says.singleDispensing) return pass;
  const days = Math.min(...split.flatMap((p) => p.profiles.map((x) => x.splitDays)));
  return detail(
    `${names(split)} : délivrance fractionnée par périodes de ${days} jours au plus. Indiquez la durée de traitement de chaque fraction, ou ${quote('délivrance en une seule fois')} si la situation du patient le justifie.`,
    `${names(split)}: dispensed in fractions of ${days} days at most. Write the treatment duration of each fraction, or ${quoteEn('délivrance en une seule fois')} when the patient's situation justifies it.`,
  );
};

/** A condition of the products' presentations, unless the line already says what it asks. */
function conditionCheck(has: (p: Profile) => boolean, said: (s: Line['says']) => boolean, text: (who: string) => Text): Check {
  return (facts) => {
    const line = lineOf(facts);
    if (!line) return noLine();
    const products = withCondition(line, has);
    if (products.length === 0 || said(line.says)) return pass;
    const t = text(names(products));
    return detail(t.fr, t.en);
  };
}

const noOverlap = conditionCheck(
  (p) => p.noOverlap,
  (s) => s.overlapAllowed,
  (who) => ({
    fr: `${who} : chevauchement interdit. Le pharmacien ne peut pas délivrer pendant la période couverte par une ordonnance précédente, sauf mention expresse de votre part sur l'ordonnance.`,
    en: `${who}: no overlapping prescriptions. The pharmacist cannot dispense during the period covered by a previous prescription unless you state otherwise on the prescription.`,
  }),
);

const pharmacistName = conditionCheck(
  (p) => p.pharmacistName,
  (s) => s.pharmacyNamed,
  (who) => ({
    fr: `${who} : pour la prise en charge, écrivez sur l'ordonnance le nom du pharmacien que le patient a choisi pour la délivrance.`,
    en: `${who}: for reimbursement, write on the prescription the name of the pharmacist the patient chose for dispensing.`,
  }),
);

/** Ozempic, Trulicity, Victoza: the AGLP-1 justification form (pharmacist wording for a pharmacist-only rule). */
const aglp1Form: Check = (facts, rule) => {
  const line = lineOf(facts);
  if (!line) return noLine();
  const products = withCondition(line, (p) => p.aglp1Form);
  if (products.length === 0) return pass;
  const who = names(products);
  return rule.professions.every((p) => p === 'pharmacien')
    ? detail(
        `${who} : le justificatif AGLP-1 rempli par le prescripteur doit être en votre possession avec l'ordonnance avant la délivrance et la facturation (conservez-le au DP ou au DMP). Sans justificatif, pas de prise en charge ; si le prescripteur a écrit ${quote('non remboursable')}, délivrez hors remboursement.`,
        `${who}: you must hold the prescriber's GLP-1 analogue form with the prescription before dispensing and billing (keep it in the DP or DMP). Without it, no reimbursement; if the prescriber wrote ${quoteEn('non remboursable')}, dispense without reimbursement.`,
      )
    : detail(
        `${who} : remplissez le justificatif AGLP-1 (téléservice amelipro ou formulaire papier), une fois par patient, même déjà traité, et remettez-le avec l'ordonnance. Si l'indication est hors AMM, écrivez ${quote('non remboursable')} sur la ligne et informez le patient.`,
        `${who}: fill in the GLP-1 analogue form (amelipro service or paper form), once per patient, even one already treated, and hand it over with the prescription. Outside the marketing authorisation, write ${quoteEn('non remboursable')} on the line and tell the patient.`,
      );
};

/** A GLP-1 analogue named by its substance at a strength several brands share: say which brands the form concerns. */
const aglp1FormScope: Check = (facts) => {
  const line = lineOf(facts);
  if (!line) return noLine();
  const products = line.products.filter((p) => p.profiles.some((x) => x.aglp1Form) && !p.profiles.every((x) => x.aglp1Form));
  if (products.length === 0) return pass;
  return detail(
    `${names(products)} : le justificatif AGLP-1 concerne Ozempic, Trulicity et Victoza. Si vous prescrivez l'un d'eux, remplissez-le (une fois par patient) ; les autres présentations n'en ont pas besoin.`,
    `${names(products)}: the GLP-1 analogue form concerns Ozempic, Trulicity and Victoza. If you prescribe one of them, fill it in (once per patient); other presentations do not need it.`,
  );
};

/** Check names the prescription rules give in their `check` field. */
export const prescriptionChecks: Readonly<Record<string, Check>> = {
  'prescription.secure-form': securePrescription,
  'prescription.letters': mentionInLetters,
  'prescription.max-duration': maxDuration,
  'prescription.split-dispensing': splitDispensing,
  'prescription.no-overlap': noOverlap,
  'prescription.pharmacist-name': pharmacistName,
  'prescription.aglp1-form': aglp1Form,
  'prescription.aglp1-form-scope': aglp1FormScope,
};
