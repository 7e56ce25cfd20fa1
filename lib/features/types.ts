import type { Lang, Text } from '../i18n';
import type { PageType, Profession } from '../pages/types';
import type { FindingData } from '../rules/finding-data';
import type { CannotCheck as RuleCannotCheck } from '../rules/engine';
import type { Severity } from '../rules/severity';
import type { StoredVitaleStatus } from '../vitale/status';
import type { UserEvent } from './user-events';
import type { PrescriptionReader } from '../prescription/read';
import type { ConventionStakes } from '../indicators/stakes';

export type { Severity };

/** A finding as shown to the user: what rule, how serious, what to do. Never contains patient data. */
export interface ShownFinding {
  ruleId: string;
  featureId: string;
  severity: Severity;
  title: Text;
  message: Text;
  detail?: Text;
  /** What the check saw, as values (dates, counts): every surface computes from this, never from the texts. */
  data?: FindingData;
  link?: string;
  /**
   * Text that quotes the page (e.g. the prescription line) and may help the user, but must stay in the page:
   * it is never sent to the background, the popup or the side panel, and never stored.
   */
  pageOnly?: Text;
  /** A button offered with the finding (e.g. open the pre-submission checklist). */
  action?: { kind: 'open-checklist'; label: Text };
  /**
   * The findings of one thing on the page (a prescription line) share a group: every surface shows them in one card.
   * Its key and label are made by the feature ("Ligne 1"), never of the page's words, and go with the tab state; its
   * `pageOnly` (the line written out in words) stays in the page.
   */
  group?: FindingGroup;
}

export interface FindingGroup {
  /** Same key, same card (e.g. `prescription-line-1`): lower-case letters, digits and hyphens. */
  key: string;
  label: Text;
  pageOnly?: Text;
}

/**
 * The engine's cannot-check as shown, with the feature that reports it; without a rule when the whole feature
 * could not check anything (it stopped on an error).
 */
export interface CannotCheck extends Omit<RuleCannotCheck, 'ruleId'>, Partial<Pick<RuleCannotCheck, 'ruleId'>> {
  featureId: string;
}

export interface FeatureOutput {
  findings: ShownFinding[];
  cannotCheck: CannotCheck[];
  /** The points and payments «Ma Convention» shows: for the side panel, with the tab state (never stored). */
  stakes?: ConventionStakes;
}

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

export interface FeatureContext {
  page: PageType;
  url: URL;
  doc: Document;
  /** Reference date (YYYY-MM-DD): today, or the override from the options page. */
  date: string;
  profile: Profile;
  lang: Lang;
  services: FeatureServices;
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
  /** May stay alive (listeners) until `signal` aborts; must clean up on abort. */
  run: (ctx: FeatureContext, signal: AbortSignal) => void | Promise<void>;
}

export const defineFeature = (feature: Feature): Feature => feature;
