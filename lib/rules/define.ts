/**
 * Identity helper for catalogue files (autocompletion and type errors while editing), kept apart from the zod
 * schema so that the shipped catalogue does not pull the validator into the content script. The catalogue is
 * validated by `parseCatalogue` at build time (wxt.config.ts) and in the tests.
 */
import type { RuleInput } from './schema';

export function defineRules<const T extends readonly RuleInput[]>(rules: T): T {
  return rules;
}
