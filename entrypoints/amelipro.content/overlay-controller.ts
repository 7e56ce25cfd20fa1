/**
 * The overlay controller: puts the overlay in the page on the first recognised page, hides what the user snoozed
 * or hid on this page, and draws the features' state once per turn.
 */
import { browser } from 'wxt/browser';
import { OverlayView, OVERLAY_CSS } from '../../components/Overlay';
import type { ManagerState } from '../../lib/features/manager';
import type { Lang } from '../../lib/i18n';
import type { PageType } from '../../lib/pages/types';
import type { SnoozeDays } from '../../lib/storage/message';
import { mountOverlayHost } from './host';
import type { ContentLife } from './life';
import { snoozeRule, unsnoozeRule } from './services';

export interface OverlayOptions {
  lang: Lang;
  autoOpen: boolean;
  snoozedRuleIds: readonly string[];
  /** Before each drawing (e.g. note whether the patient changed). */
  beforeShow: () => void;
  /** After each drawing: what is visible, and how many findings are hidden. */
  shown: (visible: ManagerState, hidden: number) => void;
}

export interface OverlayController {
  /** The features' latest state: drawn once, at the end of the current turn. */
  publish: (state: ManagerState) => void;
  /** Draws the latest state again (e.g. another patient). */
  republish: () => void;
  /** A new page view: what was hidden on the last page only shows again. */
  newPage: () => void;
}

export function createOverlayController(ctx: ContentLife, opts: OverlayOptions): OverlayController {
  const snoozed = new Set(opts.snoozedRuleIds);
  /** Findings hidden on this page only ("Masquer sur cette page"): in memory, forgotten at the next page. */
  let hiddenHere = new Set<string>();
  let latest: ManagerState | null = null;
  const republish = () => {
    if (latest) publish(latest);
  };

  const onAction = (kind: 'open-checklist') => {
    if (kind === 'open-checklist') browser.runtime.sendMessage({ type: 'open-checklist' }).catch(() => {});
  };
  const onSnooze = (ruleId: string, days: SnoozeDays) => {
    snoozed.add(ruleId);
    void snoozeRule(ruleId, days);
    republish();
  };
  const onHideHere = (ruleId: string) => {
    hiddenHere.add(ruleId);
    republish();
  };
  const onUndo = (ruleId: string) => {
    if (hiddenHere.delete(ruleId)) {
      // hidden on this page only: nothing was stored
    } else if (snoozed.delete(ruleId)) void unsnoozeRule(ruleId);
    republish();
  };
  /**
   * The overlay, put in the page with the first thing it has to say on a recognised page: a finding (not an
   * information that only repeats the page), a check that could not be made, a feature that failed, or a finding
   * hidden here (which can be shown again). Until then the page has nothing of it: quiet when there is nothing to
   * say (the toolbar button's window says "Aucune remarque." for the tab, or lists the information the page already
   * shows), and the page does not pay its host, drawing and placement (1.6 to 3.2 ms of its main thread at load,
   * docs/performance.md). Once it has said something, it stays for that page view: its corner button then
   * says "aucune remarque" when what it said is resolved. On a page the extension does not recognise, nothing is
   * checked (the window says "Page non reconnue"): a single-page app that moves to such a page, or to a page with
   * nothing to say, takes the overlay away.
   */
  let overlay: { host: HTMLElement; view: OverlayView; remove: () => void } | null = null;
  /** The overlay had something to say on this page view. */
  let saidHere = false;
  const overlayFor = (shown: PageType): typeof overlay => {
    if (shown === 'unknown') {
      overlay?.host.remove();
      return null;
    }
    if (!overlay) {
      const { host, container, remove } = mountOverlayHost(document, OVERLAY_CSS);
      overlay = { host, view: new OverlayView(container, host, opts.lang, { onSnooze, onHideHere, onUndo, onAction, autoOpen: opts.autoOpen }), remove };
    } else if (!overlay.host.isConnected) (document.body ?? document.documentElement).append(overlay.host);
    overlay.host.setAttribute('data-compagnon-page', shown);
    return overlay;
  };
  // Only the extension's reload or removal ends this (see life.ts): the page cannot.
  ctx.onInvalidated(() => {
    overlay?.view.destroy();
    overlay?.remove();
  });

  /**
   * A blocking finding is never hidden by a snooze of days (one kept from an earlier version included): only on
   * this page, by the user.
   */
  const isHidden = (f: ManagerState['findings'][number]) => hiddenHere.has(f.ruleId) || (f.severity !== 'blocking' && snoozed.has(f.ruleId));
  const publishNow = (state: ManagerState) => {
    opts.beforeShow();
    const visible = { ...state, findings: state.findings.filter((f) => !isHidden(f)) };
    latest = state;
    const hidden = state.findings.length - visible.findings.length;
    if (hasSomethingToSay(visible, hidden)) saidHere = true;
    if (saidHere) overlayFor(state.page)?.view.update(visible, hidden);
    else overlay?.host.remove();
    opts.shown(visible, hidden);
  };
  const publish = latestInMicrotask(publishNow);

  return {
    publish,
    republish,
    newPage() {
      hiddenHere = new Set<string>();
      saidHere = false;
    },
  };
}

/**
 * Something for the overlay to show: a finding (but an information that only repeats what the page shows, see
 * lib/rules/check.ts `Echo`), a check that could not be made, a failed feature, a hidden finding.
 */
export function hasSomethingToSay(visible: Pick<ManagerState, 'findings' | 'cannotCheck' | 'failed'>, hidden: number): boolean {
  return visible.findings.some(saysMoreThanThePage) || visible.cannotCheck.length > 0 || visible.failed.length > 0 || hidden > 0;
}

const saysMoreThanThePage = (f: ManagerState['findings'][number]) => f.severity !== 'info' || f.echoes !== 'page';

/**
 * Several features report in the same turn (at start-up, after navigation): `fn` runs once, with the latest value.
 * A microtask, not an animation frame: those do not run in background tabs, and the badge must.
 */
export function latestInMicrotask<T>(fn: (value: T) => void): (value: T) => void {
  let pending: { value: T } | null = null;
  return (value) => {
    if (pending === null) {
      queueMicrotask(() => {
        const next = pending!;
        pending = null;
        fn(next.value);
      });
    }
    pending = { value };
  };
}
