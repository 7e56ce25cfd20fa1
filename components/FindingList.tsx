import type { Lang, Text } from '../lib/i18n';
import { tr } from '../lib/i18n';
import type { CannotCheck, FindingGroup, ShownFinding } from '../lib/features/types';
import { InWords } from './FieldNote';
import { mostSerious } from '../lib/rules/severity';
import { RuleCard } from './RuleCard';
import { UI } from './ui-text';
import { SNOOZE_DAYS, type SnoozeDays } from '../lib/storage/message';
import { AMBER, AMBER_DARK, AMBER_TINT, BLUE, BLUE_TINT, INK, INK_2, LIGHT_GREY, MUTED, MUTED_2, RED, RED_DARK, RED_TINT, WHITE } from '../lib/colors';

export interface FindingListProps {
  findings: ShownFinding[];
  cannotCheck?: CannotCheck[];
  lang: Lang;
  onSnooze?: (ruleId: string, days: SnoozeDays) => void;
  /** A blocking finding is never snoozed for days: it can only be hidden on this page (offered with onSnooze). */
  onHideHere?: (ruleId: string) => void;
  onAction?: (kind: 'open-checklist') => void;
  /** The source line of a finding's rule, by its official title (the side panel gives it from its own catalogue). */
  sourceOf?: (ruleId: string) => Text | undefined;
  /**
   * Whether an event is the user's: in the portal page, only trusted events (`isTrusted`) are, since the page's
   * scripts can fire clicks and changes on the overlay's controls (see OverlayView). Default: every event.
   */
  byUser?: (e: Event) => boolean;
}

type ItemProps = Omit<FindingListProps, 'findings' | 'cannotCheck'> & { f: ShownFinding; inCard?: boolean };

/** One finding: severity, title, what was seen, "en savoir plus", hide or snooze (in a card: what was seen, without the rule's general message). */
function FindingItem({ f, inCard, lang, onSnooze, onHideHere, onAction, sourceOf, byUser = () => true }: ItemProps) {
  const source = sourceOf?.(f.ruleId);
  return (
    <RuleCard
      ruleId={f.ruleId}
      lang={lang}
      class={`ca-finding ca-${f.severity}`}
      tag={<span class="ca-sev">{tr(UI.severity[f.severity], lang)}</span>}
      title={f.title}
      {...(inCard && f.pageOnly ? {} : { message: f.message })}
      {...(source ? { source } : {})}
      {...(f.link ? { link: f.link } : {})}
      before={
        f.action &&
        onAction && (
          <button type="button" class="ca-action" onClick={(e) => byUser(e) && onAction(f.action!.kind)}>
            {tr(f.action.label, lang)}
          </button>
        )
      }
      after={
        <>
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
        </>
      }
    >
      {f.detail && <p class="ca-detail">{tr(f.detail, lang)}</p>}
      {f.pageOnly && <p class="ca-detail">{tr(f.pageOnly, lang)}</p>}
    </RuleCard>
  );
}

/**
 * The findings of one group (a prescription line) in one card: the worst severity, the group's label, each finding
 * inside (still its own item, with its rule id and controls), then what the group quotes from the page (the line
 * written out in words).
 */
function GroupCard({ group, findings, ...props }: Omit<ItemProps, 'f' | 'inCard'> & { group: FindingGroup; findings: ShownFinding[] }) {
  const worst = mostSerious(findings.map((f) => f.severity));
  const { lang } = props;
  return (
    <li class={`ca-card ca-${worst}`} data-group={group.key}>
      <div class="ca-head">
        <span class="ca-sev">{tr(UI.severity[worst], lang)}</span>
        <strong class="ca-title">{tr(group.label, lang)}</strong>
      </div>
      <ul class="ca-list ca-in-card">
        {findings.map((f) => (
          <FindingItem key={f.ruleId} f={f} inCard {...props} />
        ))}
      </ul>
      {group.pageOnly && <InWords text={tr(group.pageOnly, lang)} lang={lang} />}
    </li>
  );
}

/** Findings in order, those of one group gathered where the group first appears. */
function gather(findings: readonly ShownFinding[]): Array<ShownFinding | { group: FindingGroup; findings: ShownFinding[] }> {
  const out: Array<ShownFinding | { group: FindingGroup; findings: ShownFinding[] }> = [];
  const groups = new Map<string, { group: FindingGroup; findings: ShownFinding[] }>();
  for (const f of findings) {
    if (!f.group) {
      out.push(f);
      continue;
    }
    let g = groups.get(f.group.key);
    if (!g) {
      g = { group: f.group, findings: [] };
      groups.set(f.group.key, g);
      out.push(g);
    }
    g.findings.push(f);
  }
  return out;
}

/** Findings with severity, message, "en savoir plus" and snooze; then what could not be checked. */
export function FindingList({ findings, cannotCheck = [], ...items }: FindingListProps) {
  const { lang } = items;
  return (
    <div class="ca-findings">
      {findings.length > 0 && (
        <ul class="ca-list">
          {gather(findings).map((x) =>
            'ruleId' in x ? (
              <FindingItem key={`${x.featureId}:${x.ruleId}`} f={x} {...items} />
            ) : (
              <GroupCard key={x.group.key} group={x.group} findings={x.findings} {...items} />
            ),
          )}
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
export const FOCUS_RING = { inner: WHITE, outer: INK } as const;
export const focusCss = (selectors: string) =>
  `${selectors}{outline:3px solid ${FOCUS_RING.outer};outline-offset:2px;box-shadow:0 0 0 2px ${FOCUS_RING.inner}}`;

/** Styles shared by every surface that shows a FindingList (px only: rem is not isolated in a shadow root). */
export const FINDING_CSS = `
.ca-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
.ca-finding{border-left:4px solid ${BLUE};background:${BLUE_TINT};padding:8px 10px;border-radius:4px}
.ca-blocking{border-left-color:${RED};background:${RED_TINT}}
.ca-warning{border-left-color:${AMBER};background:${AMBER_TINT}}
.ca-info{border-left-color:${BLUE}}
.ca-card{border-left:4px solid ${BLUE};background:${BLUE_TINT};padding:8px 10px;border-radius:4px}
.ca-in-card{margin-top:6px;gap:6px}
.ca-in-card .ca-finding{border-left:0;background:none;padding:0 0 0 4px}
.words{margin:6px 0 0;font-size:13px;line-height:1.4}
.words button{font:inherit;font-size:13px;margin-left:6px;padding:0 6px;border:1px solid ${BLUE};background:${WHITE};color:${BLUE};border-radius:3px;cursor:pointer}
.ca-cannot-check{border-left-color:${MUTED_2};background:${LIGHT_GREY};border-left-style:dashed}
.ca-head{display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
.ca-sev{font-size:13px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:${INK_2}}
.ca-blocking .ca-sev{color:${RED_DARK}}.ca-warning .ca-sev{color:${AMBER_DARK}}
.ca-title{font-size:14px}
.ca-msg,.ca-detail,.ca-source{margin:4px 0 0;font-size:13px;line-height:1.4}
.ca-detail{color:${INK_2}}.ca-source{color:${MUTED};font-size:13px}
.ca-actions{display:flex;gap:12px;align-items:center;margin-top:6px;font-size:13px;flex-wrap:wrap}
.ca-actions a{color:${BLUE}}
.ca-action{font:inherit;font-size:13px;padding:3px 8px;border-radius:4px;border:1px solid ${BLUE};background:${BLUE};color:${WHITE};cursor:pointer}
.ca-actions select{font-size:13px;padding:2px;max-width:200px}
.ca-text-btn{font:inherit;font-size:13px;background:none;border:0;padding:0;color:${BLUE};text-decoration:underline;cursor:pointer}
.ca-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
${focusCss('a:focus-visible,button:focus-visible,select:focus-visible')}
`;
