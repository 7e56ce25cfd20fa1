/**
 * A feature that reads facts from the page and lets the rule engine decide: the common shape of most
 * contextual checks. The extractor only reads the DOM; the catalogue's checks decide what is compliant.
 *
 * - `missing`: page elements the feature needs but could not find. Rules that then cannot be checked are
 *   reported as "impossible de vérifier" with what is missing, never as a pass.
 * - When every element is there but the user has not filled them yet, nothing is said (quiet until there is
 *   something to say).
 */
import type { Text } from '../i18n';
import { evaluate } from '../rules/engine';
import type { Extraction } from '../page-facts/extraction';
import { watch } from '../page-facts/dom';
import { sameOutput, toCannot, toShown } from './present';
import { defineFeature, type Feature, type FeatureContext, type FeatureOutput } from './types';
import type { PageType, Profession } from '../pages/types';

export type { Extraction };

/** `S`: what `setup` keeps for `extract` (what the user did on the page), if anything. */
export interface PageRulesSpec<S = undefined> {
  id: string;
  title: Text;
  pages: readonly PageType[];
  professions?: readonly Profession[];
  /** The rules this feature is responsible for (so two features never report the same rule). */
  ruleIds: readonly string[];
  /** Sets up page listeners (e.g. remember a click on "print the paper form"); returns the state `extract` reads. */
  setup?: (ctx: FeatureContext, signal: AbortSignal) => S;
  /** Reads the page; `state` is what `setup` returned (undefined without a setup). */
  extract: (doc: Document, ctx: FeatureContext, state: S | undefined) => Extraction;
}

export function evaluateExtraction(
  spec: Pick<PageRulesSpec, 'id' | 'ruleIds'>,
  ctx: Pick<FeatureContext, 'page' | 'date' | 'profile'>,
  ex: Extraction,
): FeatureOutput {
  // the feature's own rules only: another feature's rules in force on the same page are its business
  const ev = evaluate({ page: ctx.page, facts: ex.facts }, { date: ctx.date, profile: ctx.profile, only: spec.ruleIds });
  return {
    findings: ev.findings.map((f) => toShown(spec.id, f)),
    cannotCheck: ex.missing.length ? ev.cannotCheck.map((c) => toCannot(spec.id, c, ex.missing)) : [],
  };
}

export function definePageRulesFeature<S = undefined>(spec: PageRulesSpec<S>): Feature {
  return defineFeature({
    id: spec.id,
    title: spec.title,
    pages: spec.pages,
    ruleIds: spec.ruleIds,
    ...(spec.professions ? { professions: spec.professions } : {}),
    run(ctx, signal) {
      const state = spec.setup?.(ctx, signal);
      let last: FeatureOutput | null = null;
      watch(ctx.doc, signal, () => {
        let out: FeatureOutput;
        try {
          out = evaluateExtraction(spec, ctx, spec.extract(ctx.doc, ctx, state));
        } catch (err) {
          last = null; // reported as failed: the next good reading is reported again, even if unchanged
          throw err;
        }
        if (last && sameOutput(last, out)) return;
        last = out;
        ctx.report(out);
      });
    },
  });
}
