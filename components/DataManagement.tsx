/**
 * Options page: export, import (merge or replace), erase everything, and the quarantine.
 * The storage client is injected (tests pass a client bound to a fake database); nothing here touches IndexedDB.
 */
import { useEffect, useState } from 'preact/hooks';
import { tr, withColon, type Lang, type Text } from '../lib/i18n';
import type { StorageClient } from '../lib/storage/client';
import type { StorageError } from '../lib/storage/result';

export type DataClient = Pick<StorageClient, 'exportAll' | 'importAll' | 'eraseAll' | 'listQuarantine' | 'clearQuarantine'>;

export interface DataManagementProps {
  client: DataClient;
  lang?: Lang;
  /** Saves a file for the user; defaults to a Blob + object URL + <a download>. */
  download?: (blob: Blob, filename: string) => void;
  now?: () => Date;
}

const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const T = {
  title: { fr: 'Mes données', en: 'My data' },
  intro: {
    fr: "Tout reste dans ce navigateur. Aucune donnée patient n'est enregistrée : seulement vos réglages, vos relevés d'indicateurs et l'état de vos listes de vérification.",
    en: 'Everything stays in this browser. No patient data is stored: only your settings, indicator readings and checklist states.',
  },
  exportBtn: { fr: 'Exporter mes données', en: 'Export my data' },
  exported: { fr: 'Fichier exporté : {name}', en: 'File exported: {name}' },
  importTitle: { fr: 'Importer', en: 'Import' },
  fileLabel: { fr: 'Fichier exporté par Compagnon amelipro (.json)', en: 'File exported by Compagnon amelipro (.json)' },
  merge: { fr: 'Fusionner avec mes données actuelles', en: 'Merge with my current data' },
  replace: { fr: 'Remplacer toutes mes données par celles du fichier', en: 'Replace all my data with the file' },
  importBtn: { fr: 'Importer', en: 'Import' },
  noFile: { fr: "Choisissez d'abord un fichier.", en: 'Choose a file first.' },
  imported: { fr: 'Import réussi : {n} éléments importés.', en: 'Import done: {n} items imported.' },
  nothingLost: { fr: "Rien n'a été modifié.", en: 'Nothing was changed.' },
  eraseTitle: { fr: 'Tout effacer', en: 'Erase everything' },
  eraseBtn: { fr: 'Tout effacer', en: 'Erase everything' },
  eraseConfirm: {
    fr: "Effacer définitivement toutes les données de l'extension dans ce navigateur ? Exportez-les d'abord si vous voulez les garder.",
    en: "Permanently erase all of the extension's data in this browser? Export it first if you want to keep it.",
  },
  eraseYes: { fr: 'Oui, tout effacer', en: 'Yes, erase everything' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  erased: { fr: 'Toutes les données ont été effacées.', en: 'All data has been erased.' },
  quarantineTitle: { fr: 'Quarantaine', en: 'Quarantine' },
  advanced: { fr: 'Avancé', en: 'Advanced' },
  quarantineIntro: {
    fr: "Éléments illisibles mis de côté (ils n'ont pas été perdus, mais ne sont plus utilisés).",
    en: 'Unreadable items set aside (not lost, but no longer used).',
  },
  quarantineEmpty: { fr: 'La quarantaine est vide.', en: 'The quarantine is empty.' },
  quarantineClear: { fr: 'Vider la quarantaine', en: 'Empty the quarantine' },
  working: { fr: 'En cours…', en: 'Working…' },
} satisfies Record<string, Text>;

/** English wording of storage errors (the French message comes with the error itself). */
const ERRORS_EN: Partial<Record<StorageError['code'], string>> = {
  quota: 'The browser storage is full: nothing was saved, what was already saved is kept. Free some disk space and try again.',
  'not-json': 'This file is not readable JSON (it may be damaged, or not an export of the extension).',
  format: 'This file is not a Compagnon amelipro export.',
  'newer-version': 'This file comes from a newer version of the extension. Update the extension, then try again.',
  'too-big': 'The file is too large (5 MB at most).',
  privacy: 'Refused to protect patients: the file contains something that looks like patient data (e.g. a social security number).',
  invalid: 'The file content is not valid.',
  forbidden: 'Storage request refused.',
  unavailable: 'The extension storage does not answer. Reload the page.',
  blocked: 'Another tab of the extension blocks the update of the data. Close the other extension pages and try again.',
};

function errorText(error: StorageError, lang: Lang): string {
  if (lang === 'fr') return error.message;
  const en = ERRORS_EN[error.code] ?? 'Storage error.';
  return error.path ? `${en} (${error.path})` : en;
}

const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

export function browserDownload(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Message = { kind: 'ok' | 'error'; text: string } | null;
interface QuarantineRow {
  store: string;
  reason: string;
  at: string;
}

export function DataManagement({ client, lang = 'fr', download = browserDownload, now = () => new Date() }: DataManagementProps) {
  const t = (k: keyof typeof T) => tr(T[k], lang);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [confirming, setConfirming] = useState(false);
  const [quarantine, setQuarantine] = useState<QuarantineRow[]>([]);

  async function refreshQuarantine() {
    const r = await client.listQuarantine();
    if (r.ok) {
      setQuarantine(r.value.map((e) => ({ store: String(e['store'] ?? ''), reason: String(e['reason'] ?? ''), at: String(e['at'] ?? '') })));
    }
  }
  useEffect(() => {
    void refreshQuarantine();
  }, [client]);

  async function run(fn: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  }

  const onExport = () =>
    run(async () => {
      const r = await client.exportAll();
      if (!r.ok) return setMessage({ kind: 'error', text: errorText(r.error, lang) });
      const name = `compagnon-amelipro-${now().toISOString().slice(0, 10)}.json`;
      // Compact JSON: the file must stay under the 5 MB import limit (about 34 000 snapshots).
      download(new Blob([JSON.stringify(r.value)], { type: 'application/json' }), name);
      setMessage({ kind: 'ok', text: fill(t('exported'), { name }) });
    });

  const onImport = () =>
    run(async () => {
      if (!file) return setMessage({ kind: 'error', text: t('noFile') });
      if (file.size > IMPORT_MAX_BYTES) {
        const tooBig: StorageError = {
          code: 'too-big',
          message: `Fichier trop volumineux : ${(file.size / 1024 / 1024).toFixed(1)} Mo, la limite est de 5 Mo.`,
        };
        return setMessage({ kind: 'error', text: `${errorText(tooBig, lang)} ${t('nothingLost')}` });
      }
      const r = await client.importAll(await file.text(), mode);
      if (!r.ok) {
        const text = errorText(r.error, lang);
        return setMessage({ kind: 'error', text: /Rien n'a été|Nothing was changed/.test(text) ? text : `${text} ${t('nothingLost')}` });
      }
      const n = Object.values(r.value.counts).reduce((a, b) => a + b, 0);
      setMessage({ kind: 'ok', text: fill(t('imported'), { n }) });
      await refreshQuarantine();
    });

  const onErase = () =>
    run(async () => {
      const r = await client.eraseAll();
      setConfirming(false);
      if (!r.ok) return setMessage({ kind: 'error', text: errorText(r.error, lang) });
      setMessage({ kind: 'ok', text: t('erased') });
      await refreshQuarantine();
    });

  const onClearQuarantine = () =>
    run(async () => {
      const r = await client.clearQuarantine();
      if (!r.ok) return setMessage({ kind: 'error', text: errorText(r.error, lang) });
      await refreshQuarantine();
    });

  return (
    <section class="ca-data" aria-labelledby="ca-data-title">
      <h2 id="ca-data-title">{t('title')}</h2>
      <p class="ca-muted">{t('intro')}</p>

      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} class={message.kind === 'error' ? 'ca-bad' : 'ca-ok'}>
          {message.text}
        </p>
      )}

      <p>
        <button type="button" class="ca-btn" onClick={onExport} disabled={busy}>
          {t('exportBtn')}
        </button>
      </p>

      <fieldset>
        <legend>{t('importTitle')}</legend>
        <label>
          {t('fileLabel')}{' '}
          <input type="file" accept="application/json,.json" onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
        </label>
        <label>
          <input type="radio" name="ca-import-mode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} /> {t('merge')}
        </label>
        <label>
          <input type="radio" name="ca-import-mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} /> {t('replace')}
        </label>
        <button type="button" class="ca-btn secondary" onClick={onImport} disabled={busy}>
          {t('importBtn')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('eraseTitle')}</legend>
        {!confirming ? (
          <button type="button" class="ca-btn secondary" onClick={() => setConfirming(true)} disabled={busy}>
            {t('eraseBtn')}
          </button>
        ) : (
          <div role="alertdialog" aria-label={t('eraseTitle')}>
            <p>{t('eraseConfirm')}</p>
            <button type="button" class="ca-btn" onClick={onErase} disabled={busy}>
              {t('eraseYes')}
            </button>{' '}
            <button type="button" class="ca-btn secondary" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        )}
      </fieldset>

      {/* a technical matter: folded unless something is in it */}
      <details class="ca-fold" data-section="quarantine" open={quarantine.length > 0}>
        <summary>
          {withColon(T.advanced, lang)} {t('quarantineTitle')} ({quarantine.length})
        </summary>
        <fieldset>
          <legend>
            {t('quarantineTitle')} ({quarantine.length})
          </legend>
          <p class="ca-muted">{t('quarantineIntro')}</p>
          {quarantine.length === 0 ? (
            <p>{t('quarantineEmpty')}</p>
          ) : (
            <ul aria-label={t('quarantineTitle')}>
              {quarantine.map((q, i) => (
                <li key={i}>
                  <code>{q.store}</code> — {q.reason} <span class="ca-muted">({q.at.slice(0, 10)})</span>
                </li>
              ))}
            </ul>
          )}
          <button type="button" class="ca-btn secondary" onClick={onClearQuarantine} disabled={busy || quarantine.length === 0}>
            {t('quarantineClear')}
          </button>
        </fieldset>
      </details>
    </section>
  );
}
