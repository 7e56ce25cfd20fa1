/**
 * The shape of one rule of the catalogue, validated with zod when the catalogue loads
 * (at build time, because the extension bundles import it, and in tests).
 */
import { z } from 'zod';
import { PAGE_TYPES, PROFESSIONS } from '../pages/types';
import { isIsoDate } from './dates';
import { SEVERITIES } from './severity';

/** Where a rule can show: any page type, the prescription checker, the pre-submission checklist. */
export const RULE_CONTEXTS = [...PAGE_TYPES, 'checklist'] as const;
export type RuleContext = (typeof RULE_CONTEXTS)[number];

export { SEVERITIES, type Severity } from './severity';

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** The seed documents the catalogue cites (read-only, shared/seeds). */
export const SEED_FILES = [
  '000_cc907b3246fc7308.txt',
  '001_f7a46319a81d38ac.txt',
  '002_d3b356307d2a16f2.txt',
  '003_15b775947fd4c522.txt',
  '004_73d082affebbf081.txt',
] as const;

/** "En savoir plus" links must point to an official public site. */
export const OFFICIAL_HOSTS = ['ameli.fr', 'ansm.sante.fr', 'legifrance.gouv.fr', 'service-public.fr', 'sante.gouv.fr'];

const isoDate = z.string().refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' });
const text = z.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();

const officialLink = z.url({ protocol: /^https$/ }).refine(
  (u) => {
    const host = new URL(u).hostname;
    return OFFICIAL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
  },
  { message: `must be an https page on ${OFFICIAL_HOSTS.join(', ')}` },
);

const paramValue = z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]);

export const SourceSchema = z
  .object({
    /** Section of docs/rules.md the rule comes from, e.g. "R2.2". */
    catalogue: z.string().regex(/^R\d+(\.\d+)?$/, 'must look like R2 or R2.2'),
    /** Seed documents and the part of each that states the rule. */
    seeds: z.array(z.object({ file: z.enum(SEED_FILES), section: z.string().trim().min(1) }).strict()).optional(),
    /** Official text(s): decree, ANSM decision, convention, with their dates. */
    official: z.string().trim().min(1).optional(),
  })
  .strict()
  .refine((s) => (s.seeds?.length ?? 0) > 0 || s.official !== undefined, {
    message: 'needs at least one seed document or an official text reference',
  });

export const RuleSchema = z
  .object({
    /** Stable dotted id, e.g. "aat.secured-cerfa". Never rename: settings and dismissals use it. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/, 'must be dotted lower-case words'),
    /** Short title, in French and English. */
    title: text,
    /** What to do, in one or two sentences, in French and English. */
    message: text,
    severity: z.enum(SEVERITIES),
    professions: z.array(z.enum(PROFESSIONS)).min(1),
    /** First day the rule applies (inclusive). */
    from: isoDate,
    /** Last day the rule applies (inclusive); absent while it still applies. */
    until: isoDate.optional(),
    /** Tolerance period inside the rule's life: shown, but never blocking. */
    transition: z.object({ from: isoDate, until: isoDate, message: text }).strict().optional(),
    contexts: z.array(z.enum(RULE_CONTEXTS)).min(1),
    source: SourceSchema,
    link: officialLink,
    /** Day someone last checked the rule against its sources. */
    reviewed: isoDate,
    /** From rules.md. Low: shown as "à vérifier", never blocking. */
    confidence: z.enum(CONFIDENCES),
    /** Question shown in the pre-submission checklist. */
    checklist: text.optional(),
    /**
     * Which list asks it: the page's "Avant de transmettre" (default), or the end-of-day list, for what the practice
     * software bills or sends (lots, fees, serial numbers) rather than what is submitted on the portal's page.
     */
    checklistWhen: z.enum(['before-submitting', 'end-of-day']).optional(),
    /** Name of the check this rule runs when several rules share one (lib/rules/checks.ts); default: the rule's id. */
    check: z
      .string()
      .regex(/^[a-z0-9.-]+$/)
      .optional(),
    /** Numbers (and lists) the checks read, so that they live in data. */
    params: z.record(z.string(), paramValue).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.until !== undefined && r.until < r.from) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: `until (${r.until}) is before from (${r.from})` });
    }
    if (r.transition) {
      const tr = r.transition;
      if (tr.until < tr.from) {
        ctx.addIssue({ code: 'custom', path: ['transition'], message: 'transition ends before it starts' });
      }
      if (tr.from < r.from || (r.until !== undefined && tr.until > r.until)) {
        ctx.addIssue({ code: 'custom', path: ['transition'], message: 'transition must lie within from..until' });
      }
    }
    if (r.confidence === 'low' && r.severity === 'blocking') {
      ctx.addIssue({ code: 'custom', path: ['severity'], message: 'a low-confidence rule can never be blocking' });
    }
    if (new Set(r.professions).size !== r.professions.length) {
      ctx.addIssue({ code: 'custom', path: ['professions'], message: 'duplicate profession' });
    }
    if (r.contexts.includes('unknown')) {
      ctx.addIssue({ code: 'custom', path: ['contexts'], message: "'unknown' pages run no rule; remove it" });
    }
    if (r.checklistWhen !== undefined && !r.checklist) {
      ctx.addIssue({ code: 'custom', path: ['checklistWhen'], message: 'checklistWhen needs a checklist question' });
    }
    if (r.contexts.includes('checklist') && !r.checklist) {
      ctx.addIssue({ code: 'custom', path: ['checklist'], message: "context 'checklist' needs a checklist question" });
    }
  });

/** A rule as written in lib/rules/catalogue/*.ts (before validation). */
export type RuleInput = z.input<typeof RuleSchema>;
/** A validated rule. */
export type Rule = z.output<typeof RuleSchema>;

/**
 * Validate raw rules. Throws an Error naming the rule id (or its position) and every problem found,
 * including duplicate ids.
 */
export function parseCatalogue(raw: readonly unknown[]): Rule[] {
  const seen = new Map<string, number>();
  const out: Rule[] = [];
  raw.forEach((item, index) => {
    const id = item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : `#${index} (no id)`;
    const parsed = RuleSchema.safeParse(item);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(rule)'}: ${i.message}`).join('; ');
      throw new Error(`Invalid rule "${id}": ${problems}`);
    }
    const previous = seen.get(parsed.data.id);
    if (previous !== undefined) {
      throw new Error(`Duplicate rule id "${parsed.data.id}" (entries #${previous} and #${index})`);
    }
    seen.set(parsed.data.id, index);
    out.push(parsed.data);
  });
  return out;
}
