import { useEffect, useMemo, useState } from 'preact/hooks';
import { Checklist, type ChecklistClient } from '../../components/Checklist';
import { FindingList } from '../../components/FindingList';
import { HostAccess } from '../../components/HostAccess';
import { PrescriptionSection } from '../../components/PrescriptionBox';
import { S, fmtDate } from '../../components/surface-text';
import { UI } from '../../components/ui-text';
import { useSettings } from '../../components/useSettings';
import { VitaleStatusSection } from '../../components/VitaleStatus';
import { buildChecklist, checklistIdFor } from '../../lib/checklist';
import { getCurrentTab, openSidePanel, type CurrentTab } from '../../lib/ext/current-tab';
import { tr, localIsoDate, type Lang } from '../../lib/i18n';
import { startupFailure } from '../../lib/startup-failure';
import { PAGE_LABELS } from '../../lib/pages/detect';
import { storage, type StorageClient } from '../../lib/storage/client';

export interface PopupAppProps {
  lang: Lang;
  client?: StorageClient & ChecklistClient;
  /** Current tab provider (tests inject one). */
  currentTab?: () => Promise<CurrentTab>;
}

const helpHref = (ruleId: string) => `/sidepanel.html?help=${encodeURIComponent(ruleId)}`;

export function PopupApp({ lang: browserLang, client = storage, currentTab = getCurrentTab }: PopupAppProps) {
  const [tab, setTab] = useState<CurrentTab | null>(null);
  const { profession, profileSet, date, lang, loaded } = useSettings(client, browserLang);
  useEffect(() => {
    void currentTab().then(setTab);
  }, [currentTab]);
  const state = tab?.state ?? null;
  const startFailure = startupFailure(state);
  const items = useMemo(
    () => buildChecklist({ profession, date, findings: state?.findings ?? [], cannotCheck: state?.cannotCheck ?? [] }),
    [profession, date, state],
  );

  return (
    <>
      <header class="ca-top">
        <img src="/icon/32.png" alt="" />
        <h1>{tr(UI.appName, lang)}</h1>
        <a class="ca-top-link" href="/options.html" target="_blank" rel="noopener">
          {tr(S.openOptions, lang)}
        </a>
      </header>
      <main>
        <HostAccess lang={lang} />
        <section aria-labelledby="tab-title" data-section="current-tab">
          <h2 id="tab-title">{tr(S.currentTab, lang)}</h2>
          {tab === null ? (
            <p class="ca-muted">…</p>
          ) : !tab.onAmelipro ? (
            <p class="ca-muted">{tr(S.notOnAmelipro, lang)}</p>
          ) : (
            <>
              {startFailure ? (
                <p data-testid="tab-summary" class="ca-bad" role="alert">
                  {tr(startFailure.reason, lang)}
                </p>
              ) : (
                <p data-testid="tab-summary">
                  {state ? tr(PAGE_LABELS[state.page], lang) : tr(S.analysing, lang)}
                  {state && ` — ${tr(UI.count(state.findings.length), lang)}`}
                </p>
              )}
              {state && !startFailure && state.findings.length + state.cannotCheck.length > 0 && (
                <details>
                  <summary>{tr(S.showFindings, lang)}</summary>
                  <FindingList findings={state.findings} cannotCheck={state.cannotCheck} lang={lang} />
                </details>
              )}
            </>
          )}
          <p>
            <button type="button" class="ca-btn secondary" onClick={() => void openSidePanel(tab?.tabId ?? null)}>
              {tr(S.openPanel, lang)}
            </button>
          </p>
        </section>

        <section aria-labelledby="checklist-title" data-section="checklist">
          <h2 id="checklist-title">{tr(S.checklistTitle, lang)}</h2>
          {loaded && !profileSet && <p class="ca-muted" data-testid="profile-missing">{tr(S.profileMissing, lang)}</p>}
          {date !== localIsoDate() && <p class="ca-muted">{tr(S.referenceDate(fmtDate(date)), lang)}</p>}
          {loaded && tab !== null ? (
            <Checklist checklistId={checklistIdFor(profession)} items={items} client={client} lang={lang} helpHref={helpHref} />
          ) : (
            <p class="ca-muted">…</p>
          )}
        </section>

        <PrescriptionSection titleId="rx-title" date={date} profession={profession} lang={lang} />

        <section aria-labelledby="vitale-title" data-section="vitale">
          <VitaleStatusSection tabId={tab?.tabId ?? null} lang={lang} storage={storage} />
        </section>
      </main>
    </>
  );
}
