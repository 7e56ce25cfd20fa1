/**
 * Recipe "add a page feature" (CONTRIBUTING.md): the part of a feature that reads the page (its extractor) has HTML
 * fixtures and the facts expected from each, axe-core style: tests/fixtures/facts/<feature id>/<case>.json names the
 * HTML (a test page's snapshot, or an .html file beside it) and the expected reading (facts and what is missing); any difference fails.
 * A feature registered without an extractor here must say why in NO_EXTRACTOR.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractAat } from '../../../lib/page-facts/aat';
import { declarationFacts } from '../../../lib/page-facts/convention';
import { medicineFields } from '../../../lib/page-facts/prescription-fields';
import { extractReclaps } from '../../../lib/page-facts/reclaps';
import { FEATURES } from '../../../lib/features/registry';
import type { PageType } from '../../../lib/pages/types';

const ROOT = join(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'tests/fixtures/facts');

/** Feature id → what it reads from a page (facts only: no decision). */
const EXTRACTORS: Record<string, (doc: Document, page: PageType) => unknown> = {
  'aat-notice': (doc, page) => extractAat(doc, false, page === 'atmp' ? 'atmp' : 'aat'),
  'reclaps-attachments': (doc) => extractReclaps(doc, new Map()),
  'convention-indicators': (doc) => declarationFacts(doc),
  'prescription-lines': (doc, page) => ({ medicineFields: medicineFields(doc, page === 'prescription').map((f) => f.id || f.name) }),
};

/** Features that read nothing from the page, or read it elsewhere, and why. */
const NO_EXTRACTOR: Record<string, string> = {
  'vitale-setup': "reads the « Lecture Carte Vitale » signals through lib/vitale's monitor, tested in tests/unit/vitale",
  'login-strong-auth': 'a reminder: reads nothing',
  'commandes-secured-cerfa': 'a reminder shown when the page mentions sick leave: reads no fact',
  'transmission-checklist': 'a reminder: reads nothing',
};

interface FactsFixture {
  page: PageType;
  /** a test page's snapshot (tests/portal/snapshots/<id>.html) … */
  snapshot?: string;
  /** … or an HTML file beside the fixture */
  html?: string;
  /** what the extractor returns: the facts, and what it could not find */
  expected: unknown;
}

function fixtures(featureId: string): { name: string; fx: FactsFixture; dir: string }[] {
  const dir = join(FIXTURES, featureId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((name) => ({ name, dir, fx: JSON.parse(readFileSync(join(dir, name), 'utf8')) as FactsFixture }));
}

function htmlOf(fx: FactsFixture, dir: string): string {
  const file = fx.snapshot ? join(ROOT, 'tests/portal/snapshots', `${fx.snapshot}.html`) : join(dir, fx.html ?? '');
  return readFileSync(file, 'utf8');
}

/** What is missing for the registered features, one line each. */
function coverageProblems(
  featureIds: readonly string[],
  extractors: Record<string, unknown>,
  without: Record<string, string>,
  cases: (id: string) => unknown[],
) {
  const problems: string[] = [];
  for (const id of featureIds) {
    if (id in extractors) {
      if (cases(id).length === 0) problems.push(`${id}: no fixture in tests/fixtures/facts/${id}/`);
    } else if (!without[id]) problems.push(`${id}: no extractor listed here and no reason in NO_EXTRACTOR`);
  }
  for (const id of [...Object.keys(extractors), ...Object.keys(without)]) if (!featureIds.includes(id)) problems.push(`${id}: not a registered feature`);
  return problems;
}

describe('every feature that reads the page has HTML fixtures and expected facts', () => {
  it('each registered feature has an extractor with fixtures, or a reason not to', () => {
    expect(
      coverageProblems(
        FEATURES.map((f) => f.id),
        EXTRACTORS,
        NO_EXTRACTOR,
        fixtures,
      ),
    ).toEqual([]);
  });

  it('the coverage check names a new feature, a feature without fixtures and a stale entry', () => {
    expect(coverageProblems(['aat-notice', 'new-feature'], { 'aat-notice': 1, gone: 1 }, {}, (id) => (id === 'aat-notice' ? [] : [1]))).toEqual([
      'aat-notice: no fixture in tests/fixtures/facts/aat-notice/',
      'new-feature: no extractor listed here and no reason in NO_EXTRACTOR',
      'gone: not a registered feature',
    ]);
  });

  for (const [id, extract] of Object.entries(EXTRACTORS)) {
    for (const { name, fx, dir } of fixtures(id)) {
      it(`${id}: ${name} gives the expected facts`, () => {
        const doc = new DOMParser().parseFromString(htmlOf(fx, dir), 'text/html');
        expect(JSON.parse(JSON.stringify(extract(doc, fx.page)))).toEqual(fx.expected);
      });
    }
  }
});
