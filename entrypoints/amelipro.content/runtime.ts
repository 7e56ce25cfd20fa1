import { browser } from 'wxt/browser';
import { OverlayView, OVERLAY_CSS } from '../../components/Overlay';
import { FEATURES } from '../../lib/features/registry';
import { FeatureManager, type ManagerState } from '../../lib/features/manager';
import { detectLang, localIsoDate } from '../../lib/i18n';
import { isoTimestamp } from '../../lib/rules/dates';
import type { TabState } from '../../lib/messages';
import { MAX_SNAPSHOTS_WITH_STATE, type SnoozeDays } from '../../lib/storage/message';
import { detectPage } from '../../lib/pages/detect';
import { onPageChange } from '../../lib/features/dom';
import { startVitaleChannel } from '../../lib/vitale/channel';
import type { PageType } from '../../lib/pages/types';
import type { UserEvent } from '../../lib/features/user-events';
import { mountOverlayHost } from './host';
import type { ContentLife } from './life';
import { featureServices, loadContentSettings, reportFeatureError, snoozeRule, toSnapshotInput, unsnoozeRule } from './services';
import { storage } from '../../lib/storage/client';
import type { SnapshotInput } from '../../lib/storage/stores/snapshots';
import type { FeatureServices } from '../../lib/features/types';

/**
 * `takeEarlyEvents`: the clicks and changes the loader kept while this module loaded; handed to the features in
 * their first run (see early.ts).
 */
export async function startContent(ctx: ContentLife, takeEarlyEvents: () => UserEvent[] = () => []): Promise<void> {
  // First: the "Lecture Carte Vitale" extension announces itself once, early; and the popup may ask for a test.
  startVitaleChannel(ctx);
  if (detectPage(location.href, document) === 'unknown') {
    // A page the extension does not recognise (most of the portal): nothing runs there, so nothing is asked of the
    // background but to know it; the settings, the checks and the overlay wait for a recognised page (a
    // single-page app may move to one).
    takeEarlyEvents(); // clicks made here are not for the checks of a later page
    takeEarlyEvents = () => [];
    sendUnknownPageState();
    await recognisedPage(ctx);
  }
  const settings = await loadContentSettings();
  const lang = settings.lang ?? detectLang(browser.i18n?.getUILanguage?.());
  const date = settings.referenceDate ?? settings.today ?? localIsoDate();
  const snoozed = new Set(settings.snoozedRuleIds);
  /**
   * The visit (see TabState.visit): the patient's name as the page shows it is compared here, in memory, and
   * never sent; only the counter moves.
   */
  const visitBase = Math.random().toString(36).slice(2, 10) || 'v';
  let visitCount = 0;
  let lastPatient: string | null = null;
  const patientChanged = (): boolean => {
    const shown = patientShown(document);
    if (shown === null || shown === lastPatient) return false;
    const changed = lastPatient !== null;
    lastPatient = shown;
    if (changed) visitCount++;
    return changed;
  };
  /** Findings hidden on this page only ("Masquer sur cette page"): in memory, forgotten at the next page. */
  let hiddenHere = new Set<string>();
  let page: PageType = detectPage(location.href, document);
  let lastUrl = location.href;
  let latest: ManagerState | null = null;

  const onAction = (kind: 'open-checklist') => {
    if (kind === 'open-checklist') browser.runtime.sendMessage({ type: 'open-checklist' }).catch(() => {});
  };
  const onSnooze = (ruleId: string, days: SnoozeDays) => {
    snoozed.add(ruleId);
    void snoozeRule(ruleId, days);
    if (latest) publish(latest);
  };
  const onHideHere = (ruleId: string) => {
    hiddenHere.add(ruleId);
    if (latest) publish(latest);
  };
  const onUndo = (ruleId: string) => {
    if (hiddenHere.delete(ruleId)) {
      // hidden on this page only: nothing was stored
    } else if (snoozed.delete(ruleId)) void unsnoozeRule(ruleId);
    if (latest) publish(latest);
  };
  /**
   * The overlay, put in the page on the first recognised page only. On a page the extension does not recognise,
   * nothing is checked: a corner button there would say "rien à signaler" of a page nobody looked at (the toolbar
   * button's window says "Page non reconnue"), and it would cost the page its style, layout and paint (1.5 to 2.8 ms of
   * its main thread, measured on the test pages) for nothing. A single-page app that moves to such a page takes the
   * button away.
   */
  let overlay: { host: HTMLElement; view: OverlayView; remove: () => void } | null = null;
  const overlayFor = (shown: PageType): typeof overlay => {
    if (shown === 'unknown') {
      overlay?.host.remove();
      return null;
    }
    if (!overlay) {
      const { host, container, remove } = mountOverlayHost(document, OVERLAY_CSS);
      overlay = { host, view: new OverlayView(container, host, lang, { onSnooze, onHideHere, onUndo, onAction, autoOpen: settings.autoOpen }), remove };
    } else if (!overlay.host.isConnected) (document.body ?? document.documentElement).append(overlay.host);
    overlay.host.setAttribute('data-compagnon-page', shown);
    return overlay;
  };
  // Only the extension's reload or removal ends this (see life.ts): the page cannot.
  ctx.onInvalidated(() => {
    overlay?.view.destroy();
    overlay?.remove();
  });

  let sendTimer: ReturnType<typeof setTimeout> | undefined;
  /** Rule ids already counted for this page view (daily aggregate counts, no page content). */
  let counted = new Set<string>();
  /** The state to send (what the overlay shows, and how many findings are snoozed), null once sent. */
  let unsent: { visible: ManagerState; snoozed: number } | null = null;
  /**
   * Indicator snapshots to save: they go to the background with the tab state, in one message (each message at
   * load costs the page about 0.4 ms); alone only when there is no state to send.
   */
  const outbox: SnapshotInput[] = [];
  const send = () => {
    sendTimer = undefined;
    let snapshots = outbox.splice(0);
    const next = unsent;
    unsent = null;
    if (!next || snapshots.length > MAX_SNAPSHOTS_WITH_STATE) {
      if (snapshots.length) void storage.saveSnapshots(snapshots);
      snapshots = [];
      if (!next) return;
    }
    const { visible, snoozed: snoozedCount } = next;
    const tabState: TabState = {
      ...visible,
      // what quotes the page stays in the page
      findings: visible.findings.map(({ pageOnly: _pageOnly, group: _group, ...f }) => f),
      snoozed: snoozedCount,
      visit: `${visitBase}-${visitCount}`,
      updatedAt: isoTimestamp(),
    };
    // Rule ids shown for the first time in this page view go with the state: the background adds them to the
    // day's counts (aggregates: rule id and date only).
    const fresh = [...new Set(visible.findings.map((f) => f.ruleId))].filter((id) => !counted.has(id));
    for (const id of fresh) counted.add(id);
    const message = {
      type: 'tab-state',
      state: tabState,
      ...(fresh.length ? { count: { ruleIds: fresh, date } } : {}),
      ...(snapshots.length ? { snapshots } : {}),
    };
    // a failed message may mean the extension was reloaded: then this copy stops
    browser.runtime.sendMessage(message).catch(() => ctx.check());
  };
  /** Sends 100 ms after the last change: the features of a page report in a burst. */
  const sendSoon = () => {
    if (sendTimer !== undefined) clearTimeout(sendTimer);
    sendTimer = setTimeout(send, 100);
  };
  // leaving the page: what is still to send goes now
  ctx.addEventListener(window, 'pagehide', () => {
    if (sendTimer === undefined || !outbox.length) return;
    clearTimeout(sendTimer);
    send();
  });
  const services: FeatureServices = {
    ...featureServices,
    saveSnapshots: (snapshots) => {
      outbox.push(...snapshots.map(toSnapshotInput));
      sendSoon();
    },
  };
  /**
   * Several features report in the same turn (at start-up, after navigation): render once, with the latest
   * state. A microtask, not an animation frame: those do not run in background tabs, and the badge must.
   */
  let pending: ManagerState | null = null;
  const publish = (state: ManagerState) => {
    if (pending === null) {
      queueMicrotask(() => {
        const next = pending!;
        pending = null;
        publishNow(next);
      });
    }
    pending = state;
  };
  /**
   * A blocking finding is never hidden by a snooze of days (one kept from an earlier version included): only on
   * this page, by the user.
   */
  const isHidden = (f: ManagerState['findings'][number]) => hiddenHere.has(f.ruleId) || (f.severity !== 'blocking' && snoozed.has(f.ruleId));
  const publishNow = (state: ManagerState) => {
    patientChanged();
    const visible = { ...state, findings: state.findings.filter((f) => !isHidden(f)) };
    latest = state;
    const hidden = state.findings.length - visible.findings.length;
    overlayFor(state.page)?.view.update(visible, hidden);
    unsent = { visible, snoozed: hidden };
    sendSoon();
  };

  const manager = new FeatureManager({
    features: FEATURES,
    onChange: publish,
    onError: (featureId, message) => void reportFeatureError(featureId, message),
    isEnabled: (id) => !settings.disabledFeatures.includes(id),
  });
  let earlyEvents: UserEvent[] | null = takeEarlyEvents();
  const run = () => {
    counted = new Set<string>();
    hiddenHere = new Set<string>();
    const early = earlyEvents ?? [];
    earlyEvents = null; // the first run only: later runs are for in-page navigations, with listeners in place
    manager.start({
      earlyEvents: early,
      page,
      url: new URL(location.href),
      doc: document,
      date,
      profile: { profession: settings.profession },
      lang,
      services,
    });
  };
  run();

  // Single-page app: re-detect on in-page navigation and when the app re-renders into another page.
  const redetect = () => {
    const next = detectPage(location.href, document);
    if (next !== page || location.href !== lastUrl) {
      page = next;
      lastUrl = location.href;
      run();
    } else if (patientChanged() && latest) publish(latest);
  };
  const life = new AbortController();
  onNavigation(ctx, life.signal, redetect);
  ctx.onInvalidated(() => {
    life.abort();
    manager.stop();
  });
}

/**
 * Calls `fn` after each in-page navigation (address or hash) and, since the app may render another page without
 * changing the URL, at most every 300 ms while the document changes (its shared change feed: one observer for the
 * whole content script), until `signal` aborts. WXT sends its location change when a navigation starts (the
 * Navigation API's "navigate" event), while `location` still holds the old address: `fn` then runs in the next task.
 */
function onNavigation(ctx: ContentLife, signal: AbortSignal, fn: () => void): void {
  // (the location listener cannot be removed before the script ends: it does nothing once `signal` aborts)
  ctx.onLocationChange(() => {
    if (!signal.aborted) setTimeout(() => signal.aborted || fn(), 0);
  });
  window.addEventListener('hashchange', fn, { signal });
  let timer: ReturnType<typeof setTimeout> | undefined;
  onPageChange(document, signal, () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      // the extension reloaded or removed: this copy stops (its overlay and checks go) instead of showing stale findings
      if (ctx.check()) fn();
    }, 300);
  });
  signal.addEventListener('abort', () => clearTimeout(timer));
}

/**
 * The patient the page shows, as text, for comparison in memory only: the design system's patient banner name,
 * or the older screens' patient name. Null when none is shown.
 */
function patientShown(doc: Document): string | null {
  const el = doc.querySelector('.amelipro-patient-banner__patient-info__name, .p2-nom-patient');
  const text = el?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

/** The popup and the toolbar button learn that this tab's page is not recognised (nothing checked there). */
function sendUnknownPageState(): void {
  const state: TabState = { page: 'unknown', findings: [], cannotCheck: [], failed: [], ran: [], snoozed: 0, updatedAt: isoTimestamp() };
  browser.runtime.sendMessage({ type: 'tab-state', state }).catch(() => {});
}

/**
 * Resolves when the page becomes one the extension recognises (in-page navigation, or the app rendering another
 * page); never while it stays unrecognised, and never once the script is invalidated.
 */
function recognisedPage(ctx: ContentLife): Promise<void> {
  return new Promise((resolve) => {
    const watching = new AbortController();
    ctx.onInvalidated(() => watching.abort());
    onNavigation(ctx, watching.signal, () => {
      if (detectPage(location.href, document) === 'unknown') return;
      watching.abort();
      resolve();
    });
  });
}
