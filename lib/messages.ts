/**
 * Runtime messages between the content script, the extension pages and the background.
 * Validated with zod on receipt: anything else is ignored.
 */
import { z } from 'zod';
import { PAGE_TYPES, PROFESSIONS } from './pages/types';
import { MAX_SNAPSHOTS_WITH_STATE } from './storage/message';
import { cannotCheckShape, sentFindingShape } from './features/types';
import { conventionStakesShape } from './indicators/stakes';
import type { Node, Shape } from './shape';

/** The zod schema of a shape (lib/shape.ts): the one definition the content script's copies also follow. */
function zodOf(n: Node): z.ZodType {
  switch (n.k) {
    case 'string':
      return n.pattern ? z.string().max(n.max).regex(n.pattern) : z.string().max(n.max);
    case 'int':
      return z.number().int().min(n.min).max(n.max);
    case 'number':
      return z.number().finite().min(n.min).max(n.max);
    case 'enum':
      return z.enum(n.values);
    case 'optional':
      return zodOf(n.inner).optional();
    case 'array':
      return z.array(zodOf(n.item)).max(n.max);
    case 'object':
      return z.object(Object.fromEntries(Object.entries(n.fields).map(([key, field]) => [key, zodOf(field)])));
    case 'union':
      return z.union(n.options.map(zodOf));
  }
}
export const schemaOf = <T>(s: Shape<T>): z.ZodType<T> => zodOf(s.node) as z.ZodType<T>;

/** A finding as it travels: what stays in the page (`pageOnly`, a group's `pageOnly`) is dropped on receipt if ever sent. */
export const shownFindingSchema = schemaOf(sentFindingShape);

/** The points and payments «Ma Convention» shows (lib/indicators/stakes.ts): bounded, never stored. */
export const stakesSchema = schemaOf(conventionStakesShape);

/** The profession a portal header names (lib/pages/portal-profession.ts): a hint the user may save. */
export const portalProfessionSchema = z.object({
  profession: z.enum(PROFESSIONS),
  specialty: z
    .string()
    .regex(/^[a-z-]{1,40}$/)
    .nullable(),
});
/** A content script's answer to "portal-profession": what its page's header names, read when asked (null: nothing). */
export const portalProfessionAnswerSchema = z.object({ profession: portalProfessionSchema.nullable() });

export const tabStateSchema = z.object({
  page: z.enum(PAGE_TYPES),
  findings: z.array(shownFindingSchema).max(200),
  cannotCheck: z.array(schemaOf(cannotCheckShape)).max(100),
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
  stakes: stakesSchema.optional(),
  /** When the background received the state (its clock, not the page's: the page sends none). */
  updatedAt: z.string().max(40),
});
export type TabState = z.infer<typeof tabStateSchema>;
/** A tab's state as its content script sends it: the background adds `updatedAt` on receipt. */
export const sentTabStateSchema = tabStateSchema.omit({ updatedAt: true });
export type SentTabState = z.infer<typeof sentTabStateSchema>;

export const messageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('tab-state'),
    state: sentTabStateSchema,
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
  // The profession a portal header names, read only when asked (entrypoints/amelipro.content/header-channel.ts):
  // an extension page asks the background, which asks the given tab and the other amelipro tabs' content scripts.
  z.object({ type: z.literal('portal-profession') }),
  z.object({ type: z.literal('find-portal-profession'), tabId: z.number().int().optional() }),
  // Background → content scripts of the amelipro tabs: the first side panel opened (true) or the last one closed
  // (entrypoints/amelipro.content/side-panel.ts, which also reads `sidePanel` in the answer to a "tab-state").
  z.object({ type: z.literal('side-panel'), open: z.boolean() }),
]);
export type Message = z.infer<typeof messageSchema>;
