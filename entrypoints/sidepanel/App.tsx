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
import { deadlineFromFinding, type Deadline } from '../../lib/checklist/indicators';
import { getCurrentTab, type CurrentTab } from '../../lib/ext/current-tab';
import { formatSource } from '../../lib/features/present';
import { tr, withColon, type Lang } from '../../lib/i18n';
import type { TabState } from '../../lib/messages';
import { PAGE_LABELS } from '../../lib/pages/detect';
import { daysBetween } from '../../lib/rules/dates';
import { hasCheck, rulesFor, upcomingFor } from '../../lib/rules/engine';
import { storage } from '../../lib/storage/client';
import { startupFailure } from '../../lib/startup-failure';

/** Declaration windows announced by any open «Ma Convention» tab (the background keeps each tab's findings). */
async function openTabDeadlines(date: string): Promise<Deadline[]> {
  try {
    const tabs = await browser.tabs.query({});
    const states = await Promise.all(
      tabs.map((t) =>
        t.id === undefined
          ? null
          : (browser.runtime.sendMessage({ type: 'get-tab-state', tabId: t.id }) as Promise<TabState | null>).catch(() => null),
      ),
    );
    const out = new Map<string, Deadline>();
    for (const s of states) {
      for (const f of s?.findings ?? []) {
        const d = deadlineFromFinding(f, date);
        if (d) out.set(d.closesOn, d);
      }
    }
    return [...out.values()];
  } catch {
    return [];
  }
}

const stateKey = (t: CurrentTab | null) => `${t?.tabId ?? ''}:${t?.state?.updatedAt ?? ''}:${t?.state?.page ?? ''}`;

export function SidePanelApp({ lang: browserLang }: { lang: Lang }) {
  const [tab, setTab] = useState<CurrentTab | null>(null);
  const [deadlines, setDeadlines] = useState<Deadline[]>([]);
  const { profession, date, lang, loaded, settings } = useSettings(storage, browserLang);
  const focusId = new URLSearchParams(location.search).get('help');

  useEffect(() => {
    let alive = true;
    let last = '';
    const refresh = async () => {
      const t = await getCurrentTab();
      if (!alive) return;
      const key = stateKey(t);
      if (key === last) return;
      last = key;
      setTab(t);
      setDeadlines(await openTabDeadlines(date));
    };
    void refresh();
    // Tab events need no "tabs" permission; the poll catches in-page changes (findings updated by the content script).
    const onActivated = () => void refresh();
    const onUpdated = (_id: number, info: { status?: string }) => {
      if (info.status === 'complete') void refresh();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    const timer = setInterval(() => void refresh(), 2000);
    return () => {
      alive = false;
      clearInterval(timer);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [date]);

  const state = tab?.state ?? null;
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
                  <FindingList findings={state.findings} cannotCheck={state.cannotCheck} lang={lang} showSource />
                )}
                {!startFailure && state.snoozed > 0 && (
                  <p class="ca-muted" data-testid="hidden-count">
                    {tr(UI.hiddenCount(state.snoozed), lang)} · <a href="/options.html#snoozes" target="_blank" rel="noopener">{tr(S.openOptions, lang)}</a>
                  </p>
                )}
                {reminders.length > 0 && (
                  <>
                    <h3>{tr(S.reminders, lang)}</h3>
                    <ul class="ca-list" data-testid="reminders">
                      {reminders.map((r) => (
                        <li key={r.id} class="ca-finding ca-info" data-rule-id={r.id}>
                          <strong class="ca-title">
                            {tr({ fr: r.title, en: r.en.title }, lang)}
                            {r.confidence === 'low' && ` ${tr(S.toVerify, lang)}`}
                          </strong>
                          <p class="ca-msg">{tr({ fr: r.message, en: r.en.message }, lang)}</p>
                          <p class="ca-source">
                            {withColon(UI.source, lang)} {tr(formatSource(r.source), lang)}
                          </p>
                          <div class="ca-actions">
                            <a href={r.link} target="_blank" rel="noopener noreferrer">
                              {tr(UI.learnMore, lang)}
                            </a>
                          </div>
                        </li>
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
                  helpHref={(id) => `/sidepanel.html?help=${encodeURIComponent(id)}`}
                />
              )}
            </details>
          </section>
        )}

        {!focusId && (
          <PrescriptionSection titleId="sp-rx-title" date={date} profession={profession} lang={lang} />
        )}

        {!focusId && (
          <section aria-labelledby="vitale-title" data-section="vitale">
            <VitaleStatusSection tabId={tab?.tabId ?? null} lang={lang} storage={storage} departement={settings.departement} />
          </section>
        )}

        {!focusId && (
          <section aria-labelledby="indicators-title" data-section="indicators">
            <h2 id="indicators-title">{tr(S.indicatorsTitle, lang)}</h2>
            <IndicatorPanel profession={profession} date={date} lang={lang} client={storage} pageDeadlines={deadlines} refreshKey={stateKey(tab)} />
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
                  <li key={r.id} class="ca-finding ca-info" data-rule-id={r.id}>
                    <strong class="ca-title">{tr({ fr: r.title, en: r.en.title }, lang)}</strong>
                    <p class="ca-msg">{tr(S.startsOn(fmtDate(r.from), daysBetween(date, r.from)), lang)}</p>
                    <p class="ca-msg">{tr({ fr: r.message, en: r.en.message }, lang)}</p>
                    <div class="ca-actions">
                      <a href={r.link} target="_blank" rel="noopener noreferrer">
                        {tr(UI.learnMore, lang)}
                      </a>
                    </div>
                  </li>
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
