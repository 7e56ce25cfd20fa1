/**
 * Facts: what page features read from the DOM, typed and validated. The DOM code only fills facts;
 * the checks decide. A missing fact means "cannot check", never "pass".
 */
import { z } from 'zod';
import { isIsoDate } from './dates';

const isoDate = z.string().refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' });

export const FactsSchema = z
  .object({
    /** Sick-leave notice being written on the aat / atmp pages. */
    aat: z
      .object({
        kind: z.enum(['initial', 'prolongation']).optional(),
        /** First day off work. */
        start: isoDate.optional(),
        /** Last day off work (inclusive). */
        end: isoDate.optional(),
        mode: z.enum(['online', 'paper']).optional(),
        teleconsultation: z.boolean().optional(),
      })
      .optional(),
    /** Files attached to a «Réclamations Paiements» request (size in bytes). */
    reclaps: z
      .object({
        files: z.array(z.object({ name: z.string(), size: z.number().nonnegative() })).optional(),
      })
      .optional(),
    /** Share of the annual activity done in teleconsultation, 0..1. */
    teleconsultation: z.object({ share: z.number().min(0).max(1).optional() }).optional(),
    /** Carte Vitale reading prerequisites on this browser. */
    vitale: z
      .object({
        extension: z.enum(['present', 'outdated', 'absent', 'unknown']).optional(),
        extensionVersion: z.string().optional(),
        atsam: z.enum(['ok', 'outdated', 'unknown']).optional(),
      })
      .optional(),
    /** «Ma Convention» declaration block. */
    indicators: z
      .object({
        /** Close date displayed by the portal ("La saisie sera fermée le …"). */
        declarationClosesOn: isoDate.optional(),
        declared: z.number().int().nonnegative().optional(),
        total: z.number().int().nonnegative().optional(),
      })
      .optional(),
  })
  .strict();

export type Facts = z.infer<typeof FactsSchema>;
