/**
 * The rules the content script's module ships (wxt.config.ts builds its catalogue with these only): the rules its
 * features show on pages, i.e. their `ruleIds`. The content script evaluates no other: every evaluation it makes is
 * limited to a feature's own rules, and a rule with a check always has a feature (tests/unit/meta/rule-owners.test.ts).
 * The others (the popup's checklist items, the side panel's advice) ship with those pages, whose catalogue is whole.
 */
import { FEATURES } from '../../lib/features/registry';

export function contentRuleIds(): ReadonlySet<string> {
  return new Set(FEATURES.flatMap((f) => f.ruleIds));
}
