import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Checklist } from '../../components/Checklist';
import { FindingList } from '../../components/FindingList';
import { IndicatorPanel } from '../../components/IndicatorPanel';
import { PrescriptionSection } from '../../components/PrescriptionBox';
import { RuleHelp } from '../../components/RuleHelp';
import { S, fmtDate } from '../../components/surface-text';
import { UI } from '../../components/ui-text';
import { useSettings } from '../../components/useSettings';
import { VitaleStatusSection } from '../../components/VitaleStatus';
import { buildChecklist, checklistIdFor } from '../../lib/checklist';
import { deadlineFromFinding, keptDeadlines, uniqueDeadlines, type Deadline } from '../../lib/checklist/indicators';
import { getCurrentTab, type CurrentTab } from '../../lib/ext/current-tab';
import { formatSource } from '../../lib/rules/source';
import { RuleCard, ruleCardOf } from '../../components/RuleCard';
import { findRule } from '../../lib/rules/engine';
import { tr, type Lang, type Text } from '../../lib/i18n';
import type { TabState } from '../../lib/messages';
import { SIDE_PANEL_HELP_PARAM, SIDE_PANEL_PAGE } from '../../lib/side-panel';
import { DEADLINES_CHANGED_KEY, tabSessionKey } from '../../lib/session-keys';
import { PAGE_LABELS } from '../../lib/pages/detect';
import { daysBetween } from '../../lib/rules/dates';
import { hasCheck, rulesFor, upcomingFor } from '../../lib/rules/engine';
import { storage } from '../../lib/storage/client';
import type { Deadline as KeptDeadline } from '../../lib/storage/schema';
import { startupFailure } from '../../lib/startup-failure';

/** The deadline the current tab shows (with its counts), then those kept from «Ma Convention» pages (dates only). */
function deadlinesOf(state: TabState | null, kept: readonly KeptDeadline[], date: string): Deadline[] {
  const page = state?.page === 'convention-medecin' || state?.page === 'convention-pharmacien' ? state.page : undefined;
  const fromTab = page ? (state?.findings ?? []).flatMap((f) => deadlineFromFinding(f, date, page) ?? []) : [];
  return uniqueDeadlines([...fromTab, ...keptDeadlines(kept, date)]);
}

const stateKey = (t: CurrentTab | null) => `${t?.tabId ?? ''}:${t?.state?.updatedAt ?? ''}:${t?.state?.page ?? ''}`;

/** A finding's source line, from the side panel's own catalogue (the content script does not ship the sources). */
const sourceOf = (ruleId: string): Text | undefined => {
  const rule = findRule(ruleId);
  return rule ? formatSource(rule.source) : undefined;
};

export function SidePanelApp({ lang: browserLang }: { lang: Lang }) {
  const [tab, setTab] = useState<CurrentTab | null>(null);
  const [kept, setKept] = useState<KeptDeadline[]>([]);
  const [deadlineStamp, setDeadlineStamp] = useState(0);
  const { profession, date, lang, loaded, settings } = useSettings(storage, browserLang);
  const focusId = new URLSearchParams(location.search).get(SIDE_PANEL_HELP_PARAM);

  // Pushed, not polled: the tab's state as the content script computed it (the background writes it to
  // storage.session), the kept deadlines when the background says they changed, the tab on tab events.
  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      const t = await getCurrentTab();
      if (alive) setTab(t);
    };
    void refresh();
    const onActivated = () => void refresh();
    const onUpdated = (_id: number, info: { status?: string }) => {
      if (info.status === 'complete') void refresh();
    };
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session') return;
      if (changes[DEADLINES_CHANGED_KEY]) setDeadlineStamp((n) => n + 1);
      setTab((cur) => {
        const change = cur?.tabId == null ? undefined : changes[tabSessionKey(cur.tabId)];
        if (!cur || !change) return cur;
        // written by the background only, from a validated message
        return { ...cur, state: (change.newValue as TabState | undefined) ?? null };
      });
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  useEffect(() => {
    let alive = true;
    void storage.listDeadlines().then((r) => {
      if (alive && r.ok) setKept(r.value);
    });
    return () => {
      alive = false;
    };
  }, [deadlineStamp]);

  const state = tab?.state ?? null;
  const deadlines = useMemo(() => deadlinesOf(state, kept, date), [state, kept, date]);
  const startFailure = startupFailure(state);
  // The rules in force on this page that nothing on the page can check (reminders): help, not a verdict. The checked
  // ones speak for themselves in the tab's findings; the search below reaches every rule.
  const reminders = useMemo(() => {
    if (!state || state.page === 'unknown') return [];
    const shown = new Set(state.findings.map((f) => f.ruleId));
    return rulesFor({ profession, date, context: state.page }).filter((r) => !hasCheck(r.id) && !shown.has(r.id));
  }, [state?.page, state?.findings, date, profession]);
  // Folded by default (drawn only when opened), open on a transmission summary.
  const [checklistOpen, setChecklistOpen] = useState(false);
  useEffect(() => {
    if (state?.page === 'transmission') setChecklistOpen(true);
  }, [state?.page]);
  const items = useMemo(
    () => buildChecklist({ profession, date, findings: state?.findings ?? [], cannotCheck: state?.cannotCheck ?? [] }),
    [profession, date, state],
  );
  const soon = useMemo(() => upcomingFor({ profession, date }), [profession, date]);

  return (
    <>
      <header class="ca-top">
        <img src="/icon/32.png" alt="" />
        <h1>{tr(UI.appName, lang)}</h1>
      </header>
      <main>
        {/* The practitioner's indicators and deadlines first (for the profession of the settings). */}
        {!focusId && (
          <section aria-labelledby="indicators-title" data-section="indicators">
            <h2 id="indicators-title">{tr(S.indicatorsTitle, lang)}</h2>
            <IndicatorPanel
              profession={profession}
              date={date}
              lang={lang}
              client={storage}
              pageDeadlines={deadlines}
              refreshKey={stateKey(tab)}
              stakes={state?.stakes}
            />
          </section>
        )}

        {!focusId && (
          <section aria-labelledby="page-title" data-section="current-page">
            <h2 id="page-title">{tr(S.onThisPage, lang)}</h2>
            {!state ? (
              <p class="ca-muted">{tr(S.noPage, lang)}</p>
            ) : (
              <>
                {startFailure ? (
                  <p data-testid="page-label" class="ca-bad" role="alert">
                    {tr(startFailure.reason, lang)}
                  </p>
                ) : (
                  <p data-testid="page-label">{tr(PAGE_LABELS[state.page], lang)}</p>
                )}
                {startFailure ? null : state.findings.length + state.cannotCheck.length === 0 ? (
                  <p class="ca-muted">{tr(UI.nothingToSay, lang)}</p>
                ) : (
                  <FindingList findings={state.findings} cannotCheck={state.cannotCheck} lang={lang} sourceOf={sourceOf} />
                )}
                {!startFailure && state.snoozed > 0 && (
                  <p class="ca-muted" data-testid="hidden-count">
                    {tr(UI.hiddenCount(state.snoozed), lang)} ·{' '}
                    <a href="/options.html#snoozes" target="_blank" rel="noopener">
                      {tr(S.openOptions, lang)}
                    </a>
                  </p>
                )}
                {reminders.length > 0 && (
                  <>
                    <h3>{tr(S.reminders, lang)}</h3>
                    <ul class="ca-list" data-testid="reminders">
                      {reminders.map((r) => (
                        <RuleCard key={r.id} {...ruleCardOf(r)} lang={lang} class="ca-finding ca-info" source={formatSource(r.source)} />
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </section>
        )}

        {!focusId && (
          <section aria-labelledby="sp-checklist-title" data-section="checklist">
            {/* Same checklist as the popup (shared runs): where the popup cannot open, the page's button opens the panel. */}
            <details open={checklistOpen} onToggle={(e) => setChecklistOpen((e.currentTarget as HTMLDetailsElement).open)}>
              <summary>
                <h2 id="sp-checklist-title" class="ca-inline">
                  {tr(S.checklistTitle, lang)}
                </h2>
              </summary>
              {loaded && checklistOpen && (
                <Checklist
                  checklistId={checklistIdFor(profession)}
                  items={items}
                  client={storage}
                  lang={lang}
                  helpHref={(id) => `${SIDE_PANEL_PAGE}?${SIDE_PANEL_HELP_PARAM}=${encodeURIComponent(id)}`}
                />
              )}
            </details>
          </section>
        )}

        {!focusId && <PrescriptionSection titleId="sp-rx-title" date={date} profession={profession} lang={lang} />}

        {!focusId && (
          <section aria-labelledby="vitale-title" data-section="vitale">
            <VitaleStatusSection tabId={tab?.tabId ?? null} lang={lang} storage={storage} departement={settings.departement} />
          </section>
        )}

        {!focusId && (
          <section aria-labelledby="soon-title" data-section="soon">
            <h2 id="soon-title">{tr(S.soon, lang)}</h2>
            {soon.length === 0 ? (
              <p class="ca-muted">{tr(S.soonEmpty, lang)}</p>
            ) : (
              <ul class="ca-list ca-soon">
                {soon.map((r) => (
                  <RuleCard
                    key={r.id}
                    {...ruleCardOf(r)}
                    lang={lang}
                    class="ca-finding ca-info"
                    meta={<p class="ca-msg">{tr(S.startsOn(fmtDate(r.from), daysBetween(date, r.from)), lang)}</p>}
                  />
                ))}
              </ul>
            )}
          </section>
        )}

        <section aria-labelledby="help-title" data-section="help">
          <h2 id="help-title">{tr(S.helpTitle, lang)}</h2>
          <RuleHelp date={date} lang={lang} focusId={focusId} />
        </section>
      </main>
    </>
  );
}
