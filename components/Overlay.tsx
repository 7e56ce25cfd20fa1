import { h, render } from 'preact';
import type { Lang } from '../lib/i18n';
import { tr } from '../lib/i18n';
import type { ManagerState } from '../lib/features/manager';
import { PAGE_LABELS } from '../lib/pages/detect';
import { FINDING_CSS, FindingList } from './FindingList';
import { UI } from './ui-text';
import type { SnoozeDays } from '../lib/storage/message';

export interface OverlayCallbacks {
  onSnooze: (ruleId: string, days: SnoozeDays) => void;
  onAction?: (kind: 'open-checklist') => void;
  /**
   * Whether an event on the overlay's controls is the user's. The overlay lives in the portal's page, whose
   * scripts can reach its (open) shadow root and fire clicks and changes: only trusted events (`isTrusted`, made by
   * the browser from real input) open the panel, snooze a finding or run an action. Tests inject their own.
   */
  byUser?: (e: Event) => boolean;
}

export const trustedOnly = (e: Event): boolean => e.isTrusted;

interface PanelProps extends OverlayCallbacks {
  state: ManagerState;
  lang: Lang;
  onClose: () => void;
}

/** The open panel: the page's findings and what could not be checked. */
export function OverlayPanel({ state, lang, onSnooze, onAction, onClose, byUser = trustedOnly }: PanelProps) {
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
        {total === 0 ? (
          <p class="ca-empty">{tr(UI.nothingToSay, lang)}</p>
        ) : (
          <FindingList findings={state.findings} cannotCheck={state.cannotCheck} lang={lang} onSnooze={onSnooze} onAction={onAction} byUser={byUser} />
        )}
      </div>
    </section>
  );
}

/**
 * The in-page overlay: a small button in the corner when there is nothing that needs attention, a panel when
 * a blocking or warning finding appears. Keyboard accessible; new findings are announced through a live region.
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
  private open = false;
  /** The user folded the panel: new warnings turn the button orange instead of opening it again. */
  private userClosed = false;
  private readonly seen = new Set<string>();
  private readonly root: HTMLDivElement;
  private stopOutside: (() => void) | null = null;

  constructor(
    container: HTMLElement,
    /** The shadow host: clicks inside it are not "elsewhere". */
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
  }

  get isOpen(): boolean {
    return this.open;
  }

  update(state: ManagerState): void {
    this.state = state;
    const fresh = state.findings.filter((f) => !this.seen.has(f.ruleId));
    for (const f of state.findings) this.seen.add(f.ruleId);
    if (fresh.length) this.live.textContent = tr(UI.announce(fresh.length), this.lang);
    // Never pop up while the user is typing in the portal: the corner button turns orange instead.
    if (fresh.some((f) => f.severity !== 'info') && !this.userClosed && !userIsTyping(this.doc)) this.open = true;
    this.draw();
  }

  destroy(): void {
    this.stopOutside?.();
    this.stopOutside = null;
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
    this.draw();
    if (moveFocus) (open ? this.root.querySelector<HTMLElement>('.ca-close') : this.pill)?.focus();
  }

  private draw(): void {
    const state = this.state;
    if (!state) return;
    if (this.open) {
      this.pill?.remove();
      this.pill = null;
      if (!this.panelBox) {
        this.panelBox = this.doc.createElement('div');
        this.root.append(this.panelBox);
      }
      render(
        h(OverlayPanel, { state, lang: this.lang, ...this.callbacks, onClose: () => this.setOpen(false, true, true) }),
        this.panelBox,
      );
      this.listenOutside();
      return;
    }
    this.stopOutside?.();
    this.stopOutside = null;
    if (this.panelBox) {
      render(null, this.panelBox);
      this.panelBox.remove();
      this.panelBox = null;
    }
    this.drawPill(state);
  }

  private drawPill(state: ManagerState): void {
    const important = state.findings.filter((f) => f.severity !== 'info').length;
    const total = state.findings.length + state.cannotCheck.length;
    let pill = this.pill;
    if (!pill) {
      pill = this.doc.createElement('button');
      pill.type = 'button';
      pill.setAttribute('aria-expanded', 'false');
      // The check mark is drawn in CSS (.ca-mark), not written: "✓" is in few of the fonts a practitioner's
      // machine has, and looking for one that has it cost every page about 1.5 ms of layout (measured).
      const mark = this.doc.createElement('span');
      mark.className = 'ca-mark';
      mark.setAttribute('aria-hidden', 'true');
      pill.append(mark);
      pill.addEventListener('click', (e) => {
        if ((this.callbacks.byUser ?? trustedOnly)(e)) this.setOpen(true, true, true);
      });
      this.root.append(pill);
      this.pill = pill;
    }
    pill.className = `ca-pill${important ? ' ca-pill-alert' : ''}`;
    pill.setAttribute('aria-label', `${tr(UI.appName, this.lang)} : ${tr(UI.count(total), this.lang)}. ${tr(UI.show, this.lang)}`);
    let count = pill.querySelector<HTMLSpanElement>('.ca-count');
    if (total > 0) {
      if (!count) {
        count = this.doc.createElement('span');
        count.className = 'ca-count';
        pill.append(count);
      }
      count.textContent = String(total);
    } else count?.remove();
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

/** True when the focus is in one of the portal's own fields (outside the overlay). */
function userIsTyping(doc: Document): boolean {
  const active = doc.activeElement;
  if (!active || active.tagName.toLowerCase() === 'compagnon-amelipro') return false;
  return active.matches('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

/** The overlay's styles (the shadow host adds its `:host` rules; the root resets the inherited text properties). */
export const OVERLAY_CSS = `
.ca-root{position:fixed;right:16px;bottom:16px;z-index:2147483000;font:14px/1.4 Arial,"Helvetica Neue",sans-serif;color:#1d1d1b;letter-spacing:normal;word-spacing:normal;text-transform:none;text-align:left;text-indent:0;text-shadow:none;white-space:normal;direction:ltr;cursor:auto;visibility:visible}
.ca-live{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.ca-pill{display:flex;align-items:center;gap:4px;height:32px;min-width:32px;padding:0 8px;border-radius:16px;border:1px solid #0c419a;background:#fff;color:#0c419a;font-size:15px;cursor:pointer;box-shadow:0 1px 4px rgba(0,0,0,.2)}
.ca-mark{display:inline-block;width:5px;height:10px;margin:0 3px 3px;border:solid currentColor;border-width:0 2px 2px 0;transform:rotate(45deg)}
.ca-pill-alert{background:#a15c00;border-color:#a15c00;color:#fff}
.ca-count{font-size:12px;font-weight:700}
.ca-panel{width:340px;max-height:55vh;display:flex;flex-direction:column;background:#fff;border:1px solid #c7d2e4;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.18);overflow:hidden}
.ca-bar{display:flex;align-items:center;gap:8px;padding:8px 10px;background:#0c419a;color:#fff}
.ca-brand{font-weight:700;font-size:13px}
.ca-page{font-size:12px;opacity:.9;flex:1;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.ca-close{background:transparent;border:0;color:#fff;font-size:20px;line-height:1;cursor:pointer;padding:0 4px}
.ca-body{padding:10px;overflow:auto}
.ca-empty{margin:0;font-size:13px;color:#333}
${FINDING_CSS}
`;
