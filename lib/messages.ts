/**
 * Runtime messages between the content script, the extension pages and the background.
 * Validated with zod on receipt: anything else is ignored.
 */
import { z } from 'zod';
import { PAGE_TYPES, PROFESSIONS } from './pages/types';
import { MAX_SNAPSHOTS_WITH_STATE } from './storage/message';
import { MAX_AMOUNT, MAX_PAYMENTS, MAX_POINTS, PAYMENT_KIND_IDS } from './indicators/stakes';

const text = z.object({ fr: z.string().max(2000), en: z.string().max(2000) });
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().min(0).max(100_000);

/** A finding's data (lib/rules/finding-data.ts), as the background and the extension pages accept it. */
export const findingDataSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('declaration'), declared: count, total: count, closesOn: isoDay.optional() }),
  z.strictObject({ kind: z.literal('duration'), days: count, limit: count, lastDay: isoDay.optional() }),
]);

export const shownFindingSchema = z.object({
  ruleId: z.string().max(120),
  featureId: z.string().max(80),
  severity: z.enum(['blocking', 'warning', 'info']),
  title: text,
  message: text,
  detail: text.optional(),
  data: findingDataSchema.optional(),
  link: z.string().max(500).optional(),
  source: text.optional(),
  action: z.object({ kind: z.literal('open-checklist'), label: text }).optional(),
  /** The card a finding shares with the others of its prescription line: key and label only (never the page's words). */
  group: z
    .strictObject({
      key: z.string().regex(/^[a-z0-9-]{1,80}$/),
      label: z.object({ fr: z.string().max(80), en: z.string().max(80) }),
    })
    .optional(),
});

/** The points and payments «Ma Convention» shows (lib/indicators/parse.ts ConventionStakes): bounded, never stored. */
export const stakesSchema = z.strictObject({
  points: z
    .strictObject({ acquired: z.number().finite().min(-MAX_POINTS).max(MAX_POINTS), max: z.number().finite().min(-MAX_POINTS).max(MAX_POINTS).optional() })
    .optional(),
  payments: z
    .array(
      z.strictObject({
        kind: z.enum(PAYMENT_KIND_IDS),
        year: z.number().int().min(2000).max(2099).optional(),
        paidOn: isoDay.optional(),
        amount: z.number().finite().min(-MAX_AMOUNT).max(MAX_AMOUNT),
      }),
    )
    .max(MAX_PAYMENTS)
    .optional(),
  unreadable: z
    .array(z.enum(['points', 'payments']))
    .max(2)
    .optional(),
});

export const tabStateSchema = z.object({
  page: z.enum(PAGE_TYPES),
  findings: z.array(shownFindingSchema).max(200),
  cannotCheck: z.array(z.object({ featureId: z.string().max(80), ruleId: z.string().max(120).optional(), reason: text })).max(100),
  failed: z.array(z.object({ featureId: z.string().max(80), message: z.string().max(300) })).max(50),
  ran: z.array(z.string().max(80)).max(50),
  snoozed: z.number().int().min(0).max(1000).default(0),
  /**
   * Which visit of the page this is: a random number drawn when the content script starts and a counter raised
   * when the patient shown changes (compared in the page, in memory; nothing of the patient leaves it). The
   * popup's page checklist starts fresh when it changes.
   */
  visit: z
    .string()
    .regex(/^[a-z0-9]{1,12}-\d{1,6}$/)
    .optional(),
  /** The profession the portal's header names (lib/pages/portal-profession.ts): a hint the user may save. */
  portalProfession: z
    .object({
      profession: z.enum(PROFESSIONS),
      specialty: z
        .string()
        .regex(/^[a-z-]{1,40}$/)
        .nullable(),
    })
    .optional(),
  stakes: stakesSchema.optional(),
  updatedAt: z.string().max(40),
});
export type TabState = z.infer<typeof tabStateSchema>;

export const messageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('tab-state'),
    state: tabStateSchema,
    /** Rule ids shown for the first time in this page view, to add to the day's counts (aggregates only). */
    count: z.object({ ruleIds: z.array(z.string().max(100)).max(200), date: z.string().max(10) }).optional(),
    /** Indicator snapshots read on the page, to save (the storage owner validates each, as for a "snapshot.put"). */
    snapshots: z.array(z.unknown()).max(MAX_SNAPSHOTS_WITH_STATE).optional(),
  }),
  /** The content script could not start on its page (its module did not load, or its start threw): no payload. */
  z.object({ type: z.literal('content-failed') }),
  z.object({ type: z.literal('get-tab-state'), tabId: z.number().int() }),
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('open-checklist') }),
  // Carte Vitale setup (popup / side panel → content script of an amelipro tab, lib/vitale/channel.ts)
  z.object({ type: z.literal('vitale-status') }),
  z.object({ type: z.literal('vitale-test') }),
]);
export type Message = z.infer<typeof messageSchema>;
