/**
 * Message protocol between the storage clients (content script, popup, side panel, options page) and the
 * single owner (background). A request is `{ type: 'storage', op, payload }`; the answer is a StorageResult.
 * Payloads are checked here for their shape; records inside are validated (and privacy-checked) by the owner's
 * choke point, so one rule decides everywhere.
 */
import { z } from 'zod';
import { STORAGE_ERROR_CODES, type StorageResult } from './result';
import type { OpInput, OpName } from './service';
import {
  checklistRunSchema,
  dailyCountSchema,
  errorEntrySchema,
  settingsSchema,
  snapshotSchema,
  snoozeSchema,
  vitaleStatusSchema,
} from './schema';

import { STORAGE_MESSAGE_TYPE } from './message';

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
  'snooze.clear': z.object({ ruleId: short }),
  'snooze.list': z.object({ at: short.optional() }).optional(),
  'count.finding': z.object({ ruleId: short, date: short, by: z.number().int().min(1).max(1000).optional() }),
  'count.findings': z.object({ ruleIds: z.array(short).max(200), date: short }),
  'content.start': z.object({ at: short.optional() }).optional(),
  'count.list': z.object({ date: short.optional(), ruleId: short.optional() }).optional(),
  'error.record': z.object({ featureId: short, name: short.optional(), message: z.string().max(10_000) }),
  'error.list': empty,
  'checklist.start': z.object({ checklistId: short, itemIds: z.array(short).max(500) }),
  'checklist.update': z.object({ id: short, itemStates: obj.optional(), status: short.optional() }),
  'checklist.list': z.object({ checklistId: short.optional(), limit: z.number().int().min(1).max(10_000).optional() }).optional(),
  'vitale.get': empty,
  'vitale.set': obj,
  'data.export': empty,
  'data.import': z.object({ text: z.string(), mode: z.enum(['merge', 'replace']) }),
  'data.erase': empty,
  'quarantine.list': empty,
  'quarantine.clear': empty,
} satisfies Record<OpName, z.ZodType>;

export const OP_NAMES = Object.keys(PAYLOAD_SCHEMAS) as OpName[];

/** What a content script (running inside the portal page) may ask. Export, import, erase and the quarantine are for extension pages only. */
export const CONTENT_SCRIPT_OPS: ReadonlySet<OpName> = new Set<OpName>([
  'settings.get',
  'settings.save',
  'snapshot.put',
  'snapshot.history',
  'snapshot.latest',
  'snooze.set',
  'snooze.clear',
  'snooze.list',
  'count.finding',
  'count.findings',
  'content.start',
  'count.list',
  'error.record',
  'checklist.start',
  'checklist.update',
  'checklist.list',
  'vitale.get',
  'vitale.set',
]);

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
  'data.export': z.object({ format: z.string(), schemaVersion: z.number(), exportedAt: z.string(), stores: obj }),
  'data.import': z.object({ mode: z.enum(['merge', 'replace']), schemaVersion: z.number(), counts: z.record(z.string(), z.number()) }),
  'data.erase': z.null(),
  'quarantine.list': z.array(obj),
  'quarantine.clear': z.null(),
} satisfies Record<OpName, z.ZodType>;

export type StorageResponse = StorageResult<unknown>;
