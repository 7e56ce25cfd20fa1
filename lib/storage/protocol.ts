/**
 * Message protocol between the storage clients (content script, popup, side panel, options page) and the
 * single owner (background). A request is `{ type: 'storage', op, payload }`; the answer is a StorageResult.
 * Payloads are checked here for their shape; records inside are validated (and privacy-checked) by the owner's
 * choke point, so one rule decides everywhere.
 */
import { z } from 'zod';
import { STORAGE_ERROR_CODES, type StorageResult } from './result';
import type { OpName } from './service';
import {
  ITEM_STATES,
  checklistRunSchema,
  dailyCountSchema,
  errorEntrySchema,
  settingsSchema,
  snapshotSchema,
  snoozeSchema,
  vitaleStatusSchema,
  deadlineSchema,
} from './schema';

import { RUN_ID_PATTERN } from './run-id';
import { MAX_SNAPSHOTS_WITH_STATE, SNOOZE_DAYS, STORAGE_MESSAGE_TYPE } from './message';
import { INDICATOR_IDS } from '../indicators/definitions';

export { STORAGE_MESSAGE_TYPE, isStorageMessage, type StorageRequest } from './message';

const short = z.string().max(100);
const empty = z.object({}).optional();
const obj = z.record(z.string(), z.unknown());

/** Payload shape per op. */
export const PAYLOAD_SCHEMAS = {
  'settings.get': empty,
  'settings.save': z.object({ patch: obj }),
  'snapshot.put': z.object({ snapshots: z.array(z.unknown()).max(20_000) }),
  'snapshot.history': z.object({ indicatorId: short, from: short.optional(), to: short.optional() }),
  'snapshot.latest': empty,
  'snooze.set': z.object({ ruleId: short, until: short }),
  'snooze.days': z.object({ ruleId: short, days: z.union(SNOOZE_DAYS.map((d) => z.literal(d))) }),
  'snooze.clear': z.object({ ruleId: short }),
  'snooze.list': z.object({ at: short.optional() }).optional(),
  'count.finding': z.object({ ruleId: short, date: short, by: z.number().int().min(1).max(1000).optional() }),
  'count.findings': z.object({ ruleIds: z.array(short).max(200), date: short }),
  'content.start': z.object({ at: short.optional() }).optional(),
  'count.list': z.object({ date: short.optional(), ruleId: short.optional() }).optional(),
  'error.record': z.object({ featureId: short, name: short.optional(), message: z.string().max(10_000) }),
  'error.list': empty,
  'checklist.start': z.object({
    checklistId: short,
    itemIds: z.array(short).max(500),
    id: z.string().regex(RUN_ID_PATTERN).optional(),
    itemStates: z.record(short, z.enum(ITEM_STATES)).optional(),
  }),
  'checklist.update': z.object({ id: short, itemStates: obj.optional(), status: short.optional() }),
  'checklist.list': z.object({ checklistId: short.optional(), limit: z.number().int().min(1).max(10_000).optional() }).optional(),
  'vitale.get': empty,
  'vitale.set': obj,
  'deadline.list': empty,
  'deadline.put': obj,
  'data.export': empty,
  'data.import': z.object({ text: z.string(), mode: z.enum(['merge', 'replace']) }),
  'data.erase': empty,
  'quarantine.list': empty,
  'quarantine.clear': empty,
} satisfies Record<OpName, z.ZodType>;

export const OP_NAMES = Object.keys(PAYLOAD_SCHEMAS) as OpName[];

/** At most this many indicator snapshots in one call from a page (the catalogue has a handful of indicators). */
export const MAX_PAGE_SNAPSHOTS = MAX_SNAPSHOTS_WITH_STATE;

/**
 * The dates a page's snapshot may carry: from 1 January two years back (a past year's results stay on the page
 * for a while) to 31 days ahead (a reference date set a little ahead), relative to the background's clock.
 */
export function pageSnapshotAsOfRange(now: Date): { from: string; to: string } {
  const year = now.getUTCFullYear();
  const ahead = new Date(now.getTime() + 31 * 86_400_000).toISOString().slice(0, 10);
  return { from: `${year - 2}-01-01`, to: ahead };
}

/** A snapshot as a page may send it: a catalogue indicator, a date in range (checked when the request arrives). */
function pageSnapshotSchema() {
  return z.looseObject({ indicatorId: z.string(), asOf: z.string() }).superRefine((s, ctx) => {
    if (!INDICATOR_IDS.has(s.indicatorId)) {
      ctx.addIssue({ code: 'custom', path: ['indicatorId'], message: 'indicateur inconnu du catalogue (non enregistré)' });
    }
    const { from, to } = pageSnapshotAsOfRange(new Date());
    if (!(s.asOf >= from && s.asOf <= to)) {
      ctx.addIssue({ code: 'custom', path: ['asOf'], message: `date hors de la période admise (${from} … ${to})` });
    }
  });
}

/**
 * What a content script (running inside the portal page, which it does not control) may ask, and the payload it
 * may send: exactly the operations it uses, each as narrow as its use. Everything else (settings, export, import,
 * erase, the quarantine, any snooze length, counts, reading history) is for extension pages only.
 * - `content.start`: the settings and snoozes it starts with (read only);
 * - `snapshot.put`: indicator values read on «Ma Convention», for the catalogue's indicators only (an unknown
 *   tile's label is page text, never an id), at most {@link MAX_PAGE_SNAPSHOTS} per call, `asOf` within
 *   {@link pageSnapshotAsOfRange} (so a page cannot fill the store: at most the catalogue's indicators × that range);
 * - `snooze.days`: one of the lengths the overlay offers (1, 7 or 30 days), counted by the background;
 * - `snooze.clear`: the overlay's « Annuler » just after a snooze (lifting one only shows more, never less);
 * - `error.record`: a feature id and an error class, never a message;
 * - `vitale.set`: the carte Vitale status (enums and a version number; validated by its store).
 */
export const CONTENT_SCRIPT_PAYLOADS = {
  'content.start': PAYLOAD_SCHEMAS['content.start'],
  'snapshot.put': z.object({ snapshots: z.array(pageSnapshotSchema()).max(MAX_PAGE_SNAPSHOTS) }),
  'snooze.days': PAYLOAD_SCHEMAS['snooze.days'],
  'snooze.clear': PAYLOAD_SCHEMAS['snooze.clear'],
  'error.record': z.object({ featureId: short, name: short.optional(), message: z.literal('') }),
  'vitale.set': PAYLOAD_SCHEMAS['vitale.set'],
} satisfies Partial<Record<OpName, z.ZodType>>;

export const CONTENT_SCRIPT_OPS: ReadonlySet<OpName> = new Set(Object.keys(CONTENT_SCRIPT_PAYLOADS) as OpName[]);

/** The payload schema for a request from `origin`: a content script's is the narrow one above. */
export function payloadSchemaFor(op: OpName, fromContentScript: boolean): z.ZodType | undefined {
  if (!fromContentScript) return PAYLOAD_SCHEMAS[op];
  return (CONTENT_SCRIPT_PAYLOADS as Partial<Record<OpName, z.ZodType>>)[op];
}

export const storageRequestSchema = z.object({
  type: z.literal(STORAGE_MESSAGE_TYPE),
  op: z.enum(OP_NAMES as [OpName, ...OpName[]]),
  payload: z.unknown(),
});

export const storageResponseSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown(), quarantined: z.number().int().min(0).optional() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(STORAGE_ERROR_CODES), message: z.string(), path: z.string().optional() }),
  }),
]);

/** What the client checks an answer's value against (the owner already validated it; this guards the transport). */
export const OUTPUT_SCHEMAS = {
  'settings.get': settingsSchema,
  'settings.save': settingsSchema,
  'snapshot.put': z.object({ saved: z.number().int().min(0) }),
  'snapshot.history': z.array(snapshotSchema),
  'snapshot.latest': z.array(snapshotSchema),
  'snooze.set': snoozeSchema,
  'snooze.days': snoozeSchema,
  'snooze.clear': z.null(),
  'snooze.list': z.array(snoozeSchema),
  'count.finding': dailyCountSchema,
  'count.findings': z.array(dailyCountSchema),
  'content.start': z.object({ settings: settingsSchema, snoozes: z.array(snoozeSchema), today: z.string() }),
  'count.list': z.array(dailyCountSchema),
  'error.record': errorEntrySchema,
  'error.list': z.array(errorEntrySchema),
  'checklist.start': checklistRunSchema,
  'checklist.update': checklistRunSchema,
  'checklist.list': z.array(checklistRunSchema),
  'vitale.get': vitaleStatusSchema.nullable(),
  'vitale.set': vitaleStatusSchema,
  'deadline.list': z.array(deadlineSchema),
  'deadline.put': deadlineSchema,
  'data.export': z.object({ format: z.string(), schemaVersion: z.number(), exportedAt: z.string(), stores: obj }),
  'data.import': z.object({ mode: z.enum(['merge', 'replace']), schemaVersion: z.number(), counts: z.record(z.string(), z.number()) }),
  'data.erase': z.null(),
  'quarantine.list': z.array(obj),
  'quarantine.clear': z.null(),
} satisfies Record<OpName, z.ZodType>;

export type StorageResponse = StorageResult<unknown>;
