/**
 * What a check saw, as values (never prose). A failed check returns one of these with its result; the engine puts
 * it on the finding, and every surface (overlay, popup, side panel, background badge) renders or computes from it.
 * Messages are rendered from the data by the functions below, in French and English; nothing parses them back.
 */
import { daysBetween, formatFr, type IsoDate } from './dates';
import type { Text } from './i18n';
import { array, copyShape, type Infer, int, isoDay, object, oneOf, optional, str, union } from '../shape';

const count = int(0, 100_000);
const bytes = int(0, Number.MAX_SAFE_INTEGER);

/** «Ma Convention»: indicators declared out of the total, and the closing day of the window when known. */
const declarationShape = object({ kind: oneOf(['declaration']), declared: count, total: count, closesOn: optional(isoDay) });
/** A length in days against its limit in days. */
const durationShape = object({
  kind: oneOf(['duration']),
  days: count,
  limit: count,
  /**
   * What is measured: a sick-leave notice (initial or extension), a notice by teleconsultation, or the length an
   * extension by teleconsultation brings the ongoing leave to (counted from `since`).
   */
  of: oneOf(['initial', 'extension', 'teleconsultation', 'teleconsultation-ongoing']),
  /**
   * Beyond the limit; at the limit (beyond `lastDay`, the calendar-month limit, but within the days: the unit is not
   * confirmed); or beyond, where the limit's reach is not confirmed (AT/MP).
   */
  standing: oneOf(['over', 'at-limit', 'reach-unconfirmed']),
  /** Last day allowed when the limit counts in calendar months. */
  lastDay: optional(isoDay),
  since: optional(isoDay),
});
/** Files attached to a claim against the limits; `refused`: the anonymous names (lib/page-facts/reclaps.ts) of the files in a format not accepted. */
const attachmentsShape = object({
  kind: oneOf(['attachments']),
  files: count,
  maxFiles: count,
  totalBytes: bytes,
  maxBytes: bytes,
  refused: array(str(200), 1000),
});
/** The carte Vitale reading components, when one is missing or outdated. */
const vitaleComponentsShape = object({
  kind: oneOf(['vitale-components']),
  extension: oneOf(['present', 'outdated', 'absent', 'unknown']),
  atsam: oneOf(['ok', 'outdated', 'unknown']),
});

/** The shape of a finding's data: copied in the content script, validated with zod on receipt (lib/messages.ts). */
export const findingDataShape = union('kind', [declarationShape, durationShape, attachmentsShape, vitaleComponentsShape]);
export type DeclarationData = Infer<typeof declarationShape>;
export type DurationData = Infer<typeof durationShape>;
export type AttachmentsData = Infer<typeof attachmentsShape>;
export type VitaleComponentsData = Infer<typeof vitaleComponentsShape>;
export type FindingData = Infer<typeof findingDataShape>;

/** A plain copy of a feature's data (known kind, known fields of the right type), or undefined. */
export const copyData = (v: unknown): FindingData | undefined => copyShape(findingDataShape, v);

/** Days from `date` to the closing day (0 on the day itself, negative once past). */
export const daysLeft = (closesOn: IsoDate, date: IsoDate): number => daysBetween(date, closesOn);

/** "1/3 indicateurs déclarés ; clôture le 07/02/2027 (J-71)." rendered from the data on `date`. */
export function declarationText(d: DeclarationData, date: IsoDate): Text {
  const left = d.closesOn ? Math.max(daysLeft(d.closesOn, date), 0) : undefined;
  const when =
    d.closesOn && left !== undefined
      ? { fr: ` ; clôture le ${formatFr(d.closesOn)} (J-${left})`, en: `; closes on ${d.closesOn} (${left} days left)` }
      : { fr: '', en: '' };
  return {
    fr: `${d.declared}/${d.total} indicateurs déclarés${when.fr}.`,
    en: `${d.declared}/${d.total} indicators declared${when.en}.`,
  };
}

const UNLESS: Text = {
  fr: 'sauf médecin traitant ou impossibilité de consulter en présentiel',
  en: 'unless you are the regular doctor or the patient cannot come in person',
};
const NOTICE: Record<'initial' | 'extension', Text> = {
  initial: { fr: 'arrêt initial', en: 'initial notice' },
  extension: { fr: 'prolongation', en: 'extension' },
};

/** A sick-leave or teleconsultation length against its limit, said from the data. */
export function durationText(d: DurationData): Text {
  const { days, limit } = d;
  if (d.of === 'teleconsultation') {
    return {
      fr: `${days} jours en téléconsultation (maximum ${limit} ${UNLESS.fr}).`,
      en: `${days} days by teleconsultation (maximum ${limit} ${UNLESS.en}).`,
    };
  }
  if (d.of === 'teleconsultation-ongoing') {
    const since = d.since ? { fr: ` depuis le ${formatFr(d.since)}`, en: ` since ${d.since}` } : { fr: '', en: '' };
    return {
      fr: `Prolongation en téléconsultation : l'arrêt en cours irait à ${days} jours${since.fr} (maximum ${limit} ${UNLESS.fr}).`,
      en: `Extension by teleconsultation: the ongoing leave would reach ${days} days${since.en} (maximum ${limit} ${UNLESS.en}).`,
    };
  }
  const what = NOTICE[d.of];
  const last = d.lastDay ? { fr: formatFr(d.lastDay), en: d.lastDay } : undefined;
  if (d.standing === 'reach-unconfirmed') {
    return {
      fr: `${days} jours (${what.fr}) : au-delà ${last ? `du ${last.fr}` : `de ${limit} jours`}. Le plafond vise les arrêts maladie ; son application aux AT/MP n'est pas confirmée : à vérifier.`,
      en: `${days} days (${what.en}): beyond ${last ? last.en : `${limit} days`}. The cap concerns sick leave for illness; whether it applies to work accidents is not confirmed: to be verified.`,
    };
  }
  if (d.standing === 'at-limit') {
    const months = last
      ? { fr: `Au-delà du ${last.fr} si le plafond se compte en mois, dans`, en: `Beyond ${last.en} if the cap counts in months, within` }
      : { fr: 'Dans', en: 'Within' };
    return {
      fr: `${days} jours (${what.fr}) : à la limite, vérifiez. ${months.fr} les ${limit} jours s'il se compte en jours ; au besoin, justifiez la durée sur l'avis.`,
      en: `${days} days (${what.en}): at the limit, check. ${months.en} ${limit} days if it counts in days; if needed, justify the length on the notice.`,
    };
  }
  return {
    fr: `${days} jours (${what.fr}) : au-delà du plafond (${last ? `${last.fr}, ` : ''}${limit} jours au plus) ; pour dépasser, justifiez la durée sur l'avis.`,
    en: `${days} days (${what.en}): beyond the cap (${last ? `${last.en}, ` : ''}${limit} days at most); to exceed it, justify the length on the notice.`,
  };
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** What is wrong with a claim's attachments, said from the data. */
export function attachmentsText(d: AttachmentsData): Text {
  const problems: Text[] = [];
  if (d.files > d.maxFiles) problems.push({ fr: `${d.files} fichiers (maximum ${d.maxFiles})`, en: `${d.files} files (maximum ${d.maxFiles})` });
  if (d.totalBytes > d.maxBytes) {
    problems.push({
      fr: `${mb(d.totalBytes)} Mo au total (maximum ${mb(d.maxBytes)} Mo)`,
      en: `${mb(d.totalBytes)} MB in total (maximum ${mb(d.maxBytes)} MB)`,
    });
  }
  if (d.refused.length) problems.push({ fr: `format refusé : ${d.refused.join(', ')}`, en: `format not accepted: ${d.refused.join(', ')}` });
  return listText(problems);
}

/** Which carte Vitale reading component is missing or outdated, said from the data. */
export function vitaleComponentsText(d: VitaleComponentsData): Text {
  const problems: Text[] = [];
  if (d.extension === 'absent') problems.push({ fr: 'extension « Lecture Carte Vitale » absente', en: '"Lecture Carte Vitale" extension missing' });
  if (d.extension === 'outdated')
    problems.push({ fr: 'extension « Lecture Carte Vitale » à mettre à jour', en: '"Lecture Carte Vitale" extension needs updating' });
  if (d.atsam === 'outdated') problems.push({ fr: 'ATSAM à mettre à jour', en: 'ATSAM needs updating' });
  return listText(problems);
}

const listText = (items: readonly Text[]): Text => ({ fr: `${items.map((p) => p.fr).join(' ; ')}.`, en: `${items.map((p) => p.en).join('; ')}.` });

/** A finding's detail, rendered from its data on `date` (the engine calls it: checks return data, never prose). */
export function detailOf(d: FindingData, date: IsoDate): Text {
  switch (d.kind) {
    case 'declaration':
      return declarationText(d, date);
    case 'duration':
      return durationText(d);
    case 'attachments':
      return attachmentsText(d);
    case 'vitale-components':
      return vitaleComponentsText(d);
  }
}
