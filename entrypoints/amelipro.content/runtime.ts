import { browser } from 'wxt/browser';
import { FEATURES } from '../../lib/features/registry';
import { FeatureManager } from '../../lib/features/manager';
import { detectLang } from '../../lib/i18n';
import { todayIso } from '../../lib/rules/dates';
import { detectPage } from '../../lib/pages/detect';
import { startVitaleChannel } from '../../lib/vitale/channel';
import type { PageType } from '../../lib/pages/types';
import type { UserEvent } from '../../lib/features/user-events';
import type { FeatureServices } from '../../lib/features/types';
import type { ContentLife } from './life';
import { startHeaderChannel } from './header-channel';
import { onNavigation, recognisedPage } from './navigation';
import { createTabStateOutbox, sendUnknownPageState } from './outbox';
import { createOverlayController } from './overlay-controller';
import { startSidePanelWatch } from './side-panel';
import { featureServices, loadContentSettings, reportFeatureError, toSnapshotInput } from './services';
import { trackVisit } from './visit';

/**
 * `takeEarlyEvents`: the clicks and changes the loader kept while this module loaded; handed to the features in
 * their first run (see early.ts).
 */
export async function startContent(ctx: ContentLife, takeEarlyEvents: () => UserEvent[] = () => []): Promise<void> {
  // First: the "Lecture Carte Vitale" extension announces itself once, early; and the popup may ask for a test.
  startVitaleChannel(ctx);
  // on any amelipro page, recognised or not: the profession its header names, read when an extension page asks
  startHeaderChannel(ctx);
  if (detectPage(location.href, document) === 'unknown') {
    // A page the extension does not recognise (most of the portal): nothing runs there, so nothing is asked of the
    // background but to know it; the settings, the checks and the overlay wait for a recognised page (a
    // single-page app may move to one).
    takeEarlyEvents(); // clicks made here are not for the checks of a later page
    takeEarlyEvents = () => [];
    sendUnknownPageState();
    await recognisedPage(ctx);
  }
  // what only the side panel shows is read while one is open: the background says when (side-panel.ts)
  const sidePanel = startSidePanelWatch(ctx);
  const settings = await loadContentSettings();
  const lang = settings.lang ?? detectLang(browser.i18n?.getUILanguage?.());
  const date = settings.referenceDate ?? settings.today ?? todayIso();
  const visit = trackVisit(document);
  const outbox = createTabStateOutbox(ctx, { date, visit: visit.id, answered: sidePanel.heard });
  const overlay = createOverlayController(ctx, {
    lang,
    autoOpen: settings.autoOpen,
    snoozedRuleIds: settings.snoozedRuleIds,
    beforeShow: () => void visit.changed(),
    shown: outbox.state,
  });
  const services: FeatureServices = {
    ...featureServices,
    saveSnapshots: (snapshots) => outbox.snapshots(snapshots.map(toSnapshotInput)),
  };
  const manager = new FeatureManager({
    features: FEATURES,
    onChange: overlay.publish,
    onError: (featureId, message) => void reportFeatureError(featureId, message),
    isEnabled: (id) => !settings.disabledFeatures.includes(id),
  });

  let page: PageType = detectPage(location.href, document);
  let lastUrl = location.href;
  let earlyEvents: UserEvent[] | null = takeEarlyEvents();
  const run = () => {
    outbox.newPage();
    overlay.newPage();
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
      sidePanel,
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
    } else if (visit.changed()) overlay.republish();
  };
  const life = new AbortController();
  onNavigation(ctx, life.signal, redetect);
  ctx.onInvalidated(() => {
    life.abort();
    manager.stop();
  });
}
