/**
 * The single choke point for writes (`checkRecord` + `guardedPut`) and the validated read path
 * (`readValidated`), which moves invalid records to the quarantine instead of throwing.
 * No other module of lib/storage calls `put`/`add` on a store (a test enforces it), except the migrations.
 */
import type { z } from 'zod';
import type { IDBPObjectStore, StoreNames, StoreValue } from 'idb';
import { findPatientData, maskFreeText, containsNirLike } from './privacy';
import { RECORD_SCHEMAS, QUARANTINE_RAW_MAX, type AmeliproDB, type Db, type QuarantineEntry, type StoreName } from './schema';
import { StorageFailure } from './result';

export function formatPath(path: readonly PropertyKey[], base = ''): string {
  let out = base;
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

export function describeIssues(error: z.ZodError, base = ''): { path: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { path: base, message: 'valeur invalide' };
  const path = formatPath(issue.path, base) || base || '(racine)';
  return { path, message: `${path} : ${issue.message}` };
}

export type CheckResult<S extends StoreName> =
  | { ok: true; value: StoreValue<AmeliproDB, S> }
  | { ok: false; code: 'privacy' | 'invalid'; path: string; message: string };

/**
 * Privacy first (so a refused value is never echoed in an error), then the store's zod schema.
 * `base` prefixes paths in messages (e.g. `stores.snapshots[3]`).
 */
export function checkRecord<S extends StoreName>(store: S, value: unknown, base = store as string): CheckResult<S> {
  const violation = findPatientData(value, base);
  if (violation) {
    return {
      ok: false,
      code: 'privacy',
      path: violation.path,
      message: `Refusé pour protéger les patients : ${violation.path} ${violation.reason}. Aucune donnée patient n'est enregistrée par l'extension.`,
    };
  }
  const parsed = (RECORD_SCHEMAS[store] as z.ZodType).safeParse(value);
  if (!parsed.success) {
    const { path, message } = describeIssues(parsed.error, base);
    return { ok: false, code: 'invalid', path, message: `Donnée invalide : ${message}` };
  }
  return { ok: true, value: parsed.data as StoreValue<AmeliproDB, S> };
}

/** Validates, then writes. Throws a StorageFailure (which aborts the surrounding transaction) when refused. */
export async function guardedPut<S extends StoreName>(
  store: IDBPObjectStore<AmeliproDB, ArrayLike<StoreNames<AmeliproDB>>, S, 'readwrite'>,
  name: S,
  value: unknown,
): Promise<StoreValue<AmeliproDB, S>> {
  const checked = checkRecord(name, value);
  if (!checked.ok) {
    try {
      store.transaction.done.catch(() => {});
      store.transaction.abort(); // nothing of this transaction is kept
    } catch {
      /* already finished */
    }
    throw new StorageFailure(checked.code, checked.message, checked.path);
  }
  await store.put(checked.value);
  return checked.value;
}

/** A raw copy that is safe to keep: masked like any free text, trimmed; refused entirely if anything still looks like a NIR. */
export function quarantineRaw(value: unknown): string {
  let raw: string;
  try {
    raw = JSON.stringify(value) ?? String(value);
  } catch {
    raw = String(value);
  }
  raw = maskFreeText(raw);
  if (containsNirLike(raw)) return '[contenu masqué]';
  return raw.length > QUARANTINE_RAW_MAX ? `${raw.slice(0, QUARANTINE_RAW_MAX - 1)}…` : raw;
}

/**
 * The one way a quarantine entry is made (reads and migrations alike): key and reason masked as free text, the raw copy made
 * by {@link quarantineRaw} (or dropped when the record carried patient data), and the privacy scan last, which wins.
 */
export function quarantineEntry(store: string, key: unknown, value: unknown, reason: string, at: string, privacy = false): QuarantineEntry {
  const entry: QuarantineEntry = {
    store,
    key: maskFreeText(JSON.stringify(key ?? null) ?? 'null').slice(0, 200),
    raw: privacy ? '[contenu masqué : donnée patient détectée]' : quarantineRaw(value),
    reason: maskFreeText(reason).slice(0, 500),
    at,
  };
  // Quarantine entries skip checkRecord on purpose (their `raw` is invalid data by definition), not this scan.
  if (findPatientData(entry) !== null) {
    entry.key = '[masqué]';
    entry.raw = '[contenu masqué]';
  }
  return entry;
}

export interface ReadContext {
  conn: { get(): Promise<Db> };
  now(): Date;
  onQuarantine?(entries: QuarantineEntry[]): void;
}

/**
 * Validates records read from a store. Invalid ones are moved (delete + quarantine entry, one transaction) and
 * counted; valid ones are returned. Records carrying patient data (written by some older, buggier version)
 * are quarantined without their content.
 */
export async function readValidated<S extends StoreName>(
  ctx: ReadContext,
  store: S,
  rows: { key: IDBValidKey; value: unknown }[],
): Promise<{ valid: StoreValue<AmeliproDB, S>[]; quarantined: number }> {
  const valid: StoreValue<AmeliproDB, S>[] = [];
  const bad: { key: IDBValidKey; value: unknown; reason: string; privacy: boolean }[] = [];
  for (const row of rows) {
    const checked = checkRecord(store, row.value, '');
    if (checked.ok) valid.push(checked.value);
    else bad.push({ key: row.key, value: row.value, reason: checked.message, privacy: checked.code === 'privacy' });
  }
  if (bad.length > 0) await moveToQuarantine(ctx, store, bad);
  return { valid, quarantined: bad.length };
}

export async function moveToQuarantine(
  ctx: ReadContext,
  store: StoreName,
  bad: { key: IDBValidKey; value: unknown; reason: string; privacy?: boolean }[],
): Promise<void> {
  const db = await ctx.conn.get();
  const at = ctx.now().toISOString();
  const tx = db.transaction([store, 'quarantine'], 'readwrite');
  tx.done.catch(() => {}); // observed below; avoids a second unhandled report
  const entries: QuarantineEntry[] = [];
  const pending: Promise<unknown>[] = [];
  for (const b of bad) {
    const entry = quarantineEntry(store, b.key, b.value, b.reason, at, b.privacy);
    pending.push(tx.objectStore(store).delete(b.key as never), tx.objectStore('quarantine').add(entry));
    entries.push(entry);
  }
  await Promise.all([...pending, tx.done]);
  ctx.onQuarantine?.(entries);
}
