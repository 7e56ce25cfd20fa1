import type { Lang, Text } from '../i18n';
import type { PageType, Profession } from '../pages/types';
import type { StoredVitaleStatus } from '../vitale/status';
import type { UserEvent } from './user-events';

export type Severity = 'blocking' | 'warning' | 'info';

/** A finding as shown to the user: what rule, how serious, what to do. Never contains patient data. */
export interface ShownFinding {
  ruleId: string;
  featureId: string;
  severity: Severity;
  title: Text;
  message: Text;
  detail?: Text;
  link?: string;
  source?: string;
  /**
   * Text that quotes the page (e.g. the prescription line) and may help the user, but must stay in the page:
   * it is never sent to the background, the popup or the side panel, and never stored.
   */
  pageOnly?: Text;
  /** A button offered with the finding (e.g. open the pre-submission checklist). */
  action?: { kind: 'open-checklist'; label: Text };
}

/** A feature recognised the page but could not find what it needs: shown as "impossible de vérifier", never a pass. */
export interface CannotCheck {
  featureId: string;
  ruleId?: string;
  reason: Text;
}

export interface FeatureOutput {
  findings: ShownFinding[];
  cannotCheck: CannotCheck[];
}

export interface Profile {
  profession: Profession;
}

/** Sinks a feature may use to keep aggregates (no patient data): injected, so features stay testable. */
export interface FeatureServices {
  saveSnapshots?: (snapshots: IndicatorSnapshotInput[]) => Promise<unknown> | void;
  setVitaleStatus?: (status: StoredVitaleStatus) => Promise<unknown> | void;
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
