/**
 * zod schemas of the carte Vitale status, for the extension pages (popup, side panel) that receive it from a
 * content script or read it from storage and never trust it blindly. Kept apart from status.ts so the content
 * script does not carry the validator.
 */
import { z } from 'zod';
import { extensionOutdated, type ComponentStatus, type VitaleStatus } from './status';
import { VERSION_RE } from './version';

const version = z.string().max(30).regex(VERSION_RE);
const isoDateTime = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);

export const componentStatusSchema = z.object({
  id: z.enum(['atsam', 'srvsvcnam', 'cryptolib', 'diagam', 'webextension', 'host']),
  label: z.string().max(60),
  version,
  latest: version.optional(),
  outdated: z.boolean(),
}) satisfies z.ZodType<ComponentStatus>;

export const vitaleStatusSchema = z.object({
  extension: z.enum(['present', 'absent', 'unknown']),
  extensionVersion: version.optional(),
  extensionOutdated: z.boolean(),
  atsam: z.enum(['ok', 'outdated', 'absent', 'error', 'unknown']),
  components: z.array(componentStatusSchema).max(10),
  lastTest: z.object({ outcome: z.enum(['ok', 'timeout', 'malformed', 'unavailable']), at: isoDateTime }).optional(),
  cardError: z.object({ at: isoDateTime }).optional(),
  checkedAt: isoDateTime.optional(),
}) satisfies z.ZodType<VitaleStatus>;

/** The status kept in storage (lib/storage `vitaleStatus`), back to what the UI shows; null when unreadable. */
export function fromStored(r: unknown): VitaleStatus | null {
  const parsed = z
    .object({
      extension: z.enum(['present', 'absent', 'unknown']),
      extensionVersion: version.nullable().optional(),
      atsam: z.enum(['ok', 'outdated', 'absent', 'error', 'unknown']),
      checkedAt: z.string().max(40).optional(),
    })
    .safeParse(r);
  if (!parsed.success) return null;
  const d = parsed.data;
  return {
    extension: d.extension,
    ...(d.extensionVersion ? { extensionVersion: d.extensionVersion } : {}),
    extensionOutdated: extensionOutdated(d.extensionVersion ?? undefined),
    atsam: d.atsam,
    components: [],
    ...(d.checkedAt && isoDateTime.safeParse(d.checkedAt).success ? { checkedAt: d.checkedAt } : {}),
  };
}
