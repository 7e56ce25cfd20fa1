import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, featureTitle } from '../../../lib/features/names';
import { FEATURES } from '../../../lib/features/registry';

describe('feature names (what the options page lists)', () => {
  it('are exactly the registered features, in the same order, with the same titles', () => {
    expect(FEATURE_NAMES.map((n) => ({ id: n.id, title: n.title }))).toEqual(FEATURES.map((f) => ({ id: f.id, title: f.title })));
  });
  it('an unknown id fails loudly', () => {
    expect(() => featureTitle('nope' as never)).toThrow(/Unknown feature/);
  });
});
