import { useEffect, useMemo, useState } from 'preact/hooks';
import { Checklist, MODULE_MEMORY, type ChecklistClient, type ScopeMemory } from '../../components/Checklist';
import { FindingList } from '../../components/FindingList';
import { HostAccess } from '../../components/HostAccess';
import { portalProfessionLabel } from '../../components/ProfileForm';
import { usePortalProfession } from '../../components/usePortalProfession';
import { PrescriptionSection } from '../../components/PrescriptionBox';
import { S, fmtDate } from '../../components/surface-text';
import { UI } from '../../components/ui-text';
import { useSettings } from '../../components/useSettings';
import { VitaleStatusSection } from '../../components/VitaleStatus';
import { buildChecklist, buildEndOfDayList, checklistIdFor, endOfDayIdFor } from '../../lib/checklist';
import { getCurrentTab, openSidePanel, type CurrentTab } from '../../lib/ext/current-tab';
import { tr, type Lang } from '../../lib/i18n';
import { todayIso } from '../../lib/rules/dates';
import { startupFailure } from '../../lib/startup-failure';
import { PAGE_LABELS } from '../../lib/pages/detect';
import { storage, type StorageClient } from '../../lib/storage/client';

export interface PopupAppProps {
  lang: Lang;
  client?: StorageClient & ChecklistClient;
  /** Current tab provider (tests inject one). */
  currentTab?: () => Promise<CurrentTab>;
  /** Where the page checklist remembers its run per tab, page and patient (the browser's session storage). */
  memory?: ScopeMemory;
}

/** The browser's session storage (in memory, emptied when the browser closes), else this window's memory. */
function sessionMemory(): ScopeMemory {
  type Area = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  const session = (globalThis as { chrome?: { storage?: { session?: Area } } }).chrome?.storage?.session;
  if (!session) return MODULE_MEMORY;
  return {
    get: async (key) => {
      const value = (await session.get(key))[key];
      return typeof value === 'string' ? value : undefined;
    },
    set: (key, value) => session.set({ [key]: value }),
  };
}

const helpHref = (ruleId: string) => `/sidepanel.html?help=${encodeURIComponent(ruleId)}`;

export function PopupApp({ lang: browserLang, client = storage, currentTab = getCurrentTab, memory }: PopupAppProps) {
  const scopeMemory = useMemo(() => memory ?? sessionMemory(), [memory]);
  const [tab, setTab] = useState<CurrentTab | null>(null);
  const { profession, profileSet, date, lang, loaded, settings, reload } = useSettings(client, browserLang);
  useEffect(() => {
    void currentTab().then(setTab);
  }, [currentTab]);
  const state = tab?.state ?? null;
  const startFailure = startupFailure(state);
  /**
   * The profession this tab's portal header names (else another amelipro tab's), offered while none is saved:
   * asked once the settings and the tab are known, and not at all once a profession is saved.
   */
  const suggestion = usePortalProfession(loaded && !profileSet && tab !== null, tab?.onAmelipro ? tab.tabId : null);
  // the page's own questions: none on a page the extension does not check
  const page = state && state.page !== 'unknown' && !startFailure ? state.page : null;
  const items = useMemo(
    () => (page ? buildChecklist({ profession, date, page, findings: state?.findings ?? [], cannotCheck: state?.cannotCheck ?? [] }) : []),
    [profession, date, state, page],
  );
  const endOfDay = useMemo(() => buildEndOfDayList({ profession, date }), [profession, date]);
  /** Tab, page and visit (patient): a new patient or page starts a fresh checklist. */
  const scope = tab?.tabId != null && page ? `${tab.tabId}:${page}:${state?.visit ?? '0'}` : null;

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
        <PrescriptionSection titleId="rx-title" date={date} profession={profession} lang={lang} />

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
                  {state && state.snoozed > 0 && ` (${tr(UI.hiddenCount(state.snoozed), lang)})`}
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

        <section aria-labelledby="checklist-title" data-section="checklist" data-page={page ?? undefined}>
          <h2 id="checklist-title">
            {tr(S.checklistTitle, lang)}
            {page && ` — ${tr(PAGE_LABELS[page], lang)}`}
          </h2>
          {loaded &&
            !profileSet &&
            (suggestion ? (
              // one short line, no taller than the note it replaces: the checklist and « Terminer » stay in view
              <p class="ca-muted" data-testid="profile-suggested">
                {tr(S.portalSays(portalProfessionLabel(suggestion)), lang)}{' '}
                <button
                  type="button"
                  class="ca-link-btn"
                  onClick={() => void client.saveSettings({ profession: suggestion.profession, specialty: suggestion.specialty }).then(() => reload())}
                >
                  {tr(S.useThisProfile, lang)}
                </button>
              </p>
            ) : (
              <p class="ca-muted" data-testid="profile-missing">
                {tr(S.profileMissing, lang)}
              </p>
            ))}
          {date !== todayIso() && <p class="ca-muted">{tr(S.referenceDate(fmtDate(date)), lang)}</p>}
          {!loaded || tab === null ? (
            <p class="ca-muted">…</p>
          ) : !page ? (
            <p class="ca-muted" data-testid="checklist-none">
              {tr(S.pageChecklistNone, lang)}
            </p>
          ) : items.length === 0 ? (
            <p class="ca-muted" data-testid="checklist-empty">
              {tr(S.pageChecklistEmpty, lang)}
            </p>
          ) : (
            <Checklist
              checklistId={checklistIdFor(profession)}
              items={items}
              client={client}
              lang={lang}
              helpHref={helpHref}
              scope={scope}
              memory={scopeMemory}
              heading={`${tr(S.checklistTitle, lang)} — ${tr(PAGE_LABELS[page], lang)}`}
            />
          )}
        </section>

        <details class="ca-fold" data-section="end-of-day" open={page !== null && items.length === 0 && state?.page === 'transmission'}>
          <summary>{tr(S.endOfDayTitle, lang)}</summary>
          <p class="ca-muted">{tr(S.endOfDayIntro, lang)}</p>
          {loaded && (
            <Checklist
              checklistId={endOfDayIdFor(profession)}
              items={endOfDay}
              client={client}
              lang={lang}
              helpHref={helpHref}
              heading={tr(S.endOfDayTitle, lang)}
            />
          )}
        </details>

        {/* open where the card is read (home, sick-leave forms), folded elsewhere */}
        <details class="ca-fold" open={page === 'home' || page === 'aat' || page === 'atmp'}>
          <summary>{tr(S.vitaleSlot, lang)}</summary>
          <section aria-labelledby="vitale-title" data-section="vitale">
            <VitaleStatusSection tabId={tab?.tabId ?? null} lang={lang} storage={storage} departement={settings.departement} />
          </section>
        </details>
      </main>
    </>
  );
}
