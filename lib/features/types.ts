import type { Lang, Text } from '../i18n';
import type { PageType, Profession } from '../pages/types';
import { findingDataShape } from '../rules/finding-data';
import { ECHOES } from '../rules/check';
import { SEVERITIES, type Severity } from '../rules/severity';
import { array, type Infer, object, omit, oneOf, optional, str } from '../shape';
import type { StoredVitaleStatus } from '../vitale/status';
import type { UserEvent } from './user-events';
import type { PrescriptionReader } from '../prescription/read';
import { conventionStakesShape } from '../indicators/stakes';

export type { Severity };

const text = object({ fr: str(2000), en: str(2000) });
/** Page text: only the page's own overlay shows it, so no wire limit applies. */
const pageText = object({ fr: str(100_000), en: str(100_000) });

/** A group as it leaves the page: a key and a label made by the feature ("Ligne 1"), short. */
export const sentGroupShape = object({ key: str(80, /^[a-z0-9-]{1,80}$/), label: object({ fr: str(80), en: str(80) }) });

const findingGroupShape = object({
  /** Same key, same card (e.g. `prescription-line-1`). */
  key: str(200),
  label: text,
  pageOnly: optional(pageText),
});

/**
 * A finding as shown to the user: what rule, how serious, what to do. Never contains patient data. The one
 * definition of it: its type, the copy the feature manager keeps of each feature's output (`cleanOutput`) and the
 * zod schema of the runtime messages (lib/messages.ts) all come from this shape.
 */
export const shownFindingShape = object({
  ruleId: str(120),
  featureId: str(80),
  severity: oneOf(SEVERITIES),
  title: text,
  message: text,
  detail: optional(text),
  /** What the check saw, as values (dates, counts): every surface computes from this, never from the texts. */
  data: optional(findingDataShape),
  link: optional(str(500)),
  /** `'page'`: an information that only repeats what the page shows; it does not put the overlay in the page by itself. */
  echoes: optional(oneOf(ECHOES)),
  /**
   * Text that quotes the page (e.g. the prescription line) and may help the user, but must stay in the page:
   * it is never sent to the background, the popup or the side panel, and never stored.
   */
  pageOnly: optional(pageText),
  /** A button offered with the finding (e.g. open the pre-submission checklist). */
  action: optional(object({ kind: oneOf(['open-checklist']), label: text })),
  /**
   * The findings of one thing on the page (a prescription line) share a group: every surface shows them in one card.
   * Its key and label are made by the feature ("Ligne 1"), never of the page's words, and go with the tab state; its
   * `pageOnly` (the line written out in words) stays in the page.
   */
  group: optional(findingGroupShape),
});
export type ShownFinding = Infer<typeof shownFindingShape>;
export type FindingGroup = Infer<typeof findingGroupShape>;

/** A finding as it goes to the background, the popup and the side panel: its group's key and label, nothing that quotes the page. */
export const sentFindingShape = object({
  ...omit(shownFindingShape, ['pageOnly', 'group']).fields,
  group: optional(sentGroupShape),
});
export type SentFinding = Infer<typeof sentFindingShape>;

/**
 * The engine's cannot-check as shown, with the feature that reports it; without a rule when the whole feature
 * could not check anything (it stopped on an error).
 */
export const cannotCheckShape = object({ featureId: str(80), ruleId: optional(str(120)), reason: text });
export type CannotCheck = Infer<typeof cannotCheckShape>;

/**
 * What a feature reports; `stakes`: the points and payments «Ma Convention» shows, for the side panel only (never
 * stored): read only while a side panel is open (`FeatureContext.sidePanel`).
 */
export const featureOutputShape = object({
  findings: array(shownFindingShape, 1000),
  cannotCheck: array(cannotCheckShape, 1000),
  stakes: optional(conventionStakesShape),
});
export type FeatureOutput = Infer<typeof featureOutputShape>;

export interface Profile {
  profession: Profession;
}

/** Sinks a feature may use to keep aggregates (no patient data): injected, so features stay testable. */
export interface FeatureServices {
  saveSnapshots?: (snapshots: IndicatorSnapshotInput[]) => Promise<unknown> | void;
  setVitaleStatus?: (status: StoredVitaleStatus) => Promise<unknown> | void;
  /** The prescription-line reader, loaded on demand (the content script fetches it only where a medicine field is). */
  loadPrescriptionReader?: () => Promise<PrescriptionReader>;
  /** Draws (or, with `null`, empties) the note a feature placed under a field: the UI is injected, lib/ has none. */
  renderFieldNote?: (mount: HTMLElement, note: FieldNote | null, lang: Lang) => void;
}

/** What a note under a field says: one block per item (a prescription line), with that item's findings. */
export interface FieldNote {
  items: Array<{ key: string; label: Text; findings: Array<Pick<ShownFinding, 'ruleId' | 'severity' | 'title'> & { text: Text }>; inWords?: string }>;
}

export interface IndicatorSnapshotInput {
  indicatorId: string;
  value: number;
  target?: number;
  asOf: string;
  pageType: PageType;
}

/**
 * Whether a side panel (Firefox: the sidebar) of the extension is open, as the background says: what only the panel
 * shows is read from the page only then (entrypoints/amelipro.content/side-panel.ts, lib/background/side-panels.ts).
 */
export interface SidePanelPresence {
  isOpen(): boolean;
  /** Calls `fn` when the first panel opens or the last one closes, until `signal` aborts. */
  onChange(signal: AbortSignal, fn: () => void): void;
}

export interface FeatureContext {
  page: PageType;
  url: URL;
  doc: Document;
  /** Reference date (YYYY-MM-DD): today, or the override from the options page. */
  date: string;
  profile: Profile;
  lang: Lang;
  services: FeatureServices;
  /** Whether a side panel is open (absent: none is). */
  sidePanel?: SidePanelPresence;
  /** The user's clicks and changes before the features started (first run of a page load only). */
  earlyEvents?: readonly UserEvent[];
  /** Replaces this feature's current output (call again whenever the page changes). */
  report: (out: FeatureOutput) => void;
}

export interface Feature {
  /** Stable id: also the option key and the CSS hook. */
  id: string;
  title: Text;
  pages: readonly PageType[];
  professions?: readonly Profession[];
  /**
   * The rules whose findings it reports, and no other: on a page, each rule has one feature (two would show it
   * twice). Checked by tests/unit/meta/rule-owners.test.ts.
   */
  ruleIds: readonly string[];
  /** May stay alive (listeners) until `signal` aborts; must clean up on abort. */
  run: (ctx: FeatureContext, signal: AbortSignal) => void | Promise<void>;
}

export const defineFeature = (feature: Feature): Feature => feature;
