/**
 * Recipe "add a page detector" (CONTRIBUTING.md): every detector of lib/pages/detect.ts names example URLs and test
 * pages of its own type, and recognises each of those pages from its URL and rendered DOM (the snapshot in
 * tests/portal/snapshots/); docs/test-pages.md lists every test page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Detector, DETECTORS, detectPage } from '../../../lib/pages/detect';

const ROOT = join(import.meta.dirname, '../../..');
const PORTAL = join(ROOT, 'tests/portal');

interface TestPage {
  id: string;
  pageType: string;
  url: string;
}

const PAGES = JSON.parse(readFileSync(join(PORTAL, 'pages.json'), 'utf8')) as TestPage[];

function snapshot(id: string): Document | null {
  const file = join(PORTAL, 'snapshots', `${id}.html`);
  return existsSync(file) ? new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html') : null;
}

/** What is wrong with a detector's examples, one line each (none when it follows the recipe). */
function detectorProblems(d: Pick<Detector, 'type' | 'examples' | 'fixtures' | 'domOnlyExamples'>, pages: readonly TestPage[]): string[] {
  const problems: string[] = [];
  if (d.examples.length + (d.domOnlyExamples?.length ?? 0) === 0) problems.push(`${d.type}: no example URL`);
  if (d.fixtures.length === 0) problems.push(`${d.type}: no test page (fixtures)`);
  for (const id of d.fixtures) {
    const page = pages.find((p) => p.id === id);
    if (!page) {
      problems.push(`${d.type}: test page "${id}" is not in tests/portal/pages.json`);
      continue;
    }
    if (page.pageType !== d.type) problems.push(`${d.type}: test page "${id}" is a ${page.pageType} page in pages.json`);
    const doc = snapshot(id);
    if (!doc) problems.push(`${d.type}: test page "${id}" has no snapshot (tests/portal/snapshots/${id}.html)`);
    else if (detectPage(page.url, doc) !== d.type) problems.push(`${d.type}: test page "${id}" is detected as ${detectPage(page.url, doc)}`);
  }
  for (const url of d.domOnlyExamples ?? []) {
    if (!pages.some((p) => p.url === url && d.fixtures.includes(p.id))) problems.push(`${d.type}: ${url} needs the DOM but no test page of it is served there`);
  }
  return problems;
}

describe('every page detector carries examples it recognises', () => {
  it.each(DETECTORS.map((d) => [d.type, d] as const))('%s', (_type, d) => {
    expect(detectorProblems(d, PAGES)).toEqual([]);
  });

  it('the check names a detector without examples, a test page of another type and an unknown test page', () => {
    expect(detectorProblems({ type: 'aat', examples: [], fixtures: [] }, PAGES)).toEqual(['aat: no example URL', 'aat: no test page (fixtures)']);
    expect(detectorProblems({ type: 'aat', examples: ['https://espacepro.ameli.fr/aat/'], fixtures: ['login', 'nowhere'] }, PAGES)).toEqual([
      'aat: test page "login" is a login page in pages.json',
      'aat: test page "login" is detected as login',
      'aat: test page "nowhere" is not in tests/portal/pages.json',
    ]);
    const served: Pick<Detector, 'type' | 'examples' | 'fixtures' | 'domOnlyExamples'> = {
      type: 'reclaps',
      examples: [],
      fixtures: ['reclaps'],
      domOnlyExamples: ['https://espacepro.ameli.fr/ailleurs/'],
    };
    expect(detectorProblems(served, PAGES)).toEqual(['reclaps: https://espacepro.ameli.fr/ailleurs/ needs the DOM but no test page of it is served there']);
  });

  it('docs/test-pages.md lists every test page', () => {
    const doc = readFileSync(join(ROOT, 'docs/test-pages.md'), 'utf8');
    for (const p of PAGES) expect(doc, p.id).toContain(`| \`${p.id}\` | \`${p.pageType}\` |`);
  });
});
