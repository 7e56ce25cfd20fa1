import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../lib/i18n';
import { tr } from '../lib/i18n';
import type { ManagerState } from '../lib/features/manager';
import { PAGE_LABELS } from '../lib/pages/detect';
import { FINDING_CSS, FindingList } from './FindingList';
import { UI } from './ui-text';

export interface OverlayProps {
  state: ManagerState;
  lang: Lang;
  onSnooze: (ruleId: string, days: number) => void;
  onAction?: (kind: 'open-checklist') => void;
}

/**
 * The in-page overlay: a small button in the corner when there is nothing that needs attention, a panel when
 * a blocking or warning finding appears. Keyboard accessible; new findings are announced through a live region.
 */
export function Overlay({ state, lang, onSnooze, onAction }: OverlayProps) {
  const important = state.findings.filter((f) => f.severity !== 'info').length;
  const total = state.findings.length + state.cannotCheck.length;
  const [open, setOpen] = useState(important > 0);
  const [announce, setAnnounce] = useState('');
  const seen = useRef(new Set<string>());
  const userClosed = useRef(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const fresh = state.findings.filter((f) => !seen.current.has(f.ruleId));
    for (const f of state.findings) seen.current.add(f.ruleId);
    if (fresh.length) setAnnounce(tr(UI.announce(fresh.length), lang));
    // Never pop up while the user is typing in the portal: the corner button turns orange instead.
    if (fresh.some((f) => f.severity !== 'info') && !userClosed.current && !userIsTyping(root.current)) setOpen(true);
  }, [state.findings, lang]);

  // Never in the way: any click or focus elsewhere in the page folds the panel back to the corner button.
  useEffect(() => {
    if (!open) return;
    const doc = root.current?.ownerDocument;
    const host = (root.current?.getRootNode() as ShadowRoot | undefined)?.host;
    if (!doc || !host) return;
    const outside = (e: Event) => {
      if (!e.composedPath().includes(host)) {
        userClosed.current = true;
        setOpen(false);
      }
    };
    doc.addEventListener('pointerdown', outside, true);
    doc.addEventListener('focusin', outside, true);
    return () => {
      doc.removeEventListener('pointerdown', outside, true);
      doc.removeEventListener('focusin', outside, true);
    };
  }, [open]);

  return (
    <div class="ca-root" lang={lang} ref={root}>
      <div class="ca-live" role="status" aria-live="polite">
        {announce}
      </div>
      {open ? (
        <section class="ca-panel" aria-label={tr(UI.appName, lang)}>
          <header class="ca-bar">
            <span class="ca-brand">{tr(UI.appName, lang)}</span>
            <span class="ca-page">{tr(PAGE_LABELS[state.page], lang)}</span>
            <button
              type="button"
              class="ca-close"
              aria-label={tr(UI.hide, lang)}
              title={tr(UI.hide, lang)}
              onClick={() => {
                userClosed.current = true;
                setOpen(false);
              }}
            >
              ×
            </button>
          </header>
          <div class="ca-body">
            {total === 0 ? (
              <p class="ca-empty">{tr(UI.nothingToSay, lang)}</p>
            ) : (
              <FindingList findings={state.findings} cannotCheck={state.cannotCheck} lang={lang} onSnooze={onSnooze} onAction={onAction} />
            )}
          </div>
        </section>
      ) : (
        <button
          type="button"
          class={`ca-pill${important ? ' ca-pill-alert' : ''}`}
          aria-expanded="false"
          aria-label={`${tr(UI.appName, lang)} : ${tr(UI.count(total), lang)}. ${tr(UI.show, lang)}`}
          onClick={() => setOpen(true)}
        >
          <span aria-hidden="true">✓</span>
          {total > 0 && <span class="ca-count">{total}</span>}
        </button>
      )}
    </div>
  );
}

/** True when the focus is in one of the portal's own fields (outside the overlay). */
function userIsTyping(root: HTMLElement | null): boolean {
  const active = root?.ownerDocument.activeElement;
  if (!active || active.tagName.toLowerCase() === 'compagnon-amelipro') return false;
  return active.matches('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

export const OVERLAY_CSS = `
:host{all:initial}
.ca-root{position:fixed;right:16px;bottom:16px;z-index:2147483000;font:14px/1.4 Arial,"Helvetica Neue",sans-serif;color:#1d1d1b}
.ca-live{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.ca-pill{display:flex;align-items:center;gap:4px;height:32px;min-width:32px;padding:0 8px;border-radius:16px;border:1px solid #0c419a;background:#fff;color:#0c419a;font-size:15px;cursor:pointer;box-shadow:0 1px 4px rgba(0,0,0,.2)}
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
