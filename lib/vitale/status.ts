/**
 * The carte Vitale setup status: what the content script found (passive announcement, active test, card-read
 * error), how it maps to the rule engine's facts and to the storage record. Pure.
 */
import type { Facts } from '../rules/facts';
import { KNOWN_VERSIONS, type KnownVersions } from './data';
import { COMPONENT_LABELS, type ComponentId, type FoundComponent } from './protocol';
import { isOlder, isVersion } from './version';

export type ExtensionState = 'present' | 'absent' | 'unknown';
/** `error`: the card read failed (or the test got no answer) while the extension is there: ATSAM likely missing/broken. */
export type AtsamState = 'ok' | 'outdated' | 'absent' | 'error' | 'unknown';
export type TestOutcome = 'ok' | 'timeout' | 'malformed' | 'unavailable';
export type Platform = 'windows' | 'mac' | 'other';

export interface ComponentStatus {
  id: ComponentId;
  label: string;
  version: string;
  latest?: string;
  outdated: boolean;
}

/** The status as the content script knows it. Validated with zod where it crosses a boundary (status-schema.ts). */
export interface VitaleStatus {
  extension: ExtensionState;
  extensionVersion?: string;
  extensionOutdated: boolean;
  atsam: AtsamState;
  components: ComponentStatus[];
  lastTest?: { outcome: TestOutcome; at: string };
  cardError?: { at: string };
  checkedAt?: string;
}

export const UNKNOWN_STATUS: VitaleStatus = { extension: 'unknown', extensionOutdated: false, atsam: 'unknown', components: [] };

export function detectPlatform(userAgent: string | undefined): Platform {
  const ua = userAgent ?? '';
  if (/Windows/i.test(ua)) return 'windows';
  if (/Mac OS X|Macintosh/i.test(ua)) return 'mac';
  return 'other';
}

/** Latest known version of a component on this platform (ATSAM: Windows and macOS differ; unknown OS → the lower). */
export function latestFor(id: ComponentId, platform: Platform, known: KnownVersions = KNOWN_VERSIONS): string | undefined {
  switch (id) {
    case 'atsam':
      return platform === 'windows' ? known.atsamWindows.latest : known.atsamMac.latest;
    case 'srvsvcnam':
      return known.srvSvCnam.latest;
    case 'cryptolib':
      return known.cryptolibCps.latest;
    case 'webextension':
      return known.webExtensionMinimum ?? undefined;
    default:
      return undefined;
  }
}

export function assessComponents(found: FoundComponent[], platform: Platform, known: KnownVersions = KNOWN_VERSIONS): ComponentStatus[] {
  return found.slice(0, 10).map((c) => {
    const latest = latestFor(c.id, platform, known);
    return { id: c.id, label: COMPONENT_LABELS[c.id], version: c.version, ...(latest ? { latest } : {}), outdated: isOlder(c.version, latest) };
  });
}

/** ATSAM state from a version reply: outdated if ATSAM, SrvSvCnam or Cryptolib CPS is older than the latest known. */
export function atsamFromReply(components: ComponentStatus[], hostMissing: boolean, hostError: boolean): AtsamState {
  if (hostMissing) return 'absent';
  const atsamParts = components.filter((c) => c.id === 'atsam' || c.id === 'srvsvcnam' || c.id === 'cryptolib');
  if (atsamParts.some((c) => c.outdated)) return 'outdated';
  if (hostError) return 'error';
  if (atsamParts.length) return 'ok';
  return 'unknown';
}

export function extensionOutdated(v: string | undefined, known: KnownVersions = KNOWN_VERSIONS): boolean {
  return isOlder(v, known.webExtensionMinimum);
}

/** Facts for rule `vitale.atsam-and-extension` (its check knows ok / outdated / unknown for ATSAM). */
export function toFacts(s: VitaleStatus): NonNullable<Facts['vitale']> {
  const atsam = s.atsam === 'ok' ? 'ok' : s.atsam === 'unknown' ? 'unknown' : 'outdated';
  const extension = s.extension === 'present' && s.extensionOutdated ? 'outdated' : s.extension;
  return { extension, ...(s.extensionVersion ? { extensionVersion: s.extensionVersion } : {}), atsam };
}

/** The setup is known to be incomplete (what the note next to the carte Vitale button is for). */
export function isIncomplete(s: VitaleStatus): boolean {
  return s.extension === 'absent' || s.extensionOutdated || s.atsam === 'outdated' || s.atsam === 'absent' || s.atsam === 'error';
}

/** The record of lib/storage (`vitaleStatus` store). */
export interface StoredVitaleStatus {
  extension: ExtensionState;
  extensionVersion: string | null;
  atsam: AtsamState;
  checkedAt?: string;
}

export function toStored(s: VitaleStatus): StoredVitaleStatus {
  return {
    extension: s.extension,
    extensionVersion: isVersion(s.extensionVersion) ? s.extensionVersion : null,
    atsam: s.atsam,
    ...(s.checkedAt ? { checkedAt: s.checkedAt } : {}),
  };
}

/** One line for logs and the demo: "extension present 1.2.3, ATSAM ok" (no page data). */
export function summarize(s: VitaleStatus): string {
  const ext =
    s.extension === 'present' ? `present${s.extensionVersion ? ` ${s.extensionVersion}` : ''}${s.extensionOutdated ? ' (outdated)' : ''}` : s.extension;
  const test = s.lastTest ? `, last test ${s.lastTest.outcome}` : '';
  return `extension ${ext}, ATSAM ${s.atsam}${test}${s.cardError ? ', card read error seen' : ''}`;
}
