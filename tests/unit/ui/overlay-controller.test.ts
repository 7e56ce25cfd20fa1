/** The overlay controller: the overlay goes in the page with the first thing it has to say, not before (happy-dom). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOverlayController, hasSomethingToSay } from '../../../entrypoints/amelipro.content/overlay-controller';
import { ContentLife } from '../../../entrypoints/amelipro.content/life';
import { HOST_TAG } from '../../../lib/host-tag';
import type { ManagerState } from '../../../lib/features/manager';
import type { ShownFinding } from '../../../lib/features/types';
import type { PageType } from '../../../lib/pages/types';

const finding = (ruleId: string, severity: ShownFinding['severity'] = 'warning'): ShownFinding => ({
  ruleId,
  featureId: 'f',
  severity,
  title: { fr: `Titre ${ruleId}`, en: `Title ${ruleId}` },
  message: { fr: 'Message', en: 'Message' },
});
const stateOf = (page: PageType, findings: ShownFinding[] = [], more: Partial<ManagerState> = {}): ManagerState => ({
  page,
  findings,
  cannotCheck: [],
  failed: [],
  ran: ['f'],
  ...more,
});
const host = () => document.querySelector(HOST_TAG);
/** publish draws at the end of the turn. */
const turn = () => new Promise<void>((resolve) => queueMicrotask(resolve));

/** Ends each controller's script, as when the extension is reloaded (its overlay goes). */
const ends: (() => void)[] = [];
function controller(snoozedRuleIds: string[] = []) {
  let alive = true;
  const life = new ContentLife(document, () => alive);
  ends.push(() => {
    alive = false;
    life.check();
  });
  const shown = vi.fn();
  const overlay = createOverlayController(life, { lang: 'fr', autoOpen: false, snoozedRuleIds, beforeShow: () => {}, shown });
  return { overlay, shown };
}

afterEach(() => {
  for (const end of ends.splice(0)) end();
  document.body.innerHTML = '';
});

describe('hasSomethingToSay', () => {
  it('is true for a finding, a check that could not be made, a failed feature or a hidden finding; false otherwise', () => {
    const none = { findings: [], cannotCheck: [], failed: [] };
    expect(hasSomethingToSay(none, 0)).toBe(false);
    expect(hasSomethingToSay({ ...none, findings: [finding('a')] }, 0)).toBe(true);
    expect(hasSomethingToSay({ ...none, cannotCheck: [{ featureId: 'f', reason: { fr: 'x', en: 'x' } }] }, 0)).toBe(true);
    expect(hasSomethingToSay({ ...none, failed: [{ featureId: 'f', message: 'x' }] }, 0)).toBe(true);
    expect(hasSomethingToSay(none, 1)).toBe(true);
  });

  it('is false for an information that only repeats the page, true for one that does not, and for a warning marked so', () => {
    const none = { findings: [], cannotCheck: [], failed: [] };
    const echo = (severity: ShownFinding['severity']): ShownFinding => ({ ...finding('indicators.declaration-open', severity), echoes: 'page' });
    expect(hasSomethingToSay({ ...none, findings: [echo('info')] }, 0)).toBe(false);
    expect(hasSomethingToSay({ ...none, findings: [finding('aat.secured-cerfa', 'info')] }, 0)).toBe(true);
    expect(hasSomethingToSay({ ...none, findings: [echo('warning')] }, 0)).toBe(true);
    expect(hasSomethingToSay({ ...none, findings: [echo('blocking')] }, 0)).toBe(true);
    expect(hasSomethingToSay({ ...none, findings: [echo('info'), finding('x', 'info')] }, 0)).toBe(true);
  });
});

describe('createOverlayController', () => {
  it('puts nothing in a recognised page with nothing to say, and still reports the state', async () => {
    const { overlay, shown } = controller();
    overlay.publish(stateOf('aat'));
    await turn();
    expect(host()).toBeNull();
    expect(shown).toHaveBeenCalledTimes(1);
    expect(shown.mock.calls[0]![0]).toMatchObject({ page: 'aat', findings: [] });
  });

  it('puts the overlay in the page with the first finding, and keeps it (saying "aucune remarque") once it is resolved', async () => {
    const { overlay } = controller();
    overlay.publish(stateOf('aat'));
    await turn();
    overlay.publish(stateOf('aat', [finding('aat.duration-limit', 'blocking')]));
    await turn();
    expect(host()?.getAttribute('data-compagnon-page')).toBe('aat');
    overlay.publish(stateOf('aat'));
    await turn();
    const pill = host()?.shadowRoot?.querySelector('.ca-pill, .ca-panel');
    expect(pill).not.toBeNull();
    expect(host()?.shadowRoot?.querySelector('[data-rule-id]')).toBeNull();
  });

  it('shows a check that could not be made, a failed feature, and a finding snoozed here', async () => {
    const cannot = controller();
    cannot.overlay.publish(stateOf('aat', [], { cannotCheck: [{ featureId: 'f', reason: { fr: 'Impossible de vérifier', en: 'Could not check' } }] }));
    await turn();
    expect(host()).not.toBeNull();
    document.body.innerHTML = '';

    const failed = controller();
    failed.overlay.publish(stateOf('atmp', [], { failed: [{ featureId: 'f', message: 'panne' }] }));
    await turn();
    expect(host()?.getAttribute('data-compagnon-page')).toBe('atmp');
    document.body.innerHTML = '';

    const snoozed = controller(['aat.online-preferred']);
    snoozed.overlay.publish(stateOf('aat', [finding('aat.online-preferred', 'info')]));
    await turn();
    expect(host()).not.toBeNull();
    expect(snoozed.shown.mock.calls[0]![1]).toBe(1);
  });

  it('takes the overlay away on a new page view with nothing to say, and puts it back with a finding there', async () => {
    const { overlay } = controller();
    overlay.publish(stateOf('aat', [finding('aat.secured-cerfa')]));
    await turn();
    expect(host()).not.toBeNull();
    overlay.newPage();
    overlay.publish(stateOf('prescription'));
    await turn();
    expect(host()).toBeNull();
    overlay.publish(stateOf('prescription', [finding('secure-prescription.required', 'blocking')]));
    await turn();
    expect(host()?.getAttribute('data-compagnon-page')).toBe('prescription');
  });

  it('puts nothing in the page for an information that only repeats it, and still reports it; shows it beside another finding', async () => {
    const { overlay, shown } = controller();
    const echo: ShownFinding = { ...finding('indicators.declaration-open', 'info'), echoes: 'page' };
    overlay.publish(stateOf('convention-medecin', [echo]));
    await turn();
    expect(host()).toBeNull();
    expect(shown.mock.calls[0]![0]).toMatchObject({ findings: [{ ruleId: 'indicators.declaration-open', echoes: 'page' }] });
    overlay.publish(
      stateOf('convention-medecin', [echo], { cannotCheck: [{ featureId: 'f', reason: { fr: 'Impossible de vérifier', en: 'Could not check' } }] }),
    );
    await turn();
    expect(host()?.getAttribute('data-compagnon-page')).toBe('convention-medecin');
  });

  it('puts nothing on a page it does not recognise, even with a state to report', async () => {
    const { overlay } = controller();
    overlay.publish(stateOf('aat', [finding('aat.secured-cerfa')]));
    await turn();
    overlay.newPage();
    overlay.publish(stateOf('unknown', [finding('x')]));
    await turn();
    expect(host()).toBeNull();
  });
});
