/**
 * Current schema of the extension's IndexedDB database: store names, record shapes (zod), idb typing.
 * Only ids, enums, dates and numbers are storable; free text exists only in `errors.message` (sanitised)
 * and `quarantine.raw` (masked, trimmed).
 */
import { z } from 'zod';
import type { DBSchema, IDBPDatabase } from 'idb';
import { PAGE_TYPES, PROFESSIONS } from '../pages/types';

export const DB_NAME = 'compagnon-amelipro';

/** Lower-case identifier (feature, rule, indicator, checklist and item ids). */
export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9._:-]{0,63}$/, 'identifiant attendu (minuscules, chiffres, . _ : -, 64 caractères au plus)');
export const dateSchema = z.iso.date('date attendue (AAAA-MM-JJ)');
export const dateTimeSchema = z.iso.datetime({ offset: true, message: 'date et heure ISO attendues' });
export const departementSchema = z
  .string()
  .regex(/^(0[1-9]|1\d|2[1-9]|2A|2B|[3-8]\d|9[0-5]|97[1-6])$/, 'numéro de département attendu (01 … 95, 2A, 2B, 971 … 976)');
const versionSchema = z.string().regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}$/, 'numéro de version attendu (x.y.z)');
const indicatorNumber = z.number().finite().min(-1e9).max(1e9);

export const settingsSchema = z.strictObject({
  id: z.literal('settings'),
  profession: z.enum(PROFESSIONS).nullable(),
  specialty: idSchema.nullable(),
  departement: departementSchema.nullable(),
  referenceDate: dateSchema.nullable(),
  disabledFeatures: z.array(idSchema).max(200),
  lang: z.enum(['fr', 'en']),
  lastSeenVersion: versionSchema.nullable(),
  /** The overlay opens by itself for a blocking finding (absent: yes). Optional: earlier records stay valid. */
  overlayAutoOpen: z.boolean().optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const snapshotSchema = z.strictObject({
  indicatorId: idSchema,
  value: indicatorNumber,
  target: indicatorNumber.nullable(),
  asOf: dateSchema,
  capturedAt: dateTimeSchema,
  pageType: z.enum(PAGE_TYPES),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const ITEM_STATES = ['todo', 'done', 'skipped', 'not-applicable'] as const;
export const RUN_STATUSES = ['in-progress', 'completed', 'abandoned'] as const;
export const checklistRunSchema = z
  .strictObject({
    id: idSchema,
    checklistId: idSchema,
    itemStates: z.record(idSchema, z.enum(ITEM_STATES)),
    startedAt: dateTimeSchema,
    completedAt: dateTimeSchema.nullable(),
    abandonedAt: dateTimeSchema.nullable(),
    status: z.enum(RUN_STATUSES),
  })
  .refine((r) => (r.status === 'completed') === (r.completedAt !== null), {
    message: 'completedAt est renseigné si et seulement si status = completed',
    path: ['completedAt'],
  })
  .refine((r) => (r.status === 'abandoned') === (r.abandonedAt !== null), {
    message: 'abandonedAt est renseigné si et seulement si status = abandoned',
    path: ['abandonedAt'],
  });
export type ChecklistRun = z.infer<typeof checklistRunSchema>;

export const snoozeSchema = z.strictObject({ ruleId: idSchema, until: dateTimeSchema });
export type Snooze = z.infer<typeof snoozeSchema>;

export const dailyCountSchema = z.strictObject({ date: dateSchema, ruleId: idSchema, count: z.number().int().min(0).max(1e6) });
export type DailyCount = z.infer<typeof dailyCountSchema>;

export const vitaleStatusSchema = z.strictObject({
  id: z.literal('vitale'),
  extension: z.enum(['present', 'absent', 'unknown']),
  extensionVersion: z
    .string()
    .regex(/^\d{1,4}(\.\d{1,6}){0,3}$/, 'numéro de version attendu')
    .nullable(),
  // 'outdated' added in 0.2.x: widening an enum needs no migration (every stored value stays valid)
  atsam: z.enum(['ok', 'outdated', 'absent', 'error', 'unknown']),
  checkedAt: dateTimeSchema,
});
export type VitaleStatus = z.infer<typeof vitaleStatusSchema>;

/** Pages that announce a declaration window: one deadline kept per page (the GP's and the pharmacist's). */
export const DEADLINE_PAGES = ['convention-medecin', 'convention-pharmacien'] as const;
/** A declaration deadline read on «Ma Convention»: dates only (no count, no page text). */
export const deadlineSchema = z.strictObject({
  page: z.enum(DEADLINE_PAGES),
  /** Last day to declare (inclusive). */
  closesOn: dateSchema,
  /** Day the page last showed it. */
  seenOn: dateSchema,
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const ERROR_MESSAGE_MAX = 200;
export const errorEntrySchema = z.strictObject({
  id: z.number().int().positive().optional(),
  featureId: idSchema,
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, "nom d'erreur attendu (ex. TypeError)"),
  message: z.string().max(ERROR_MESSAGE_MAX),
  at: dateTimeSchema,
});
export type ErrorEntry = z.infer<typeof errorEntrySchema>;
/** Oldest entries are dropped beyond this many (a log, not an archive). */
export const ERRORS_KEPT = 200;

export const QUARANTINE_RAW_MAX = 2000;
export const quarantineEntrySchema = z.strictObject({
  id: z.number().int().positive().optional(),
  store: z.string().max(40),
  key: z.string().max(200),
  raw: z.string().max(QUARANTINE_RAW_MAX),
  reason: z.string().max(500),
  at: dateTimeSchema,
});
export type QuarantineEntry = z.infer<typeof quarantineEntrySchema>;

/** Stores holding the practitioner's data (exported, imported, erased). */
export const DATA_STORES = ['settings', 'snapshots', 'checklistRuns', 'snoozes', 'dailyCounts', 'vitaleStatus', 'deadlines', 'errors'] as const;
export type DataStoreName = (typeof DATA_STORES)[number];
export const ALL_STORES = [...DATA_STORES, 'quarantine'] as const;
export type StoreName = (typeof ALL_STORES)[number];

export const RECORD_SCHEMAS = {
  settings: settingsSchema,
  snapshots: snapshotSchema,
  checklistRuns: checklistRunSchema,
  snoozes: snoozeSchema,
  dailyCounts: dailyCountSchema,
  vitaleStatus: vitaleStatusSchema,
  deadlines: deadlineSchema,
  errors: errorEntrySchema,
  quarantine: quarantineEntrySchema,
} as const;

export interface AmeliproDB extends DBSchema {
  settings: { key: 'settings'; value: Settings };
  snapshots: { key: [string, string]; value: Snapshot; indexes: { byAsOf: string; byIndicator: string } };
  checklistRuns: { key: string; value: ChecklistRun; indexes: { byChecklist: string; byStartedAt: string } };
  snoozes: { key: string; value: Snooze };
  dailyCounts: { key: [string, string]; value: DailyCount; indexes: { byRule: string } };
  vitaleStatus: { key: 'vitale'; value: VitaleStatus };
  deadlines: { key: Deadline['page']; value: Deadline };
  errors: { key: number; value: ErrorEntry; indexes: { byAt: string } };
  quarantine: { key: number; value: QuarantineEntry };
}

/** The opened database, typed by the current schema. */
export type Db = IDBPDatabase<AmeliproDB>;
