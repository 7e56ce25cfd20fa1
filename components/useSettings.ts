/**
 * Settings for the extension pages: read through the storage client, with what every surface derives from them
 * (profession with its default, reference date, language).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../lib/i18n';
import { todayIso } from '../lib/rules/dates';
import type { Profession } from '../lib/pages/types';
import type { StorageClient } from '../lib/storage/client';
import { DEFAULT_SETTINGS } from '../lib/storage/defaults';
import type { Settings } from '../lib/storage/schema';

/** Same default as the content script: a general practitioner until the profile is filled in. */
export const DEFAULT_PROFESSION: Profession = 'medecin-generaliste';

export interface SettingsView {
  settings: Settings;
  loaded: boolean;
  profession: Profession;
  profileSet: boolean;
  /** settings.referenceDate, else today (local calendar). */
  date: string;
  lang: Lang;
}

export function viewOf(settings: Settings, loaded: boolean, fallbackLang: Lang, today: string = todayIso()): SettingsView {
  return {
    settings,
    loaded,
    profession: settings.profession ?? DEFAULT_PROFESSION,
    profileSet: settings.profession !== null,
    date: settings.referenceDate ?? today,
    // Settings always carry a language (French by default); before they load, the browser's language.
    lang: loaded ? settings.lang : fallbackLang,
  };
}

export function useSettings(
  client: Pick<StorageClient, 'getSettings'>,
  fallbackLang: Lang,
): SettingsView & { reload: () => void; setLocal: (s: Settings) => void } {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    void client.getSettings().then((res) => {
      if (!alive) return;
      setSettings(res.ok ? res.value : { ...DEFAULT_SETTINGS, lang: fallbackLang });
      setLoaded(true);
    });
    return () => {
      alive = false;
    };
  }, [client, tick]);
  const view = viewOf(settings, loaded, fallbackLang);
  useEffect(() => {
    document.documentElement.lang = view.lang;
  }, [view.lang]);
  return { ...view, reload: () => setTick((t) => t + 1), setLocal: setSettings };
}
