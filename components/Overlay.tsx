import { h, render } from 'preact';
import type { Lang } from '../lib/i18n';
import { tr, type Text } from '../lib/i18n';
import type { ManagerState } from '../lib/features/manager';
import { HOST_TAG } from '../lib/host-tag';
import { PAGE_LABELS } from '../lib/pages/detect';
import { FINDING_CSS, FindingList, focusCss } from './FindingList';
import { UI } from './ui-text';
import type { SnoozeDays } from '../lib/storage/message';
import { controlBoxes, MARGIN, placeButton, placePanel, type Spot } from './placement';
import { AMBER, BLUE, BLUE_BORDER, BLUE_TINT_2, INK, INK_2, INK_3, INK_4, MUTED_2, RED, WHITE } from '../lib/colors';

export interface OverlayCallbacks {
  onSnooze: (ruleId: string, days: SnoozeDays) => void;
  /** Hides a finding on this page only (in memory; the only hiding a blocking finding allows). */
  onHideHere?: (ruleId: string) => void;
  /** Undoes the last snooze or hiding (the notice's « Annuler »). */
  onUndo?: (ruleId: string) => void;
  onAction?: (kind: 'open-checklist') => void;
  /**
   * Whether an event on the overlay's controls is the user's. The overlay lives in the portal's page, whose
   * scripts can reach its (open) shadow root and fire clicks and changes: only trusted events (`isTrusted`, made by
   * the browser from real input) open the panel, snooze a finding or run an action. Tests inject their own.
   */
  byUser?: (e: Event) => boolean;
  /** Open the panel by itself when a blocking finding appears (the setting; default on). Never for the others. */
  autoOpen?: boolean;
}

export const trustedOnly = (e: Event): boolean => e.isTrusted;

/** What was just hidden, with its « Annuler ». */
export interface HiddenNotice {
  ruleId: string;
  text: Text;
}

interface PanelProps extends OverlayCallbacks {
  state: ManagerState;
  lang: Lang;
  onClose: () => void;
  /** How many of the page's findings are snoozed or hidden here (said, never silently subtracted). */
  hidden?: number;
  notice?: HiddenNotice | null;
}

/** The open panel: the page's findings and what could not be checked. */
export function OverlayPanel({ state, lang, onSnooze, onHideHere, onUndo, onAction, onClose, hidden = 0, notice, byUser = trustedOnly }: PanelProps) {
  const total = state.findings.length + state.cannotCheck.length;
  return (
    <section class="ca-panel" aria-label={tr(UI.appName, lang)}>
      <header class="ca-bar">
        <span class="ca-brand">{tr(UI.appName, lang)}</span>
        <span class="ca-page">{tr(PAGE_LABELS[state.page], lang)}</span>
        <button type="button" class="ca-close" aria-label={tr(UI.hide, lang)} title={tr(UI.hide, lang)} onClick={(e) => byUser(e) && onClose()}>
          ×
        </button>
      </header>
      <div class="ca-body">
        {notice && (
          <p class="ca-notice" role="status">
            {tr(notice.text, lang)}{' '}
            {onUndo && (
              <button type="button" class="ca-text-btn" onClick={(e) => byUser(e) && onUndo(notice.ruleId)}>
                {tr(UI.undo, lang)}
              </button>
            )}
          </p>
        )}
        {total === 0 ? (
          <p class="ca-empty">{tr(UI.nothingToSay, lang)}</p>
        ) : (
          <FindingList
            findings={state.findings}
            cannotCheck={state.cannotCheck}
            lang={lang}
            onSnooze={onSnooze}
            onHideHere={onHideHere}
            onAction={onAction}
            byUser={byUser}
          />
        )}
        {hidden > 0 && <p class="ca-hidden-count">{tr(UI.hiddenCount(hidden), lang)}</p>}
      </div>
    </section>
  );
}

/**
 * The in-page overlay: a small button in the corner, a panel when a blocking finding appears (or when the user
 * opens it). Keyboard accessible; new findings are announced through a live region.
 *
 * Never in the way: the button and the panel stand where none of the page's buttons, links or fields is under
 * them (another corner, a shorter panel); when every place would cover one, a panel that opened by itself folds
 * back to the button. Measured when the overlay moves, after the page scrolls or the window changes size; never
 * by forcing a layout during the page's load: the button's first place is looked for in the frame that first lays it
 * out (its resize report, after the page's layout and before the paint, so it is never painted over a control), and
 * later ones when the browser is idle.
 *
 * The corner button and the live region are plain DOM: on most pages nothing is pressing, and the overlay then
 * costs a few element updates rather than a first Preact render. The panel is Preact, rendered only when open.
 */
export class OverlayView {
  private readonly doc: Document;
  private readonly live: HTMLDivElement;
  private pill: HTMLButtonElement | null = null;
  private panelBox: HTMLDivElement | null = null;
  private state: ManagerState | null = null;
  private hidden = 0;
  private notice: HiddenNotice | null = null;
  private open = false;
  /** The panel was opened by the user (then it stays open even where it must cover something: they asked). */
  private openedByUser = false;
  /** The user folded the panel: new findings colour the button instead of opening it again. */
  private userClosed = false;
  private readonly seen = new Set<string>();
  private readonly root: HTMLDivElement;
  private stopOutside: (() => void) | null = null;
  private placeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly stopMoves: () => void;
  /** The overlay's root has been laid out once (its first placement done, from the resize observer). */
  private laidOut = false;
  /** A resize observer watches the root: the first placement waits for its first report. */
  private firstPlacedOnResize = false;
  /** The panel's styles are in the shadow root (put there when the panel first opens). */
  private panelStyled = false;

  constructor(
    container: HTMLElement,
    /** The shadow host: clicks inside it are not "elsewhere"; the page's controls are measured outside it. */
    private readonly host: Element,
    private readonly lang: Lang,
    private readonly callbacks: OverlayCallbacks,
  ) {
    this.doc = container.ownerDocument;
    this.root = this.doc.createElement('div');
    this.root.className = 'ca-root';
    this.root.lang = lang;
    this.live = this.doc.createElement('div');
    this.live.className = 'ca-live';
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.root.append(this.live);
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.open) {
        e.stopPropagation();
        this.setOpen(false, true, true);
      }
    });
    container.append(this.root);
    // the page scrolls or the window changes size: what is under the overlay changed
    const win = this.doc.defaultView;
    const moved = () => this.placeSoon(150);
    win?.addEventListener('scroll', moved, { passive: true });
    win?.addEventListener('resize', moved, { passive: true });
    // the page grew or shrank (a line added, a note under a field): its controls moved. The overlay's own root is
    // observed until its first size is reported, in the frame that lays the button out, after the page's layout and
    // before its paint: the button is placed there at no extra cost (no task of its own, no layout forced).
    const resized =
      win?.ResizeObserver && this.doc.body
        ? new win.ResizeObserver((entries, observer) => {
            if (!this.laidOut && entries.some((e) => e.target === this.root) && this.root.isConnected) {
              this.laidOut = true;
              observer.unobserve(this.root);
              this.place(true);
            } else if (entries.some((e) => e.target !== this.root)) this.placeSoon(100, !this.open);
          })
        : null;
    if (resized && this.doc.body) {
      resized.observe(this.doc.body);
      resized.observe(this.root);
    }
    this.firstPlacedOnResize = !!resized;
    this.stopMoves = () => {
      win?.removeEventListener('scroll', moved);
      win?.removeEventListener('resize', moved);
      resized?.disconnect();
    };
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** `hidden`: how many of the page's findings are snoozed or hidden here (not in `state`). */
  update(state: ManagerState, hidden = 0): void {
    this.state = state;
    this.hidden = hidden;
    const fresh = state.findings.filter((f) => !this.seen.has(f.ruleId));
    for (const f of state.findings) this.seen.add(f.ruleId);
    if (fresh.length) this.live.textContent = tr(UI.announce(fresh.length), this.lang);
    // Opens by itself only for a blocking finding, and never while the user is typing in the portal: the corner
    // button takes the severity's colour instead.
    const autoOpen = this.callbacks.autoOpen ?? true;
    if (autoOpen && fresh.some((f) => f.severity === 'blocking') && !this.userClosed && !userIsTyping(this.doc) && !this.open) {
      this.open = true;
      this.openedByUser = false;
    }
    this.draw();
  }

  destroy(): void {
    this.stopOutside?.();
    this.stopOutside = null;
    this.stopMoves();
    clearTimeout(this.placeTimer);
    if (this.panelBox) render(null, this.panelBox);
    this.root.remove();
  }

  /**
   * Keyboard users keep their place: opening with the button moves the focus to the panel's close button, and
   * closing with it (or Escape) gives the focus back to the corner button. A click elsewhere takes nothing.
   */
  private setOpen(open: boolean, byUser: boolean, moveFocus = false): void {
    if (byUser && !open) this.userClosed = true;
    if (this.open === open) return;
    this.open = open;
    this.openedByUser = open && byUser;
    this.draw();
    if (moveFocus) (open ? this.root.querySelector<HTMLElement>('.ca-close') : this.pill)?.focus();
  }

  private draw(): void {
    const state = this.state;
    if (!state) return;
    if (this.open) {
      this.pill?.remove();
      this.pill = null;
      if (!this.panelStyled) {
        const style = this.doc.createElement('style');
        style.textContent = OVERLAY_PANEL_CSS;
        this.root.before(style);
        this.panelStyled = true;
      }
      if (!this.panelBox) {
        this.panelBox = this.doc.createElement('div');
        this.root.append(this.panelBox);
      }
      render(
        h(OverlayPanel, {
          state,
          lang: this.lang,
          ...this.callbacks,
          hidden: this.hidden,
          notice: this.notice,
          onSnooze: this.onSnooze,
          onHideHere: this.onHideHere,
          onUndo: this.onUndo,
          onClose: () => this.setOpen(false, true, true),
        }),
        this.panelBox,
      );
      this.listenOutside();
      // the panel is placed before the browser paints it: it never shows over a control, even for a frame
      this.place();
      return;
    }
    this.stopOutside?.();
    this.stopOutside = null;
    this.notice = null;
    if (this.panelBox) {
      render(null, this.panelBox);
      this.panelBox.remove();
      this.panelBox = null;
    }
    this.drawPill(state);
    // the first placement comes with the button's first layout (the resize observer); later ones when idle
    if (this.laidOut || !this.firstPlacedOnResize) this.placeSoon(0, true);
  }

  private titleOf(ruleId: string): string {
    const f = this.state?.findings.find((x) => x.ruleId === ruleId);
    return f ? tr(f.title, this.lang) : ruleId;
  }

  /** A snooze (not for blocking findings: FindingList offers none), with its « Annuler » in the panel. */
  private readonly onSnooze = (ruleId: string, days: SnoozeDays) => {
    this.notice = { ruleId, text: UI.snoozed(this.titleOf(ruleId), days) };
    this.callbacks.onSnooze(ruleId, days);
  };

  private readonly onHideHere = (ruleId: string) => {
    this.notice = { ruleId, text: UI.hiddenHere(this.titleOf(ruleId)) };
    this.callbacks.onHideHere?.(ruleId);
  };

  private readonly onUndo = (ruleId: string) => {
    this.notice = null;
    this.callbacks.onUndo?.(ruleId);
    this.draw();
  };

  /** Places the overlay after `ms` (the button: when the browser is idle, not during the page's load). */
  private placeSoon(ms: number, idle = false): void {
    if (this.placeTimer !== undefined) return;
    const win = this.doc.defaultView;
    this.placeTimer = setTimeout(() => {
      const run = () => {
        this.placeTimer = undefined;
        if (this.root.isConnected) this.place(true);
      };
      if (idle && win?.requestIdleCallback) win.requestIdleCallback(run, { timeout: 1000 });
      else run();
    }, ms);
  }

  /**
   * Moves the overlay where it covers none of the page's controls (see the class's comment). `moved`: the page
   * scrolled or changed size; then even a panel the user opened folds back when no place is free.
   */
  private place(moved = false): void {
    const win = this.doc.defaultView;
    if (!win) return;
    const view = { width: win.innerWidth, height: win.innerHeight };
    const panel = this.root.querySelector<HTMLElement>('.ca-panel');
    if (this.open && panel) {
      const controls = controlBoxes(this.doc, this.host);
      panel.style.maxHeight = '';
      const natural = panel.getBoundingClientRect();
      const spot = placePanel(view, controls, { width: natural.width, height: natural.height }, PANEL_MIN_HEIGHT);
      if (spot) {
        this.moveTo(spot);
        panel.style.maxHeight = `${spot.height}px`;
      } else if (this.openedByUser && !moved) {
        this.moveTo({ corner: 'bottom-right', edge: MARGIN, height: natural.height });
      } else {
        // nowhere to stand without covering the page: back to the button, in the severity's colour
        this.open = false;
        this.draw();
      }
      return;
    }
    const pill = this.pill;
    if (!pill) return;
    const size = pill.getBoundingClientRect();
    // where it stands covers nothing: it stays (a button that moves under the pointer is in the way too)
    if (!controlBoxes(this.doc, this.host, size).length) return;
    const controls = controlBoxes(this.doc, this.host);
    this.moveTo(placeButton(view, controls, { width: size.width, height: size.height }) ?? { corner: 'bottom-right', edge: MARGIN, height: size.height });
  }

  private moveTo(spot: Spot): void {
    const s = this.root.style;
    const [vertical, horizontal] = spot.corner.split('-') as ['top' | 'bottom', 'left' | 'right'];
    s.top = vertical === 'top' ? `${spot.edge}px` : 'auto';
    s.bottom = vertical === 'bottom' ? `${spot.edge}px` : 'auto';
    s.left = horizontal === 'left' ? `${MARGIN}px` : 'auto';
    s.right = horizontal === 'right' ? `${MARGIN}px` : 'auto';
    this.root.dataset.corner = spot.corner;
  }

  private drawPill(state: ManagerState): void {
    const level = state.findings.some((f) => f.severity === 'blocking')
      ? 'blocking'
      : state.findings.some((f) => f.severity === 'warning')
        ? 'warning'
        : state.findings.length
          ? 'info'
          : state.cannotCheck.length
            ? 'cannot'
            : 'none';
    const total = state.findings.length + state.cannotCheck.length;
    let pill = this.pill;
    if (!pill) {
      pill = this.doc.createElement('button');
      pill.type = 'button';
      pill.setAttribute('aria-expanded', 'false');
      pill.addEventListener('click', (e) => {
        if ((this.callbacks.byUser ?? trustedOnly)(e)) this.setOpen(true, true, true);
      });
      this.root.append(pill);
      this.pill = pill;
    }
    const important = level === 'blocking' || level === 'warning';
    pill.className = `ca-pill ca-pill-${level}${important ? ' ca-pill-alert' : ''}`;
    const severity = level === 'blocking' || level === 'warning' || level === 'info' ? `${tr(UI.severity[level], this.lang)}, ` : '';
    const hidden = this.hidden ? ` (${tr(UI.hiddenCount(this.hidden), this.lang)})` : '';
    pill.setAttribute('aria-label', `${tr(UI.appName, this.lang)} : ${severity}${tr(UI.count(total), this.lang)}${hidden}. ${tr(UI.show, this.lang)}`);
    // A check mark only when there is nothing to see: beside a count it would read as "all good". Drawn in CSS
    // (.ca-mark), not written: "✓" is in few of the fonts a practitioner's machine has, and looking for one that
    // has it cost every page about 1.5 ms of layout (measured).
    let mark = pill.querySelector<HTMLSpanElement>('.ca-mark');
    let count = pill.querySelector<HTMLSpanElement>('.ca-count');
    if (total > 0) {
      mark?.remove();
      if (!count) {
        count = this.doc.createElement('span');
        count.className = 'ca-count';
        pill.append(count);
      }
      count.textContent = String(total);
    } else {
      count?.remove();
      if (!mark) {
        mark = this.doc.createElement('span');
        mark.className = 'ca-mark';
        mark.setAttribute('aria-hidden', 'true');
        pill.append(mark);
      }
    }
  }

  /** Never in the way: any click or focus elsewhere in the page folds the panel back to the corner button. */
  private listenOutside(): void {
    if (this.stopOutside) return;
    const outside = (e: Event) => {
      if (!e.composedPath().includes(this.host)) this.setOpen(false, true);
    };
    this.doc.addEventListener('pointerdown', outside, true);
    this.doc.addEventListener('focusin', outside, true);
    this.stopOutside = () => {
      this.doc.removeEventListener('pointerdown', outside, true);
      this.doc.removeEventListener('focusin', outside, true);
    };
  }
}

/** Below this height a panel that opened by itself is not worth covering nothing: the button stays. */
const PANEL_MIN_HEIGHT = 140;

/** True when the focus is in one of the portal's own fields (outside the overlay). */
function userIsTyping(doc: Document): boolean {
  const active = doc.activeElement;
  if (!active || active.tagName.toLowerCase() === HOST_TAG) return false;
  return active.matches('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

/**
 * The overlay's styles at load: its root and the corner button (the shadow host adds its `:host` rules; the root resets
 * the inherited text properties). The panel's styles come apart (OVERLAY_PANEL_CSS).
 */
export const OVERLAY_CSS = `
.ca-root{position:fixed;right:16px;bottom:16px;z-index:2147483000;font:14px/1.4 Arial,"Helvetica Neue",sans-serif;color:${INK};letter-spacing:normal;word-spacing:normal;text-transform:none;text-align:left;text-indent:0;text-shadow:none;white-space:normal;direction:ltr;cursor:auto;visibility:visible}
.ca-live{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.ca-pill{display:flex;align-items:center;justify-content:center;gap:4px;height:32px;min-width:32px;padding:0 8px;border-radius:16px;border:1px solid ${BLUE};background:${WHITE};color:${BLUE};font-size:15px;cursor:pointer;box-shadow:0 1px 4px rgba(0,0,0,.2)}
.ca-mark{display:inline-block;width:5px;height:10px;margin:0 3px 3px;border:solid currentColor;border-width:0 2px 2px 0;transform:rotate(45deg)}
.ca-pill-blocking{background:${RED};border-color:${RED};color:${WHITE}}
.ca-pill-warning{background:${AMBER};border-color:${AMBER};color:${WHITE}}
.ca-pill-info{background:${BLUE};color:${WHITE}}
.ca-pill-cannot{border-color:${MUTED_2};color:${INK_3};border-style:dashed}
.ca-count{font-size:14px;font-weight:700}
${focusCss('.ca-pill:focus-visible')}
`;

/**
 * The panel's styles, put in the overlay's shadow root when the panel first opens (OverlayView `draw`), in the same
 * task as its first drawing, so that it is never painted without them. Most page views never open it, and the browser
 * parses a style sheet as it is inserted: at load, only the button's (docs/performance.md, fifteenth session).
 */
export const OVERLAY_PANEL_CSS = `
.ca-panel{width:340px;max-width:calc(100vw - 32px);max-height:55vh;box-sizing:border-box;display:flex;flex-direction:column;background:${WHITE};border:1px solid ${BLUE_BORDER};border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.18);overflow:hidden}
.ca-bar{display:flex;align-items:center;gap:8px;padding:8px 10px;background:${BLUE};color:${WHITE}}
.ca-brand{font-weight:700;font-size:13px}
.ca-page{font-size:13px;opacity:.9;flex:1;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.ca-close{background:transparent;border:0;color:${WHITE};font-size:20px;line-height:1;cursor:pointer;padding:0 4px}
.ca-body{padding:10px;overflow:auto}
.ca-empty{margin:0;font-size:13px;color:${INK_2}}
.ca-notice{margin:0 0 8px;padding:6px 8px;font-size:13px;background:${BLUE_TINT_2};border-radius:4px}
.ca-hidden-count{margin:8px 0 0;font-size:13px;color:${INK_4}}
${FINDING_CSS}
`;
