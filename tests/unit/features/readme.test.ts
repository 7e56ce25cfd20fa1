import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFeaturesMarkdown } from '../../../lib/features/docs';
import { FEATURES } from '../../../lib/features/registry';

const ROOT = join(import.meta.dirname, '../../..');
const README = join(ROOT, 'README.md');
const START = '<!-- features:start -->';
const END = '<!-- features:end -->';

describe('features are registered, documented and tested', () => {
  it('the README feature table matches the registry (UPDATE_DOCS=1 rewrites it)', () => {
    const readme = readFileSync(README, 'utf8');
    const a = readme.indexOf(START);
    const b = readme.indexOf(END);
    expect(a, 'README markers').toBeGreaterThan(-1);
    const expected = `${START}\n${renderFeaturesMarkdown()}\n${END}`;
    const actual = readme.slice(a, b + END.length);
    if (process.env.UPDATE_DOCS === '1' && actual !== expected) {
      writeFileSync(README, readme.slice(0, a) + expected + readme.slice(b + END.length));
      return;
    }
    expect(actual, 'README feature table is stale: run with UPDATE_DOCS=1').toBe(expected);
  });

  it('feature ids are unique, storable option keys', () => {
    const ids = FEATURES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,40}$/);
  });

  it('every page a feature runs on has a test page, and every feature appears in an end-to-end spec', () => {
    const pages = JSON.parse(readFileSync(join(ROOT, 'tests/portal/pages.json'), 'utf8')) as { pageType: string }[];
    const covered = new Set(pages.map((p) => p.pageType));
    const specs = ['aat', 'prescription', 'convention', 'pages', 'vitale']
      .map((s) => join(ROOT, 'tests/e2e', `${s}.spec.ts`))
      .filter(existsSync)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const f of FEATURES) {
      for (const p of f.pages) expect(covered.has(p), `${f.id} runs on ${p}`).toBe(true);
      // a feature is exercised when a spec asserts one of its findings or visits one of its pages' URLs
      const mentioned = specs.includes(f.id) || f.ruleIds.some((r) => specs.includes(r)) || f.pages.some((p) => specs.includes(`'${p}'`));
      expect(mentioned, `${f.id} has an end-to-end case`).toBe(true);
    }
  });
});
