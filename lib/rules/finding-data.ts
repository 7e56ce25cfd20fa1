/**
 * What a check saw, as values (never prose). A failed check returns one of these with its result; the engine puts
 * it on the finding, and every surface (overlay, popup, side panel, background badge) renders or computes from it.
 * Messages are rendered from the data by the functions below, in French and English; nothing parses them back.
 */
import { daysBetween, formatFr, type IsoDate } from './dates';
import type { Text } from './i18n';
import { copyShape, type Infer, int, object, oneOf, optional, str, union } from '../shape';

const count = int(0, 100_000);
const isoDay = str(10, /^\d{4}-\d{2}-\d{2}$/);

/** «Ma Convention»: indicators declared out of the total, and the closing day of the window when known. */
const declarationShape = object({ kind: oneOf(['declaration']), declared: count, total: count, closesOn: optional(isoDay) });
/** A length in days against its limit (sick-leave duration, teleconsultation); `lastDay`: the last day allowed when the limit counts in calendar months. */
const durationShape = object({ kind: oneOf(['duration']), days: count, limit: count, lastDay: optional(isoDay) });

/** The shape of a finding's data: copied in the content script, validated with zod on receipt (lib/messages.ts). */
export const findingDataShape = union('kind', [declarationShape, durationShape]);
export type DeclarationData = Infer<typeof declarationShape>;
export type DurationData = Infer<typeof durationShape>;
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
