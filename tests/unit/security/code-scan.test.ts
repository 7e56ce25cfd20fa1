/**
 * No HTML written from strings, no eval, no remote code, no network call: a scan of the sources
 * (entrypoints/, components/, lib/) and, when the builds exist (`npm test` builds them before the e2e step,
 * which checks them too), of the built bundles of both browsers.
 *
 * Known, reviewed patterns allowed in the bundles (production build, minified), and nothing else:
 * - Preact's `e.innerHTML = props.dangerouslySetInnerHTML.__html` (the sources never use that prop; `web-ext lint`
 *   reports it as an UNSAFE_VAR_ASSIGNMENT warning).
 * - zod 4's probe `try{return Function(``),!0}catch{return!1}` (tests whether the CSP allows `Function`; under the
 *   extension CSP it does not, and zod falls back to its interpreter). Only in bundles that include zod (extension
 *   pages and background), never in the content script. `web-ext lint` reports it as a warning.
 * - Vite's module-preload helper `fetch(link.href)` for `<link rel=modulepreload>` in extension pages (own files).
 * - WXT's shadow-root UI helpers: `fetch(runtime.getURL('/content-scripts/…css'))` (own file) and `fetch(css.url)`
 *   (only when a URL is passed; the content script passes its CSS as text).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { files, scanBundles } from './bundle-scan';

const ROOT = join(import.meta.dirname, '../../..');

/** Comment lines and block comments out (URLs inside strings are kept). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

const SOURCE_FORBIDDEN: [string, RegExp][] = [
  ['innerHTML / outerHTML', /\b(innerHTML|outerHTML)\b/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['createContextualFragment', /createContextualFragment/],
  ['srcdoc', /\bsrcdoc\b/],
  ['javascript: URL', /javascript:/i],
  ['eval', /(^|[^\w$.])eval\s*\(/],
  ['Function constructor', /(^|[^\w$.])(new\s+)?Function\s*\(/],
  ['string timer', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
  ['fetch', /(^|[^\w$.])fetch\s*\(/],
  ['XMLHttpRequest', /XMLHttpRequest/],
  ['WebSocket', /\bWebSocket\b/],
  ['EventSource', /\bEventSource\b/],
  ['sendBeacon', /sendBeacon/],
  ['importScripts', /importScripts/],
  ['non-relative dynamic import', /\bimport\s*\(\s*(?!['"]\.{1,2}\/)/],
];

/**
 * The two reviewed non-relative dynamic imports, both of the extension's own files at the address `runtime.getURL`
 * gives: the content script's classic loader imports its module (entrypoints/amelipro.content/index.ts), and the
 * module imports the prescription reader on pages with a medicine field (entrypoints/amelipro.content/services.ts).
 */
const OWN_MODULE_IMPORTS = [
  { file: 'entrypoints/amelipro.content/index.ts', line: /^\s*return import\(\s*ownModuleUrl\s*\);\s*$/ },
  { file: 'entrypoints/amelipro.content/services.ts', line: /^\s*reader = import\(\s*readerUrl\s*\)\s*$/ },
];

describe('sources', () => {
  const sources = ['entrypoints', 'components', 'lib'].flatMap((d) => files(join(ROOT, d), /\.(ts|tsx|js|mjs|html)$/));

  it('finds the sources', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it('write no HTML from strings, never eval, fetch nothing, load nothing remote', () => {
    const hits: string[] = [];
    for (const file of sources) {
      const lines = code(readFileSync(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        if (OWN_MODULE_IMPORTS.some((own) => relative(ROOT, file) === own.file && own.line.test(line))) return;
        for (const [what, re] of SOURCE_FORBIDDEN) if (re.test(line)) hits.push(`${relative(ROOT, file)}:${i + 1} ${what}: ${line.trim()}`);
      });
    }
    expect(hits).toEqual([]);
  });

  it('import nothing dynamic but their own files: the loader one of the modules, the module the reader, at runtime.getURL', () => {
    const [loaderImport, readerImport] = OWN_MODULE_IMPORTS;
    const loader = code(readFileSync(join(ROOT, loaderImport!.file), 'utf8'));
    expect(loader.split('\n').filter((l) => loaderImport!.line.test(l))).toHaveLength(1);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the loader's source line, quoted
    expect(loader).toContain('const ownModuleUrl = (browser.runtime.getURL as (path: string) => string)(`/${path}`);');
    expect(loader.match(/ownModuleUrl =/g)).toHaveLength(1);
    // the path is always one of the module constants
    const asked = [...loader.matchAll(/\bimportOwn\((\w+)\)/g)].map((m) => m[1]);
    expect(new Set(asked)).toEqual(new Set(['CONTENT_MODULE_PATH', 'CONTENT_MODULE_WITH_READER_PATH']));
    const services = code(readFileSync(join(ROOT, readerImport!.file), 'utf8'));
    expect(services.split('\n').filter((l) => readerImport!.line.test(l))).toHaveLength(1);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source line, quoted
    expect(services).toContain('const readerUrl = (browser.runtime.getURL as (path: string) => string)(`/${PRESCRIPTION_READER_PATH}`);');
    expect(services.match(/readerUrl =/g)).toHaveLength(1);
  });

  it('extension pages load only their own module', () => {
    for (const html of files(join(ROOT, 'entrypoints'), /\.html$/)) {
      const text = readFileSync(html, 'utf8');
      const refs = [...text.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]!);
      expect(
        refs.filter((r) => /^(?:[a-z-]+:)?\/\//i.test(r)),
        relative(ROOT, html),
      ).toEqual([]);
    }
  });
});

for (const build of ['chrome-mv3', 'firefox-mv3']) {
  const dir = join(ROOT, '.output', build);
  describe.skipIf(!existsSync(join(dir, 'manifest.json')))(`built bundles (${build})`, () => {
    it('hold no eval, no Function constructor, no network call and no remote code beyond the known patterns', () => {
      const { hits, seen } = scanBundles(dir);
      expect(hits).toEqual([]);
      // the zod probe appears once (one shared chunk); the content script stays free of zod
      expect(seen.get('zod Function probe')).toBe(1);
    });
  });
}
