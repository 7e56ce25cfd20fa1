import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DataManagement } from '../../components/DataManagement';
import { ProfileForm, type ProfileValues } from '../../components/ProfileForm';
import { usePortalProfession } from '../../components/usePortalProfession';
import { SnoozeList } from '../../components/SnoozeList';
import { S, fmtDate, langName } from '../../components/surface-text';
import { UI } from '../../components/ui-text';
import { useSettings } from '../../components/useSettings';
import { FEATURE_NAMES } from '../../lib/features/names';
import { tr, type Lang } from '../../lib/i18n';
import { rules } from '../../lib/rules/engine';
import { storage, type StorageClient } from '../../lib/storage/client';
import type { Settings } from '../../lib/storage/schema';
import { changesSince, type ChangelogEntry } from './changelog';

export interface OptionsAppProps {
  lang: Lang;
  client?: StorageClient;
  version?: string;
}

function manifestVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '0.0.0';
  }
}

/** Latest `reviewed` date of the catalogue. */
export const catalogueReviewed = (): string => rules.reduce((max, r) => (r.reviewed > max ? r.reviewed : max), '0000-00-00');

export function OptionsApp({ lang: browserLang, client = storage, version = manifestVersion() }: OptionsAppProps) {
  const view = useSettings(client, browserLang);
  const { settings, lang, loaded } = view;
  const [news, setNews] = useState<ChangelogEntry[]>([]);
  const [status, setStatus] = useState('');

  const save = async (patch: Partial<Omit<Settings, 'id'>>): Promise<{ ok: true } | { ok: false; message: string }> => {
    const res = await client.saveSettings(patch);
    if (res.ok) {
      view.setLocal(res.value);
      return { ok: true };
    }
    return { ok: false, message: res.error.message };
  };
  const saveAndSay = async (patch: Partial<Omit<Settings, 'id'>>) => {
    const res = await save(patch);
    setStatus(res.ok ? tr(S.saved, lang) : `${tr(S.saveFailed, lang)} ${res.message}`);
  };

  // Changelog: shown once after an update, then the version is remembered.
  useEffect(() => {
    if (!loaded) return;
    const changes = changesSince(settings.lastSeenVersion, version);
    if (settings.lastSeenVersion !== version && /^\d+\.\d+\.\d+$/.test(version)) {
      setNews(changes);
      void client.saveSettings({ lastSeenVersion: version });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  const profile: ProfileValues = { profession: settings.profession, specialty: settings.specialty, departement: settings.departement };
  // asked only while no profession is saved (the form offers it only then)
  const portalProfession = usePortalProfession(loaded && settings.profession === null);

  return (
    <>
      <header class="ca-top">
        <img src="/icon/32.png" alt="" />
        <h1>
          {tr(UI.appName, lang)} — {tr(S.optionsTitle, lang)}
        </h1>
      </header>
      <main class="ca-options">
        <section aria-labelledby="profile-title" data-section="profile">
          <h2 id="profile-title">{tr(S.profile, lang)}</h2>
          {loaded && <ProfileForm initial={profile} suggested={portalProfession} lang={lang} onSave={(v) => save(v)} />}
        </section>

        <section aria-labelledby="features-title" data-section="features">
          <h2 id="features-title">{tr(S.features, lang)}</h2>
          <p class="ca-muted">{tr(S.featuresIntro, lang)}</p>
          {FEATURE_NAMES.map((f) => (
            <label key={f.id} class="ca-check" data-feature-id={f.id}>
              <input
                type="checkbox"
                checked={!settings.disabledFeatures.includes(f.id)}
                disabled={!loaded}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  const others = settings.disabledFeatures.filter((id) => id !== f.id);
                  void saveAndSay({ disabledFeatures: on ? others : [...others, f.id] });
                }}
              />
              {tr(f.title, lang)}
            </label>
          ))}
          <label class="ca-check" data-setting="auto-open">
            <input
              type="checkbox"
              checked={settings.overlayAutoOpen ?? true}
              disabled={!loaded}
              aria-describedby="auto-open-help"
              onChange={(e) => void saveAndSay({ overlayAutoOpen: (e.currentTarget as HTMLInputElement).checked })}
            />
            {tr(S.autoOpen, lang)}
          </label>
          <p id="auto-open-help" class="ca-muted">
            {tr(S.autoOpenHelp, lang)}
          </p>
        </section>

        <details class="ca-fold" data-section="advanced" open={settings.referenceDate !== null}>
          <summary>
            <h2 class="ca-inline">{tr(S.advanced, lang)}</h2>
          </summary>
          <section aria-labelledby="refdate-title" data-section="reference-date">
            <h3 id="refdate-title">{tr(S.refDateTitle, lang)}</h3>
            <div class="ca-field">
              <label for="reference-date">{tr(S.refDateLabel, lang)}</label>
              <input
                id="reference-date"
                type="date"
                value={settings.referenceDate ?? ''}
                disabled={!loaded}
                aria-describedby="reference-date-help"
                onChange={(e) => {
                  const v = (e.currentTarget as HTMLInputElement).value;
                  void saveAndSay({ referenceDate: /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null });
                }}
              />
              <p id="reference-date-help" class="ca-muted">
                {tr(S.refDateHelp, lang)}
              </p>
            </div>
            {settings.referenceDate && (
              <button type="button" class="ca-btn secondary" onClick={() => void saveAndSay({ referenceDate: null })}>
                {tr(S.refDateClear, lang)}
              </button>
            )}
          </section>
        </details>

        <section aria-labelledby="lang-title" data-section="language">
          <h2 id="lang-title">{tr(S.language, lang)}</h2>
          <div class="ca-field">
            <label for="lang-select">{tr(S.language, lang)}</label>
            <select
              id="lang-select"
              value={lang}
              disabled={!loaded}
              onChange={(e) => void saveAndSay({ lang: (e.currentTarget as HTMLSelectElement).value === 'en' ? 'en' : 'fr' })}
            >
              {(['fr', 'en'] as const).map((l) => (
                <option key={l} value={l} lang={l}>
                  {langName[l]}
                </option>
              ))}
            </select>
          </div>
        </section>
        <p role="status" data-testid="options-status" class="ca-status-msg">
          {status}
        </p>

        <SnoozeList client={client} lang={lang} />

        <section data-section="data">
          <DataManagement client={client} lang={lang} />
        </section>

        <section aria-labelledby="about-title" data-section="about">
          <h2 id="about-title">{tr(S.about, lang)}</h2>
          <p data-testid="version">{tr(S.version(version), lang)}</p>
          <p data-testid="reviewed">
            {tr(S.reviewed(fmtDate(catalogueReviewed())), lang)} · {tr(S.rulesCount(rules.length), lang)}
          </p>
          <p class="ca-muted">{tr(S.aboutNote, lang)}</p>
        </section>

        {news.length > 0 && (
          <details class="ca-fold ca-news" data-section="news">
            <summary>
              <h2 id="news-title" class="ca-inline">
                {tr(S.whatsNew(version), lang)}
              </h2>
            </summary>
            {news.map((e) => (
              <ul key={e.version}>
                {e.items.map((i, n) => (
                  <li key={n}>{tr(i, lang)}</li>
                ))}
              </ul>
            ))}
          </details>
        )}
      </main>
    </>
  );
}
