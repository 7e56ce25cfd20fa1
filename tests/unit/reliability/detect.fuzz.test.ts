/**
 * Page detection under hostile URLs and mangled documents: never throws, always a known page type, and never the
 * page type of another host (a DOM signature must not drag a page of one site into another site's checks), except
 * for the page types whose address is a guess, recognised by what they say on any portal host but the login hosts.
 */
import { AMELIPRO_HOSTS } from '../../../lib/hosts';
import { DETECTORS, detectPage } from '../../../lib/pages/detect';
import { PAGE_TYPES, type PageType } from '../../../lib/pages/types';
import { forSeeds, NASTY, randomPiece, timed, type Rng } from './rng';
import { mutate, PAGES, parse, snapshotHtml } from './snapshots';

/**
 * Page types whose address is a guess: recognised by what the page says on any amelipro host but the login hosts
 * (amelipro.md: their addresses are not public).
 */
const ON_ANY_PORTAL_HOST: readonly PageType[] = ['reclaps', 'convention-medecin', 'convention-pharmacien', 'commandes', 'prescription'];

/** Which page types each host may carry (amelipro.md, "Hosts"). */
const TYPES_OF_HOST: Record<string, readonly PageType[]> = {
  'espacepro.ameli.fr': ['home', 'aat', 'atmp', 'transmission', 'aide', ...ON_ANY_PORTAL_HOST],
  'authps-espacepro.ameli.fr': ['login'],
  'authcps-espacepro.ameli.fr': ['login'],
  'paiements2.ameli.fr': ON_ANY_PORTAL_HOST,
  'convention2.ameli.fr': ON_ANY_PORTAL_HOST,
  'conventionpharmaciens.ameli.fr': ON_ANY_PORTAL_HOST,
};

const HOSTILE_HOSTS = [
  ...AMELIPRO_HOSTS,
  'ESPACEPRO.AMELI.FR',
  'espacepro.ameli.fr.',
  'espacepro.ameli.fr:8443',
  'user:pass@espacepro.ameli.fr',
  'espacepro.ameli.fr.evil.example',
  'evil-espacepro.ameli.fr',
  'xn--espacepro-ameli-fr',
  'www.ameli.fr',
  'example.org',
  '127.0.0.1',
  '[::1]',
];
const PATHS = [
  ...new Set(DETECTORS.flatMap((d) => d.examples.map((u) => new URL(u).pathname))),
  '/',
  '',
  '/aat',
  '/aat/../atmp/',
  '/%2e%2e/',
  '/AAT/',
  '//aat/',
  '/aat%2F',
];
const SCHEMES = ['https://', 'https://', 'https://', 'http://', 'ftp://', 'javascript:', 'data:text/html,', 'chrome-extension://', 'blob:https://', ''];

function randomUrl(r: Rng): string {
  let path = r.pick(PATHS);
  if (r.bool(0.4)) path += escape(randomPiece(r)).slice(0, 200);
  if (r.bool(0.2)) path += randomPiece(r);
  const query = r.bool(0.3) ? `?${r.pick(['code=x', 'carte=ok', randomPiece(r)])}` : '';
  const hash = r.bool(0.3) ? `#${r.pick(['/aide', '/aide/configuration', '', randomPiece(r)])}` : '';
  return `${r.pick(SCHEMES)}${r.pick(HOSTILE_HOSTS)}${path}${query}${hash}`;
}

function checkResult(href: string, type: unknown, seed: number | string): void {
  if (!(PAGE_TYPES as readonly unknown[]).includes(type)) throw new Error(`seed ${seed}: ${JSON.stringify(href)} gave ${String(type)}`);
  if (type === 'unknown') return;
  const url = new URL(href);
  const allowed = TYPES_OF_HOST[url.hostname] ?? [];
  if (url.protocol !== 'https:' || !allowed.includes(type as PageType))
    throw new Error(`seed ${seed}: ${JSON.stringify(href)} detected as ${String(type)}, a page type of another host`);
}

const docs = PAGES.map((p) => ({ page: p, html: snapshotHtml(p.id) }));
/** Runs are kept small: parsing a test page costs tens of milliseconds on a loaded machine. */
const SLOW = { timeout: 120_000 };

describe('detectPage: fuzzed URLs and documents', () => {
  it('every host in the perimeter has its page types listed here', () => {
    expect(Object.keys(TYPES_OF_HOST).sort()).toEqual([...AMELIPRO_HOSTS].sort());
  });

  it('hostile URLs without a document (1 000 cases)', () => {
    forSeeds(1000, (r, seed) => {
      const href = r.bool(0.1) ? randomPiece(r) : randomUrl(r);
      checkResult(href, detectPage(href, null), seed);
    });
  });

  it('every test page at every hostile URL, untouched and mangled (150 cases)', SLOW, () => {
    forSeeds(150, (r, seed) => {
      const { html } = r.pick(docs);
      const doc = mutate(parse(html), r, r.int(0, 40));
      const href = r.bool(0.5) ? randomUrl(r) : r.pick(PAGES).url;
      checkResult(href, detectPage(href, doc), seed);
    });
  });

  it('the DOM of one site served on each other host is never taken for a page of another host', SLOW, () => {
    for (const { page, html } of docs) {
      const doc = parse(html);
      for (const host of AMELIPRO_HOSTS) {
        const href = `https://${host}/${page.id}/`;
        checkResult(href, detectPage(href, doc), `${page.id}@${host}`);
      }
    }
  });

  it('the test pages keep their own type when the rest of the page is shuffled (only removals can make them unknown)', SLOW, () => {
    forSeeds(40, (r, seed) => {
      const { page, html } = r.pick(docs);
      const doc = parse(html);
      // shuffle only: no element removed, no text changed
      for (const el of Array.from(doc.body.querySelectorAll('*'))) if (r.bool(0.05)) for (const k of r.shuffle(Array.from(el.children))) el.append(k);
      const type = detectPage(page.url, doc);
      if (type !== page.pageType) throw new Error(`seed ${seed}: ${page.id} shuffled is ${type}`);
    });
  });

  it('documents whose methods throw, or that are not documents at all', () => {
    const throwing = new Proxy({} as Document, {
      get() {
        throw new Error('hostile');
      },
    });
    const weird = [
      throwing,
      {} as Document,
      { querySelector: () => ({}), querySelectorAll: () => [null] } as unknown as Document,
      parse(''),
      parse(NASTY.join('')),
    ];
    for (const p of PAGES) for (const doc of weird) checkResult(p.url, detectPage(p.url, doc), p.id);
  });

  it('a huge page is detected in bounded time', SLOW, () => {
    const doc = parse(`<h1>${'Récapitulatif '.repeat(100_000)}</h1>${'<h2>x</h2><button>Valider et transmettre</button>'.repeat(5_000)}`);
    const { value, ms } = timed(() => detectPage('https://espacepro.ameli.fr/x', doc));
    checkResult('https://espacepro.ameli.fr/x', value, 'huge');
    expect(ms).toBeLessThan(2_000);
    const href = `https://espacepro.ameli.fr/${'a/'.repeat(500_000)}`;
    expect(timed(() => detectPage(href, null)).ms).toBeLessThan(2_000);
  });
});
