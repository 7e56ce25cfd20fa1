import { useEffect, useState } from 'preact/hooks';
import { FindingList } from '../../components/FindingList';
import { VitaleStatusSection } from '../../components/VitaleStatus';
import { storage } from '../../lib/storage/client';
import { UI } from '../../components/ui-text';
import { tr, type Lang } from '../../lib/i18n';
import { getCurrentTab, type CurrentTab } from '../../lib/ext/current-tab';
import { PAGE_LABELS } from '../../lib/pages/detect';

export function SidePanelApp({ lang }: { lang: Lang }) {
  const [tab, setTab] = useState<CurrentTab | null>(null);
  useEffect(() => {
    const refresh = () => void getCurrentTab().then(setTab);
    refresh();
    const timer = setInterval(refresh, 2000);
    return () => clearInterval(timer);
  }, []);
  const state = tab?.state ?? null;
  return (
    <>
      <header class="ca-top">
        <img src="/icon/32.png" alt="" />
        <h1>{tr(UI.appName, lang)}</h1>
      </header>
      <main>
        <section aria-labelledby="page-title" data-section="current-page">
          <h2 id="page-title">{lang === 'fr' ? 'Sur cette page' : 'On this page'}</h2>
          {!state ? (
            <p class="ca-muted">{lang === 'fr' ? "Aucune page amelipro analysée dans cet onglet." : 'No amelipro page analysed in this tab.'}</p>
          ) : (
            <>
              <p>{tr(PAGE_LABELS[state.page], lang)}</p>
              {state.findings.length + state.cannotCheck.length === 0 ? (
                <p class="ca-muted">{tr(UI.nothingToSay, lang)}</p>
              ) : (
                <FindingList findings={state.findings} cannotCheck={state.cannotCheck} lang={lang} showSource />
              )}
            </>
          )}
        </section>
        <section aria-labelledby="vitale-title" data-section="vitale">
          <VitaleStatusSection tabId={tab?.tabId ?? null} lang={lang} storage={storage} />
        </section>
      </main>
    </>
  );
}
