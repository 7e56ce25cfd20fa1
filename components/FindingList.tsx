import type { Lang } from '../lib/i18n';
import { tr, withColon } from '../lib/i18n';
import type { CannotCheck, ShownFinding } from '../lib/features/types';
import { UI } from './ui-text';
import { SNOOZE_DAYS, type SnoozeDays } from '../lib/storage/message';


export interface FindingListProps {
  findings: ShownFinding[];
  cannotCheck?: CannotCheck[];
  lang: Lang;
  onSnooze?: (ruleId: string, days: SnoozeDays) => void;
  /** A blocking finding is never snoozed for days: it can only be hidden on this page (offered with onSnooze). */
  onHideHere?: (ruleId: string) => void;
  onAction?: (kind: 'open-checklist') => void;
  showSource?: boolean;
  /**
   * Whether an event is the user's: in the portal page, only trusted events (`isTrusted`) are, since the page's
   * scripts can fire clicks and changes on the overlay's controls (see OverlayView). Default: every event.
   */
  byUser?: (e: Event) => boolean;
}

/** Findings with severity, message, "en savoir plus" and snooze; then what could not be checked. */
export function FindingList({ findings, cannotCheck = [], lang, onSnooze, onHideHere, onAction, showSource, byUser = () => true }: FindingListProps) {
  return (
    <div class="ca-findings">
      {findings.length > 0 && (
        <ul class="ca-list">
          {findings.map((f) => (
            <li key={`${f.featureId}:${f.ruleId}`} class={`ca-finding ca-${f.severity}`} data-rule-id={f.ruleId}>
              <div class="ca-head">
                <span class="ca-sev">{tr(UI.severity[f.severity], lang)}</span>
                <strong class="ca-title">{tr(f.title, lang)}</strong>
              </div>
              <p class="ca-msg">{tr(f.message, lang)}</p>
              {f.detail && <p class="ca-detail">{tr(f.detail, lang)}</p>}
              {f.pageOnly && <p class="ca-detail">{tr(f.pageOnly, lang)}</p>}
              {showSource && f.source && (
                <p class="ca-source">
                  {withColon(UI.source, lang)} {tr(f.source, lang)}
                </p>
              )}
              <div class="ca-actions">
                {f.action && onAction && (
                  <button type="button" class="ca-action" onClick={(e) => byUser(e) && onAction(f.action!.kind)}>
                    {tr(f.action.label, lang)}
                  </button>
                )}
                {f.link && (
                  <a href={f.link} target="_blank" rel="noopener noreferrer">
                    {tr(UI.learnMore, lang)}
                  </a>
                )}
                {onHideHere && f.severity === 'blocking' && (
                  <button
                    type="button"
                    class="ca-text-btn"
                    title={tr(UI.hideHereNote, lang)}
                    aria-label={`${tr(UI.hideHere, lang)} (${tr(f.title, lang)})`}
                    onClick={(e) => byUser(e) && onHideHere(f.ruleId)}
                  >
                    {tr(UI.hideHere, lang)}
                  </button>
                )}
                {onSnooze && f.severity !== 'blocking' && (
                  <label>
                    <span class="ca-sr">{tr(UI.snoozeFor, lang)}</span>
                    <select
                      aria-label={`${tr(UI.snoozeFor, lang)} (${tr(f.title, lang)})`}
                      onChange={(e) => {
                        const select = e.currentTarget as HTMLSelectElement;
                        // the length is the chosen option's place among those offered, never a value read from
                        // the page's DOM (a page script may add or rewrite options)
                        const days = SNOOZE_DAYS[select.selectedIndex - 1];
                        if (byUser(e) && days !== undefined) onSnooze(f.ruleId, days);
                        else select.selectedIndex = 0;
                      }}
                    >
                      <option value="0">{tr(UI.snoozeFor, lang)}</option>
                      {SNOOZE_DAYS.map((d) => (
                        <option value={String(d)}>{tr(UI.snoozeDays(d), lang)}</option>
                      ))}
                    </select>
                  </label>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {cannotCheck.length > 0 && (
        <ul class="ca-list ca-cannot">
          {cannotCheck.map((c) => (
            <li key={`${c.featureId}:${c.ruleId ?? ''}`} class="ca-finding ca-cannot-check" data-cannot-check={c.featureId} data-rule-id={c.ruleId}>
              <div class="ca-head">
                <span class="ca-sev">{tr(UI.cannotCheck, lang)}</span>
              </div>
              <p class="ca-msg">{tr(c.reason, lang)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The focus indicator of every surface: two rings, white against the control then near-black, so that one of them
 * stands out at 3:1 or more (WCAG 2.2, 1.4.11 and 2.4.13) on every background it meets, light or the blue header
 * (a single yellow ring was 1.6:1 on white).
 */
export const FOCUS_RING = { inner: '#ffffff', outer: '#1d1d1b' } as const;
export const focusCss = (selectors: string) =>
  `${selectors}{outline:3px solid ${FOCUS_RING.outer};outline-offset:2px;box-shadow:0 0 0 2px ${FOCUS_RING.inner}}`;

/** Styles shared by every surface that shows a FindingList (px only: rem is not isolated in a shadow root). */
export const FINDING_CSS = `
.ca-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
.ca-finding{border-left:4px solid #0c419a;background:#f5f8fd;padding:8px 10px;border-radius:4px}
.ca-blocking{border-left-color:#b3261e;background:#fdf1f0}
.ca-warning{border-left-color:#a15c00;background:#fff7e8}
.ca-info{border-left-color:#0c419a}
.ca-cannot-check{border-left-color:#5c5c5c;background:#f2f2f2;border-left-style:dashed}
.ca-head{display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
.ca-sev{font-size:13px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:#333}
.ca-blocking .ca-sev{color:#8c1d18}.ca-warning .ca-sev{color:#7a4500}
.ca-title{font-size:14px}
.ca-msg,.ca-detail,.ca-source{margin:4px 0 0;font-size:13px;line-height:1.4}
.ca-detail{color:#333}.ca-source{color:#555;font-size:13px}
.ca-actions{display:flex;gap:12px;align-items:center;margin-top:6px;font-size:13px;flex-wrap:wrap}
.ca-actions a{color:#0c419a}
.ca-action{font:inherit;font-size:13px;padding:3px 8px;border-radius:4px;border:1px solid #0c419a;background:#0c419a;color:#fff;cursor:pointer}
.ca-actions select{font-size:13px;padding:2px;max-width:200px}
.ca-text-btn{font:inherit;font-size:13px;background:none;border:0;padding:0;color:#0c419a;text-decoration:underline;cursor:pointer}
.ca-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
${focusCss('a:focus-visible,button:focus-visible,select:focus-visible')}
`;
