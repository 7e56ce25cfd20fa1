/**
 * What a check saw, as values (never prose). A failed check returns one of these with its result; the engine puts
 * it on the finding, and every surface (overlay, popup, side panel, background badge) renders or computes from it.
 * Messages are rendered from the data by the functions below, in French and English; nothing parses them back.
 */
import { daysBetween, formatFr, type IsoDate } from './dates';
import type { Text } from './i18n';

/** «Ma Convention»: indicators declared out of the total, and the closing day of the window when known. */
export interface DeclarationData {
  kind: 'declaration';
  declared: number;
  total: number;
  closesOn?: IsoDate;
}
/** A length in days against its limit (sick-leave duration, teleconsultation). */
export interface DurationData {
  kind: 'duration';
  days: number;
  limit: number;
  /** Last day allowed when the limit counts in calendar months. */
  lastDay?: IsoDate;
}
/** Validated on receipt by `findingDataSchema` (lib/messages.ts). */
export type FindingData = DeclarationData | DurationData;

const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const day = (x: unknown): x is IsoDate | undefined => x === undefined || (typeof x === 'string' && x.length === 10);
const withDay = <K extends string>(key: K, x: IsoDate | undefined) => (x === undefined ? {} : ({ [key]: x } as Record<K, IsoDate>));

/** A plain copy of a feature's data (known kind, known fields of the right type), or undefined. */
export function copyData(v: unknown): FindingData | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (o['kind'] === 'declaration' && num(o['declared']) && num(o['total']) && day(o['closesOn'])) {
    return { kind: 'declaration', declared: o['declared'], total: o['total'], ...withDay('closesOn', o['closesOn']) };
  }
  if (o['kind'] === 'duration' && num(o['days']) && num(o['limit']) && day(o['lastDay'])) {
    return { kind: 'duration', days: o['days'], limit: o['limit'], ...withDay('lastDay', o['lastDay']) };
  }
  return undefined;
}

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
