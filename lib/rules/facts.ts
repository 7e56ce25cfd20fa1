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
        /** First day of the initial stoppage an extension continues (the form's "Date de l'arrêt initial"). */
        initialStart: isoDate.optional(),
        /** Which notice: sick leave for illness (the AAT) or the AT/MP certificate. */
        scheme: z.enum(['maladie', 'atmp']).optional(),
      })
      .optional(),
    /** Files attached to a «Réclamations Paiements» request (size in bytes). */
    reclaps: z
      .object({
        files: z.array(z.object({ name: z.string(), size: z.number().nonnegative() })).optional(),
      })
      .optional(),
    /** One prescription line, as the prescription checker read it (lib/prescription): no decision, only facts. */
    prescriptionLine: z
      .object({
        /** The products named, each with the profiles it can stand for (several when the line does not settle it). */
        products: z.array(
          z.object({
            name: z.string(),
            profiles: z
              .array(
                z.object({
                  regime: z.enum(['stupefiant', 'assimile', 'secure-form', 'opioid']).optional(),
                  maxDays: z.number().int().nonnegative(),
                  splitDays: z.number().int().nonnegative(),
                  noOverlap: z.boolean(),
                  pharmacistName: z.boolean(),
                  aglp1: z.boolean(),
                  aglp1Form: z.boolean(),
                }),
              )
              .min(1),
          }),
        ),
        /** The mentions written in letters or in digits, the duration in days (renewals included). */
        mentions: z.object({
          dosageInWords: z.boolean(),
          dosageDigits: z.array(z.object({ text: z.string(), words: z.string().optional() })),
          posologyInWords: z.boolean(),
          posologyDigits: z.array(z.object({ text: z.string(), words: z.string().optional() })),
          durationInWords: z.boolean(),
          durationDigits: z.array(z.object({ text: z.string(), words: z.string().optional() })),
          totalDays: z.number().nonnegative().optional(),
          durationText: z.string().optional(),
        }),
        /** What the line says besides ("délivrance en une seule fois", a pharmacy named, "chevauchement"). */
        says: z.object({ singleDispensing: z.boolean(), pharmacyNamed: z.boolean(), overlapAllowed: z.boolean() }),
        /** Who reads the findings: the prescriber writes the line, the pharmacist decides whether to dispense. */
        reader: z.enum(['prescriber', 'pharmacist']),
      })
      .optional(),
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
