/**
 * Every registered feature on every test page, untouched and mangled (elements removed, shuffled, moved, stripped
 * of attributes or text): no feature fails, the state stays well-formed, and the page is left as it was apart
 * from the extension's own notes.
 */
import { FeatureManager, type ManagerState } from '../../../lib/features/manager';
import { FEATURES } from '../../../lib/features/registry';
import { detectPage } from '../../../lib/pages/detect';
import { PAGE_TYPES, type PageType } from '../../../lib/pages/types';
import { forSeedsAsync } from './rng';
import { mutate, PAGES, snapshotHtml } from './snapshots';

const html = new Map(PAGES.map((p) => [p.id, snapshotHtml(p.id)]));

function load(id: string): void {
  const parsed = new DOMParser().parseFromString(html.get(id)!, 'text/html');
  document.body.replaceWith(document.importNode(parsed.body, true));
}

const OWN = 'compagnon-amelipro-note, compagnon-vitale-note';
const pageShape = () => {
  const clone = document.body.cloneNode(true) as HTMLElement;
  for (const n of clone.querySelectorAll(OWN)) n.remove();
  return clone.innerHTML;
};

describe('all features on mangled test pages', () => {
  it('no feature fails, the state is well-formed, the page is untouched (60 cases)', { timeout: 180_000 }, async () => {
    await forSeedsAsync(60, async (r, seed) => {
      const page = r.pick(PAGES);
      load(page.id);
      if (r.bool(0.8)) mutate(document, r, r.int(1, 50));
      const type: PageType = r.bool(0.7) ? (page.pageType as PageType) : detectPage(page.url, document);
      const before = pageShape();
      let last: ManagerState | null = null;
      const m = new FeatureManager({ features: FEATURES, onChange: (s) => (last = s) });
      m.start({
        page: type,
        url: new URL(page.url),
        doc: document,
        date: '2026-11-28',
        profile: { profession: r.pick(['medecin-generaliste', 'medecin-specialiste', 'pharmacien'] as const) },
        lang: r.pick(['fr', 'en'] as const),
        services: r.pick([
          { saveSnapshots: () => Promise.reject(new Error('stockage indisponible')), setVitaleStatus: () => Promise.reject(new Error('x')) },
          {
            saveSnapshots: () => {
              throw new Error('stockage indisponible');
            },
            setVitaleStatus: () => {
              throw new Error('x');
            },
          },
          {},
        ]),
      });
      if (r.bool(0.3)) await new Promise((res) => setTimeout(res, 350));
      const s = m.state();
      m.stop();
      const where = `seed ${seed} (${page.id} as ${type})`;
      expect(s.failed, where).toEqual([]);
      expect(PAGE_TYPES, where).toContain(s.page);
      for (const f of s.findings) expect(['blocking', 'warning', 'info'], where).toContain(f.severity);
      expect(last, where).not.toBeNull();
      expect(pageShape(), `${where}: the page's own DOM changed`).toBe(before);
      // stopping removes the extension's notes
      expect(document.querySelectorAll(OWN).length, where).toBe(0);
    });
  });
});

describe('storage sinks failing', () => {
  for (const [name, saveSnapshots] of [
    [
      'throws',
      () => {
        throw new Error('stockage indisponible');
      },
    ],
    ['rejects', () => Promise.reject(new Error('stockage indisponible'))],
    ['never answers', () => new Promise(() => {})],
  ] as const) {
    it(`Ma Convention with a snapshot sink that ${name}: the declaration is still checked`, async () => {
      load('convention-medecin');
      const m = new FeatureManager({ features: FEATURES, onChange: () => {} });
      m.start({
        page: 'convention-medecin',
        url: new URL('https://convention2.ameli.fr/ma-convention/'),
        doc: document,
        date: '2026-11-28',
        profile: { profession: 'medecin-generaliste' },
        lang: 'fr',
        services: { saveSnapshots },
      });
      await new Promise((res) => setTimeout(res, 50));
      const s = m.state();
      m.stop();
      expect(s.failed).toEqual([]);
      expect(s.findings.map((f) => f.ruleId)).toContain('indicators.declaration-open');
    });
  }
});
