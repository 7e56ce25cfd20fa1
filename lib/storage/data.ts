/** Export to a versioned JSON file, import (validated, merge or replace, all or nothing), erase everything. */
import { checkRecord, guardedPut } from './guard';
import { CURRENT_VERSION, upgradeExportStores } from './migrations';
import { findPatientData, sanitizeErrorMessage } from './privacy';
import { StorageFailure, toResult, type StorageResult } from './result';
import { ALL_STORES, DATA_STORES, type AmeliproDB, type DataStoreName } from './schema';
import { readResult, readRows, withWriteTx, type StorageContext } from './stores/common';
import type { StoreNames, StoreValue } from 'idb';

export const EXPORT_FORMAT = 'compagnon-amelipro-export';
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export type ExportStores = { [S in DataStoreName]: StoreValue<AmeliproDB, S>[] };
export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  stores: ExportStores;
}
export type ImportMode = 'merge' | 'replace';
export interface ImportSummary {
  mode: ImportMode;
  schemaVersion: number;
  counts: Record<DataStoreName, number>;
}

const SINGLE_RECORD_STORES: readonly DataStoreName[] = ['settings', 'vitaleStatus'];

export function exportAll(ctx: StorageContext): Promise<StorageResult<ExportFile>> {
  return readResult(async () => {
    let quarantined = 0;
    const stores = {} as Record<DataStoreName, unknown[]>;
    for (const name of DATA_STORES) {
      const r = await readRows(ctx, name);
      quarantined += r.quarantined;
      // Error ids are local auto-increment keys: meaningless in another browser.
      stores[name] = name === 'errors' ? r.valid.map((e) => ({ ...(e as object), id: undefined })).map(stripUndefined) : r.valid;
    }
    const file: ExportFile = {
      format: EXPORT_FORMAT,
      schemaVersion: CURRENT_VERSION,
      exportedAt: ctx.now().toISOString(),
      stores: stores as ExportStores,
    };
    return { value: file, quarantined };
  });
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const fail = (code: 'too-big' | 'not-json' | 'format' | 'newer-version' | 'invalid' | 'privacy', message: string, path?: string) =>
  new StorageFailure(code, message, path);

/** Parses and validates an export file completely, before anything is written. Throws StorageFailure naming the problem. */
export function parseExportFile(text: unknown): { schemaVersion: number; stores: ExportStores } {
  if (typeof text !== 'string') throw fail('format', "Le fichier n'est pas un fichier texte.");
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > IMPORT_MAX_BYTES) {
    throw fail('too-big', `Fichier trop volumineux : ${(bytes / 1024 / 1024).toFixed(1)} Mo, la limite est de 5 Mo.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw fail('not-json', "Ce fichier n'est pas un fichier JSON lisible (il est peut-être abîmé ou ce n'est pas un export de l'extension).");
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw fail('format', `Ce fichier n'est pas un export de Compagnon amelipro (champ format différent de « ${EXPORT_FORMAT} »).`, 'format');
  }
  const file = data as { schemaVersion?: unknown; stores?: unknown };
  const v = file.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw fail('format', 'Version de schéma absente ou invalide (schemaVersion doit être un entier positif).', 'schemaVersion');
  }
  if (v > CURRENT_VERSION) {
    throw fail(
      'newer-version',
      `Ce fichier vient d'une version plus récente de l'extension (schéma ${v}, celui-ci lit jusqu'au schéma ${CURRENT_VERSION}). Mettez l'extension à jour, puis réessayez.`,
      'schemaVersion',
    );
  }
  if (typeof file.stores !== 'object' || file.stores === null || Array.isArray(file.stores)) {
    throw fail('invalid', 'Fichier incomplet : stores : objet attendu.', 'stores');
  }
  const rawStores = file.stores as Record<string, unknown>;
  for (const [name, records] of Object.entries(rawStores)) {
    if (!(DATA_STORES as readonly string[]).includes(name))
      throw fail('invalid', `Contenu inattendu : stores.${name} n'est pas une catégorie de données connue.`, `stores.${name}`);
    if (!Array.isArray(records)) throw fail('invalid', `Contenu invalide : stores.${name} : liste attendue.`, `stores.${name}`);
  }
  // Refuse patient data before anything else, whatever the version.
  const leak = findPatientData(rawStores, 'stores');
  if (leak) {
    throw fail('privacy', `Import refusé pour protéger les patients : ${leak.path} ${leak.reason}. Rien n'a été importé.`, leak.path);
  }
  const upgraded = upgradeExportStores(rawStores as Record<string, unknown[]>, v);
  const out = {} as Record<DataStoreName, unknown[]>;
  for (const name of DATA_STORES) {
    const records = upgraded[name] ?? [];
    if (SINGLE_RECORD_STORES.includes(name) && records.length > 1) {
      throw fail('invalid', `Contenu invalide : stores.${name} contient ${records.length} éléments, un seul attendu.`, `stores.${name}`);
    }
    out[name] = records.map((rec, i) => {
      let candidate = rec;
      if (name === 'errors' && typeof rec === 'object' && rec !== null) {
        const { id: _id, ...rest } = rec as Record<string, unknown>;
        candidate = typeof rest['message'] === 'string' ? { ...rest, message: sanitizeErrorMessage(rest['message']) } : rest;
      }
      const checked = checkRecord(name, candidate, `stores.${name}[${i}]`);
      if (!checked.ok) {
        throw fail(checked.code, `Import refusé, rien n'a été importé. ${checked.message}`, checked.path);
      }
      return checked.value;
    });
  }
  return { schemaVersion: v, stores: out as ExportStores };
}

/** All or nothing: validation first, then one transaction over every store. */
export function importAll(ctx: StorageContext, input: { text: string; mode: ImportMode }): Promise<StorageResult<ImportSummary>> {
  return toResult(async () => {
    const mode = input?.mode;
    if (mode !== 'merge' && mode !== 'replace') throw fail('invalid', "Mode d'import inconnu (fusionner ou remplacer).", 'mode');
    const { schemaVersion, stores } = parseExportFile(input.text);
    const db = await ctx.conn.get();
    const counts = {} as Record<DataStoreName, number>;
    await withWriteTx(db, [...DATA_STORES] as StoreNames<AmeliproDB>[], async (tx) => {
      if (mode === 'replace') for (const name of DATA_STORES) await tx.objectStore(name).clear();
      const existingErrors =
        mode === 'merge' ? new Set((await tx.objectStore('errors').getAll()).map((e) => `${e.featureId}|${e.at}|${e.message}`)) : new Set<string>();
      for (const name of DATA_STORES) {
        counts[name] = 0;
        const store = tx.objectStore(name);
        for (const rec of stores[name] as unknown[]) {
          if (name === 'errors') {
            const e = rec as { featureId: string; at: string; message: string };
            if (existingErrors.has(`${e.featureId}|${e.at}|${e.message}`)) continue;
          }
          await guardedPut(store, name, rec);
          counts[name]++;
        }
      }
    });
    return { mode, schemaVersion, counts };
  });
}

/** Empties every store (data and quarantine) in one transaction. The database itself stays, so other contexts are not disturbed. */
export function eraseAll(ctx: StorageContext): Promise<StorageResult<null>> {
  return toResult(async () => {
    const db = await ctx.conn.get();
    await withWriteTx(db, [...ALL_STORES] as StoreNames<AmeliproDB>[], (tx) => Promise.all(ALL_STORES.map((s) => tx.objectStore(s).clear())));
    return null;
  });
}
