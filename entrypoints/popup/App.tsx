import { useEffect, useState } from 'preact/hooks';
import { FindingList } from '../../components/FindingList';
import { VitaleStatusSection } from '../../components/VitaleStatus';
import { storage } from '../../lib/storage/client';
import { UI } from '../../components/ui-text';
import { tr, type Lang } from '../../lib/i18n';
import { getCurrentTab, openSidePanel, type CurrentTab } from '../../lib/ext/current-tab';
import { PAGE_LABELS } from '../../lib/pages/detect';

export function PopupApp({ lang }: { lang: Lang }) {
  const [tab, setTab] = useState<CurrentTab | null>(null);
  useEffect(() => {
    void getCurrentTab().then(setTab);
  }, []);
  const state = tab?.state ?? null;
  return (
    <>
      <header class="ca-top">
        <img src="/icon/32.png" alt="" />
        <h1>{tr(UI.appName, lang)}</h1>
      </header>
      <main>
        <section aria-labelledby="tab-title" data-section="current-tab">
          <h2 id="tab-title">{lang === 'fr' ? 'Onglet actuel' : 'Current tab'}</h2>
          {tab === null ? (
            <p class="ca-muted">…</p>
          ) : !tab.onAmelipro ? (
            <p class="ca-muted">{lang === 'fr' ? "Cet onglet n'est pas sur amelipro." : 'This tab is not on amelipro.'}</p>
          ) : (
            <>
              <p data-testid="tab-summary">
                {state ? tr(PAGE_LABELS[state.page], lang) : lang === 'fr' ? 'Page en cours d’analyse' : 'Page being analysed'}
                {state && ` — ${tr(UI.count(state.findings.length), lang)}`}
              </p>
              {state && <FindingList findings={state.findings} cannotCheck={state.cannotCheck} lang={lang} />}
            </>
          )}
          <p>
            <button type="button" class="ca-btn secondary" onClick={() => void openSidePanel(tab?.tabId ?? null)}>
              {lang === 'fr' ? 'Ouvrir le panneau d’aide' : 'Open the help panel'}
            </button>
          </p>
        </section>
        <section aria-labelledby="vitale-title" data-section="vitale">
          <VitaleStatusSection tabId={tab?.tabId ?? null} lang={lang} storage={storage} />
        </section>
      </main>
    </>
  );
}
