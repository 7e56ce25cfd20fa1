/** The in-page overlay's corner button, live region and panel (plain DOM + Preact panel), in happy-dom. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OVERLAY_CSS, OVERLAY_PANEL_CSS, OverlayView } from '../../../components/Overlay';
import type { ManagerState } from '../../../lib/features/manager';
import type { ShownFinding } from '../../../lib/features/types';
import { plain } from '../helpers/text';

const finding = (ruleId: string, severity: ShownFinding['severity']): ShownFinding => ({
  ruleId,
  featureId: 'f',
  severity,
  title: { fr: `Titre ${ruleId}`, en: `Title ${ruleId}` },
  message: { fr: 'Message', en: 'Message' },
});
const stateOf = (findings: ShownFinding[], cannot = 0): ManagerState => ({
  page: 'aat',
  findings,
  cannotCheck: Array.from({ length: cannot }, () => ({ featureId: 'f', reason: { fr: 'Impossible de vérifier', en: 'Could not check' } })),
  failed: [],
  ran: ['f'],
});

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
  document.body.innerHTML = '';
});

/** `byUser`: which events count as the user's (happy-dom's clicks are untrusted, like a page script's). */
function mount(byUser: ((e: Event) => boolean) | null = () => true) {
  const host = document.createElement('compagnon-amelipro');
  const shadow = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  shadow.append(container);
  document.body.append(host);
  const onSnooze = vi.fn();
  const view = new OverlayView(container, host, 'fr', { onSnooze, ...(byUser ? { byUser } : {}) });
  cleanup = () => view.destroy();
  const q = <E extends Element>(sel: string) => container.querySelector<E>(sel);
  return { view, host, container, q, onSnooze };
}

describe('OverlayView', () => {
  it('stays a quiet corner button for information, with the count in its label', () => {
    const { view, q } = mount();
    view.update(stateOf([], 0));
    expect(q('.ca-pill')).not.toBeNull();
    expect(q('.ca-count')).toBeNull();
    view.update(stateOf([finding('a', 'info')], 1));
    expect(view.isOpen).toBe(false);
    expect(q('.ca-panel')).toBeNull();
    expect(q('.ca-count')?.textContent).toBe('2');
    expect(q('.ca-pill')?.className).toBe('ca-pill ca-pill-info');
    expect(q('.ca-pill')?.getAttribute('aria-label')).toMatch(/Compagnon amelipro : Information, 2 remarques/);
    expect(q('.ca-live')?.textContent).not.toBe('');
  });

  it('draws its check mark in CSS, and only when there is nothing to see: beside a count a tick reads as "all good"', () => {
    const { view, q } = mount();
    view.update(stateOf([]));
    expect(q('.ca-pill .ca-mark')).not.toBeNull();
    expect(q('.ca-pill .ca-mark')?.textContent).toBe('');
    expect(q('.ca-pill')?.className).toBe('ca-pill ca-pill-none');
    view.update(stateOf([finding('a', 'warning')]));
    expect(q('.ca-pill .ca-mark')).toBeNull();
    // digits only: in every font
    expect(q('.ca-pill')?.textContent).toBe('1');
    view.update(stateOf([]));
    expect(q('.ca-pill .ca-mark')).not.toBeNull();
    expect(q('.ca-count')).toBeNull();
  });

  it("the corner button takes the most serious finding's colour, and says it", () => {
    const { view, q } = mount();
    view.update(stateOf([], 1));
    expect(q('.ca-pill')?.className).toBe('ca-pill ca-pill-cannot');
    view.update(stateOf([finding('i', 'info'), finding('w', 'warning')]));
    expect(q('.ca-pill')?.className).toBe('ca-pill ca-pill-warning ca-pill-alert');
    expect(q('.ca-pill')?.getAttribute('aria-label')).toMatch(/Attention, 2 remarques/);
    // (the blocking finding opens the panel; folded, the button is red)
    view.update(stateOf([finding('i', 'info'), finding('w', 'warning'), finding('b', 'blocking')]));
    q<HTMLButtonElement>('.ca-close')!.click();
    expect(q('.ca-pill')?.className).toBe('ca-pill ca-pill-blocking ca-pill-alert');
  });

  it('opens by itself for a blocking finding only, not for a warning', () => {
    const { view, q } = mount();
    view.update(stateOf([finding('w', 'warning')]));
    expect(view.isOpen).toBe(false);
    expect(q('.ca-pill')?.className).toContain('ca-pill-warning');
    view.update(stateOf([finding('w', 'warning'), finding('b', 'blocking')]));
    expect(view.isOpen).toBe(true);
  });

  it('with the setting off, it never opens by itself', () => {
    const host = document.createElement('compagnon-amelipro');
    const container = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(container);
    document.body.append(host);
    const view = new OverlayView(container, host, 'fr', { onSnooze: vi.fn(), byUser: () => true, autoOpen: false });
    cleanup = () => view.destroy();
    view.update(stateOf([finding('b', 'blocking')]));
    expect(view.isOpen).toBe(false);
    expect(container.querySelector('.ca-pill')?.className).toContain('ca-pill-blocking');
    container.querySelector<HTMLButtonElement>('.ca-pill')!.click();
    expect(view.isOpen).toBe(true);
  });

  it('opens for a blocking finding, lists it, and folds back on a click elsewhere in the page', async () => {
    const { view, q } = mount();
    view.update(stateOf([finding('w', 'blocking')]));
    expect(view.isOpen).toBe(true);
    expect(q('.ca-pill')).toBeNull();
    expect(q('.ca-panel')?.textContent).toContain('Titre w');
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
    expect(view.isOpen).toBe(false);
    expect(q('.ca-panel')).toBeNull();
    // folded by the user: a new blocking finding turns the button red instead of opening again
    view.update(stateOf([finding('w', 'blocking'), finding('w2', 'blocking')]));
    expect(view.isOpen).toBe(false);
    expect(q('.ca-pill')?.className).toContain('ca-pill-blocking');
    // the button opens it; the close button folds it
    q<HTMLButtonElement>('.ca-pill')!.click();
    expect(q('.ca-panel')).not.toBeNull();
    q<HTMLButtonElement>('.ca-close')!.click();
    expect(q('.ca-panel')).toBeNull();
  });

  it("puts the panel's styles in its shadow root when the panel first opens, once; the button alone needs none of them", () => {
    const { view, container } = mount();
    const panelSheets = () => Array.from(container.querySelectorAll('style')).filter((s) => s.textContent?.includes('.ca-panel{'));
    view.update(stateOf([finding('i', 'info'), finding('w', 'warning')], 1));
    expect(view.isOpen).toBe(false);
    expect(panelSheets()).toHaveLength(0);
    expect(OVERLAY_CSS).not.toContain('.ca-panel');
    expect(OVERLAY_CSS).not.toContain('.ca-finding');
    view.update(stateOf([finding('b', 'blocking')]));
    expect(view.isOpen).toBe(true);
    // in place before the panel is drawn (same task): it is never painted unstyled
    expect(panelSheets()).toHaveLength(1);
    expect(panelSheets()[0]!.textContent).toBe(OVERLAY_PANEL_CSS);
    expect(panelSheets()[0]!.compareDocumentPosition(container.querySelector('.ca-panel')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    container.querySelector<HTMLButtonElement>('.ca-close')!.click();
    container.querySelector<HTMLButtonElement>('.ca-pill')!.click();
    expect(view.isOpen).toBe(true);
    expect(panelSheets()).toHaveLength(1);
  });

  it('keyboard: the button moves the focus into the panel, Escape or the close button gives it back', () => {
    const { view, q, host } = mount();
    view.update(stateOf([finding('a', 'info')]));
    q<HTMLButtonElement>('.ca-pill')!.click();
    expect(host.shadowRoot!.activeElement).toBe(q('.ca-close'));
    q('.ca-close')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(view.isOpen).toBe(false);
    expect(host.shadowRoot!.activeElement).toBe(q('.ca-pill'));
    q<HTMLButtonElement>('.ca-pill')!.click();
    q<HTMLButtonElement>('.ca-close')!.click();
    expect(host.shadowRoot!.activeElement).toBe(q('.ca-pill'));
  });

  it('a click inside the overlay does not fold it', () => {
    const { view, q } = mount();
    view.update(stateOf([finding('w', 'blocking')]));
    q('.ca-panel')!.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
    expect(view.isOpen).toBe(true);
  });

  it('never opens while the user is typing in a portal field', () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    const { view, q } = mount();
    view.update(stateOf([finding('w', 'blocking')]));
    expect(view.isOpen).toBe(false);
    expect(q('.ca-pill')?.className).toContain('ca-pill-blocking');
  });

  it('announces only new findings, and removes everything on destroy', () => {
    const { view, q, container } = mount();
    view.update(stateOf([finding('a', 'info')]));
    const first = q('.ca-live')!.textContent;
    expect(first).toMatch(/1/);
    q('.ca-live')!.textContent = '';
    view.update(stateOf([finding('a', 'info')]));
    expect(q('.ca-live')!.textContent).toBe('');
    view.destroy();
    expect(container.childElementCount).toBe(0);
    cleanup = null;
  });

  it('the page cannot act for the user: untrusted clicks and changes open, snooze and run nothing', () => {
    const { view, q, onSnooze } = mount(null); // the default: trusted events only
    const pageClick = (el: Element) => el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    view.update(stateOf([finding('a', 'info')]));
    pageClick(q('.ca-pill')!);
    expect(view.isOpen).toBe(false);
    view.update(stateOf([finding('a', 'info'), finding('b', 'blocking')]));
    expect(view.isOpen).toBe(true);
    // a page script adds a long option to the snooze list and picks it, or picks an offered one
    const select = q<HTMLSelectElement>('[data-rule-id="a"] select')!;
    const forged = document.createElement('option');
    forged.value = '3650000';
    select.append(forged);
    for (const index of [4, 3]) {
      select.selectedIndex = index;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    expect(onSnooze).not.toHaveBeenCalled();
    expect(select.selectedIndex).toBe(0);
    pageClick(q('.ca-close')!);
    expect(view.isOpen).toBe(true);
  });

  it("a user's snooze is one of the offered lengths, read from the option chosen, never from its value", () => {
    const { view, q, onSnooze } = mount();
    view.update(stateOf([finding('b', 'blocking'), finding('w', 'warning')]));
    const select = q<HTMLSelectElement>('[data-rule-id="w"] select')!;
    select.options[3]!.value = '3650000'; // rewritten by the page
    select.selectedIndex = 3;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onSnooze).toHaveBeenCalledWith('w', 30);
  });

  it('a blocking finding offers no snooze of days, only « Masquer sur cette page »; each hiding has its « Annuler »', () => {
    const host = document.createElement('compagnon-amelipro');
    const container = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(container);
    document.body.append(host);
    const [onSnooze, onHideHere, onUndo] = [vi.fn(), vi.fn(), vi.fn()];
    const view = new OverlayView(container, host, 'fr', { onSnooze, onHideHere, onUndo, byUser: () => true });
    cleanup = () => view.destroy();
    const q = <E extends Element>(sel: string) => container.querySelector<E>(sel);
    view.update(stateOf([finding('b', 'blocking'), finding('w', 'warning')]));
    expect(q('[data-rule-id="b"] select')).toBeNull();
    const hide = q<HTMLButtonElement>('[data-rule-id="b"] button.ca-text-btn')!;
    expect(hide.textContent).toBe('Masquer sur cette page');
    hide.click();
    expect(onHideHere).toHaveBeenCalledWith('b');
    // the content script hides it and says how many are hidden
    view.update(stateOf([finding('w', 'warning')]), 1);
    expect(plain(q('.ca-notice')?.textContent)).toContain('« Titre b » masqué sur cette page.');
    expect(q('.ca-hidden-count')?.textContent).toBe('1 remarque masquée');
    q<HTMLButtonElement>('.ca-notice button')!.click();
    expect(onUndo).toHaveBeenCalledWith('b');
    expect(q('.ca-notice')).toBeNull();
    // a warning's snooze of days: its « Annuler » too
    const select = q<HTMLSelectElement>('[data-rule-id="w"] select')!;
    select.selectedIndex = 2;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onSnooze).toHaveBeenCalledWith('w', 7);
    view.update(stateOf([finding('b', 'blocking')]), 1);
    expect(plain(q('.ca-notice')?.textContent)).toContain('« Titre w » masqué 7 jours.');
    q<HTMLButtonElement>('.ca-notice button')!.click();
    expect(onUndo).toHaveBeenCalledWith('w');
    // folded: the button's label says how many are hidden
    q<HTMLButtonElement>('.ca-close')!.click();
    expect(q('.ca-pill')?.getAttribute('aria-label')).toContain('(1 remarque masquée)');
  });
});

describe('OverlayView placement of the corner button', () => {
  /** A resize observer the test reports through, as the browser does after a layout. */
  class FakeResizeObserver {
    static last: FakeResizeObserver | null = null;
    readonly targets: Element[] = [];
    constructor(readonly callback: (entries: { target: Element }[], observer: FakeResizeObserver) => void) {
      FakeResizeObserver.last = this;
    }
    report(entries: { target: Element }[]) {
      this.callback(entries, this);
    }
    observe(el: Element) {
      this.targets.push(el);
    }
    unobserve(el: Element) {
      this.targets.splice(this.targets.indexOf(el), 1);
    }
    disconnect() {}
  }
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('is placed in the frame that first lays it out (the resize report of its root), not in a task of its own', () => {
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    const { view, q } = mount();
    const observer = FakeResizeObserver.last!;
    const root = q('.ca-root')!;
    expect(observer.targets).toEqual([document.body, root]);
    const timers = vi.spyOn(window, 'setTimeout');
    view.update(stateOf([finding('a', 'info')]));
    expect(timers).not.toHaveBeenCalled();
    const measured = vi.spyOn(q<HTMLButtonElement>('.ca-pill')!, 'getBoundingClientRect');
    observer.report([{ target: document.body }, { target: root }]);
    expect(measured).toHaveBeenCalledTimes(1);
    expect(timers).not.toHaveBeenCalled();
    // then only the page is watched, as before: a panel the user opened is not folded back because its own size changed
    expect(observer.targets).toEqual([document.body]);
    observer.report([{ target: document.body }]);
    expect(timers).toHaveBeenCalledTimes(1);
    expect(timers.mock.calls[0]![1]).toBe(100);
    view.update(stateOf([finding('a', 'info'), finding('b', 'info')]));
    expect(timers).toHaveBeenCalledTimes(1); // one placement pending at a time
  });

  it('without a resize observer, the first placement waits for an idle moment', () => {
    vi.stubGlobal('ResizeObserver', undefined);
    const timers = vi.spyOn(window, 'setTimeout');
    const { view } = mount();
    view.update(stateOf([finding('a', 'info')]));
    expect(timers).toHaveBeenCalledTimes(1);
    expect(timers.mock.calls[0]![1]).toBe(0);
  });
});
