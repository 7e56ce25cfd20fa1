/**
 * Recipe "add a rule" (CONTRIBUTING.md), step 3: a rule shown on a page has exactly one feature that shows it there.
 * On each page type, a rule id is in the `ruleIds` of at most one of the features that run on that page (two would
 * show it twice); a rule with a check has, on each page type of its contexts, one such feature (else it is never
 * checked there); every id a feature lists is a rule of the catalogue that can show on one of its pages. Rules
 * without a check that no feature lists are the side panel's advice for their contexts, not page findings.
 */
import type { Feature } from '../../../lib/features/types';
import { FEATURES } from '../../../lib/features/registry';
import { PAGE_TYPES, type PageType } from '../../../lib/pages/types';
import { hasCheck, rules } from '../../../lib/rules';
import type { Rule } from '../../../lib/rules/schema';

type Owner = Pick<Feature, 'id' | 'pages' | 'ruleIds'>;
type Listed = Pick<Rule, 'id' | 'contexts'>;

const isPage = (c: string): c is PageType => (PAGE_TYPES as readonly string[]).includes(c);

/** What breaks the one-owner rule, one line each (none when the features follow the recipe). */
function ownerProblems(features: readonly Owner[], catalogue: readonly Listed[], checked: (id: string) => boolean): string[] {
  const problems: string[] = [];
  const byId = new Map(catalogue.map((r) => [r.id, r]));
  for (const page of PAGE_TYPES) {
    const owners = new Map<string, string[]>();
    for (const f of features.filter((x) => x.pages.includes(page))) {
      for (const id of f.ruleIds) owners.set(id, [...(owners.get(id) ?? []), f.id]);
    }
    for (const [id, fs] of owners) if (fs.length > 1) problems.push(`${id} on ${page}: shown by ${fs.join(' and ')}`);
    for (const r of catalogue) {
      if (checked(r.id) && r.contexts.includes(page) && !owners.has(r.id)) problems.push(`${r.id} on ${page}: checked, but no feature on that page lists it`);
    }
  }
  for (const f of features) {
    for (const id of f.ruleIds) {
      const r = byId.get(id);
      if (!r) problems.push(`${f.id}: unknown rule ${id}`);
      else if (!r.contexts.some((c) => isPage(c) && f.pages.includes(c))) problems.push(`${f.id}: ${id} shows on none of its pages`);
    }
  }
  return problems;
}

describe('every rule shown on a page has exactly one owning feature', () => {
  it('the registered features and the catalogue follow the recipe', () => {
    expect(ownerProblems(FEATURES, rules, hasCheck)).toEqual([]);
  });

  it('every rule with a check is listed by a feature', () => {
    const unlisted = rules.filter((r) => hasCheck(r.id) && !FEATURES.some((f) => f.ruleIds.includes(r.id))).map((r) => r.id);
    expect(unlisted).toEqual([]);
  });

  it('the scan catches each way of breaking it', () => {
    const catalogue: Listed[] = [
      { id: 'a.checked', contexts: ['aat', 'atmp'] },
      { id: 'a.reminder', contexts: ['aat', 'checklist'] },
    ];
    const checked = (id: string) => id === 'a.checked';
    const ok: Owner[] = [{ id: 'f', pages: ['aat', 'atmp'], ruleIds: ['a.checked', 'a.reminder'] }];
    expect(ownerProblems(ok, catalogue, checked)).toEqual([]);
    // a reminder nobody lists is the side panel's advice: no problem
    expect(ownerProblems([{ id: 'f', pages: ['aat', 'atmp'], ruleIds: ['a.checked'] }], catalogue, checked)).toEqual([]);
    expect(ownerProblems([...ok, { id: 'g', pages: ['aat'], ruleIds: ['a.checked'] }], catalogue, checked)).toEqual(['a.checked on aat: shown by f and g']);
    // the same rule by two features on different pages is fine
    expect(
      ownerProblems(
        [
          { id: 'f', pages: ['aat'], ruleIds: ['a.checked'] },
          { id: 'g', pages: ['atmp'], ruleIds: ['a.checked'] },
        ],
        catalogue,
        checked,
      ),
    ).toEqual([]);
    expect(ownerProblems([{ id: 'f', pages: ['aat'], ruleIds: ['a.checked'] }], catalogue, checked)).toEqual([
      'a.checked on atmp: checked, but no feature on that page lists it',
    ]);
    expect(ownerProblems([...ok, { id: 'h', pages: ['reclaps'], ruleIds: ['a.gone', 'a.reminder'] }], catalogue, checked)).toEqual([
      'h: unknown rule a.gone',
      'h: a.reminder shows on none of its pages',
    ]);
  });
});
