/**
 * What the content script needs from the extension's storage, always through the background (the single
 * writer; the content script runs in the portal's origin and never opens IndexedDB itself).
 * Every call degrades gracefully: if storage is unavailable, checks still run with the defaults.
 */
import { isIsoDate } from '../../lib/rules/dates';
import type { SnoozeDays } from '../../lib/storage/message';
import type { Lang } from '../../lib/i18n';
import type { FeatureServices, IndicatorSnapshotInput } from '../../lib/features/types';
import type { SnapshotInput } from '../../lib/storage/stores/snapshots';
import type { Profession } from '../../lib/pages/types';
import { storage } from '../../lib/storage/client';
import type { PrescriptionReader } from '../../lib/prescription/read';
import { browser } from 'wxt/browser';
import { renderFieldNote } from '../../components/FieldNote';
import { PRESCRIPTION_READER_PATH } from './module-path';

export interface ContentSettings {
  profession: Profession;
  referenceDate?: string;
  /** Today's local date as the background sees it (absent when the background did not answer). */
  today?: string;
  lang?: Lang;
  disabledFeatures: string[];
  snoozedRuleIds: string[];
  /** The overlay opens by itself for a blocking finding (the options' setting, on by default). */
  autoOpen: boolean;
}

export const DEFAULT_CONTENT_SETTINGS: ContentSettings = {
  profession: 'medecin-generaliste',
  disabledFeatures: [],
  snoozedRuleIds: [],
  autoOpen: true,
};

/** The page's checks never wait on the extension's storage longer than this: without an answer, defaults apply. */
export const SETTINGS_WAIT_MS = 2_000;

export async function loadContentSettings(waitMs = SETTINGS_WAIT_MS): Promise<ContentSettings> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  const answered = await Promise.race([storage.contentStart(), gaveUp]);
  clearTimeout(timer);
  const start = answered?.ok ? answered.value : null;
  const s = start?.settings ?? null;
  return {
    profession: s?.profession ?? DEFAULT_CONTENT_SETTINGS.profession,
    ...(s?.referenceDate ? { referenceDate: s.referenceDate } : {}),
    ...(start && isIsoDate(start.today) ? { today: start.today } : {}),
    ...(s?.lang ? { lang: s.lang } : {}),
    disabledFeatures: s?.disabledFeatures ?? [],
    snoozedRuleIds: start ? start.snoozes.map((z) => z.ruleId) : [],
    autoOpen: s?.overlayAutoOpen ?? true,
  };
}

/**
 * Hides a rule's findings for one of the offered lengths: the background counts the end (from the reference date or
 * today, to the end of that day) and accepts no other length from a page.
 */
export async function snoozeRule(ruleId: string, days: SnoozeDays): Promise<void> {
  await storage.snoozeFor(ruleId, days);
}

/** The overlay's « Annuler » just after a snooze: the reminder comes back on every tab. */
export async function unsnoozeRule(ruleId: string): Promise<void> {
  await storage.unsnooze(ruleId);
}

/** A feature's error is kept as its class only (`errorClass`, from the manager): no message leaves the page. */
export async function reportFeatureError(featureId: string, errorClass: string): Promise<void> {
  await storage.recordError(featureId, Object.assign(new Error(''), { name: errorClass }));
}

/** A feature's snapshot as the storage takes it (no target: null). */
export const toSnapshotInput = (s: IndicatorSnapshotInput): SnapshotInput => ({ ...s, target: s.target ?? null });

let reader: Promise<PrescriptionReader> | undefined;
/** The reader built into the module (with-reader.ts), when the loader imported that one: no import then. */
export function bundleReader(bundled: PrescriptionReader): void {
  reader = Promise.resolve(bundled);
}
/**
 * The prescription-line reader, imported once from the extension (a web-accessible file, behind Chromium's
 * per-session address like the module); a failed import is tried again at the next need.
 */
function loadPrescriptionReader(): Promise<PrescriptionReader> {
  if (reader) return reader;
  const readerUrl = (browser.runtime.getURL as (path: string) => string)(`/${PRESCRIPTION_READER_PATH}`);
  reader = import(/* @vite-ignore */ readerUrl)
    .then((m: PrescriptionReader) => {
      if (typeof m.readPrescription !== 'function' || typeof m.prescriptionChecks !== 'object') throw new Error('prescription reader without its exports');
      return m;
    })
    .catch((err: unknown) => {
      reader = undefined;
      throw err;
    });
  return reader;
}

/** The features' services (the runtime adds `saveSnapshots`, which sends the snapshots with the tab state). */
export const featureServices: FeatureServices = {
  setVitaleStatus: (status) => storage.setVitaleStatus(status),
  loadPrescriptionReader,
  renderFieldNote,
};
