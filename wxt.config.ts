import { basename, dirname, join } from 'node:path';
import { build as viteBuild } from 'vite';
import { defineConfig } from 'wxt';
import {
  CONTENT_MODULE_PATH,
  CONTENT_MODULE_WITH_READER_PATH,
  CONTENT_OMITTED_RULE_FIELDS,
  PRESCRIPTION_READER_PATH,
} from './entrypoints/amelipro.content/module-path';
import { contentRuleIds } from './entrypoints/amelipro.content/shipped-rules';
import { AMELIPRO_MATCHES } from './lib/hosts';
import { families, rawCatalogue } from './lib/rules/catalogue';
import { parseCatalogue } from './lib/rules/schema';

/**
 * The rule catalogue, validated at build time, is shipped as data (its TypeScript files are for editing). For the
 * content script's module (`content`): `omit`, fields left out, and `keep`, the only rules shipped (every other
 * bundle gets the whole catalogue), written as an object literal, which Chromium parses with the module off the page's
 * main thread (its evaluation: 0.5 ms less than a `JSON.parse` of the same data, docs/performance.md). The other
 * bundles get `JSON.parse` of a string.
 */
function catalogueAsData(content?: { omit: readonly string[]; keep: ReadonlySet<string> }) {
  const shipped = Object.fromEntries(
    Object.entries(families).map(([k, list]) => [
      k,
      list.filter((r) => !content || content.keep.has(r.id)).map((r) => Object.fromEntries(Object.entries(r).filter(([f]) => !content?.omit.includes(f)))),
    ]),
  );
  const data = content ? JSON.stringify(shipped) : `JSON.parse(${JSON.stringify(JSON.stringify(shipped))})`;
  return {
    name: 'compagnon:catalogue-as-data',
    enforce: 'pre' as const,
    load(id: string) {
      if (!/[\\/]lib[\\/]rules[\\/]catalogue[\\/]index\.ts$/.test(id.split('?')[0]!)) return null;
      return `export const families = ${data};\nexport const rawCatalogue = Object.values(families).flat();\n`;
    },
  };
}

/**
 * The content script's classic loader (entrypoints/amelipro.content/index.ts, life.ts and WXT's content-script
 * context) registers no message listener: it keeps WXT's plain `browser` (@wxt-dev/browser, what `wxt/browser` is
 * without the polyfill), so that webextension-polyfill ships once in the content script, in the module, which
 * Chromium parses off the page's main thread. Measured: README, "Coût de webextension-polyfill".
 */
function loaderWithoutPolyfill() {
  return {
    name: 'compagnon:loader-without-polyfill',
    enforce: 'pre' as const,
    async resolveId(this: { resolve: (s: string, i?: string, o?: object) => Promise<unknown> }, source: string, importer?: string) {
      if (source !== '@wxt-dev/webextension-polyfill/browser' || !importer) return null;
      if (!/(utils[\\/](content-script-context|internal[\\/]custom-events)\.mjs|amelipro\.content[\\/](index|life|started)\.ts)$/.test(importer.split('?')[0]!))
        return null;
      // resolved from WXT's own package, whose dependency it is
      return this.resolve('@wxt-dev/browser', join(import.meta.dirname, 'node_modules/wxt/dist/browser.mjs'), { skipSelf: true });
    },
  };
}

/**
 * WXT's content-script wrapper hands `main` a ContentScriptContext, which the page can end and which the content
 * script therefore does not use (entrypoints/amelipro.content/life.ts); building it was ≈ 0.4 ms of every page's
 * load (its location watcher, abort controller, random id, listener). The wrapper gets
 * entrypoints/amelipro.content/started.ts instead, which keeps the one thing it did that matters: telling an older
 * copy of the script that a new one started.
 */
function ownScriptContext() {
  return {
    name: 'compagnon:own-script-context',
    enforce: 'pre' as const,
    resolveId(source: string, importer?: string) {
      if (source !== 'wxt/utils/content-script-context' || !importer?.includes('content-script-isolated-world-entrypoint')) return null;
      return join(import.meta.dirname, 'entrypoints/amelipro.content/started.ts');
    },
  };
}

/**
 * webextension-polyfill is a UMD file, which the bundler imports through its CommonJS interop: that copies each own
 * property of `module.exports` onto a new object. Where the browser has its own `browser` (Firefox, recent
 * Chromium), `module.exports` is that `browser`, and reading each of its properties makes the browser build every
 * extension API's bindings in the page's isolated world, the unused ones too (≈ 0.5 to 1.4 ms of the content
 * script's work at load on the test pages, 05/12/2026). Seen as an ES module (its UMD wrapper given a local
 * `module`), it is imported as it is. The polyfill's own code is unchanged.
 */
function polyfillAsEsModule() {
  return {
    name: 'compagnon:polyfill-as-es-module',
    transform(code: string, id: string) {
      if (!/[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill(\.min)?\.js$/.test(id.split('?')[0]!)) return null;
      return { code: `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`, map: null };
    },
  };
}

const sourcemap = process.env.WXT_SOURCEMAP === '1';
/** WXT_NO_POLYFILL=1: a build without webextension-polyfill, only for the bench to measure its cost (scripts/bench/polyfill.ts). */
const polyfill = process.env.WXT_NO_POLYFILL !== '1';
const minify = !sourcemap || process.env.WXT_MINIFY === '1';

/**
 * What every bundle is built with, WXT's and the content module's (`content`: what catalogueAsData leaves out of the
 * latter). Imported JSON (the lexicon's core) ships as JSON.parse of a string, which V8 parses faster than the same
 * data written as object literals when it parses on the main thread; the content module's catalogue is the measured
 * exception (catalogueAsData). WXT_SOURCEMAP=1 npx wxt build: source maps to see what each bundle is made of (add
 * WXT_MINIFY=1 to keep the shipped minification, e.g. to map a CPU profile of the real bundle back to the sources).
 */
const shared = (content?: { omit: readonly string[]; keep: ReadonlySet<string> }) => ({
  json: { stringify: true as const },
  // webextension-polyfill (module @wxt-dev/webextension-polyfill below) for WXT's bundles; the content module is
  // built apart, so it gets the same alias here: one `browser` everywhere, promise-returning listeners included.
  ...(polyfill ? { resolve: { alias: { 'wxt/browser': '@wxt-dev/webextension-polyfill/browser' } } } : {}),
  plugins: [catalogueAsData(content), loaderWithoutPolyfill(), ownScriptContext(), polyfillAsEsModule()],
  build: { target: 'es2022', sourcemap, minify },
});

/**
 * The content script's body, built as an ES module beside the small classic script the manifest declares
 * (entrypoints/amelipro.content/index.ts), which imports it. Chromium parses a module fetched that way on a
 * background thread; a classic content script is parsed on the page's main thread, while the portal loads.
 * One file (its dynamic imports inlined), web-accessible to the AmeliPRO hosts only (see the manifest below).
 * The prescription-line reader (lib/prescription/reader.ts: the line reading and the prescription-line checks) is a
 * second file built the same way, which the module imports only on pages with a medicine field
 * (entrypoints/amelipro.content/services.ts): most pages never load it. A third file is the module with the reader
 * inside (entrypoints/amelipro.content/with-reader.ts), which the loader imports instead where a line is already
 * written at load.
 */
async function buildContentModule(outDir: string, mode: string, path: string, input: string): Promise<void> {
  const file = join(outDir, path);
  await viteBuild({
    configFile: false,
    root: import.meta.dirname,
    mode,
    logLevel: 'warn',
    ...shared({ omit: CONTENT_OMITTED_RULE_FIELDS, keep: contentRuleIds() }),
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    build: {
      ...shared().build,
      emptyOutDir: false,
      outDir: dirname(file),
      copyPublicDir: false,
      // not Vite's library mode, which leaves an ES module unminified
      rollupOptions: {
        input: join(import.meta.dirname, input),
        preserveEntrySignatures: 'strict',
        // V8's explicit compile hint: compile every function of the module eagerly, i.e. on the background thread
        // that parses it, rather than each one on the main thread at its first call (≈ 2–4 ms of a page load when
        // measured under the CPU profiler, which inflates compilation on both sides: not re-measured without it;
        // ≈ 140 KB more heap). Must be the file's first line.
        output: { format: 'es', entryFileNames: basename(file), codeSplitting: false, postBanner: '//# allFunctionsCalledOnLoad' },
      },
    },
  });
}

/** The extension pages' content security policy (see the manifest below; tests/e2e/security.spec.ts checks it). */
export const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// Manifest as a function of the target: Chrome-only permissions never reach Firefox.
export default defineConfig({
  imports: false,
  manifestVersion: 3,
  // `browser` is webextension-polyfill: where the browser has no `browser` namespace of its own (Chromium before it
  // had one) it wraps `chrome`, so that a runtime.onMessage listener may return a Promise of its answer; Firefox's
  // `browser` (and Chromium's own, 156 here) it returns as it is.
  modules: polyfill ? ['@wxt-dev/webextension-polyfill'] : [],
  hooks: {
    // The rule catalogue ships as plain data: validate it before every build (throws naming the bad rule).
    'build:before': () => {
      parseCatalogue(rawCatalogue);
    },
    // Not 'build:done', which `wxt dev` does not call again when it rebuilds after a change.
    'build:manifestGenerated': async (wxt, manifest) => {
      // Firefox opens an extension's sidebar by itself at install unless told not to; Chrome never opens the side
      // panel unasked. The help panel opens when the user asks (the popup's button, Firefox's sidebar menu).
      const sidebar = (manifest as { sidebar_action?: { open_at_install?: boolean } }).sidebar_action;
      if (sidebar) sidebar.open_at_install = false;
      await buildContentModule(wxt.config.outDir, wxt.config.mode, CONTENT_MODULE_PATH, 'entrypoints/amelipro.content/runtime.ts');
      await buildContentModule(wxt.config.outDir, wxt.config.mode, PRESCRIPTION_READER_PATH, 'lib/prescription/reader.ts');
      await buildContentModule(wxt.config.outDir, wxt.config.mode, CONTENT_MODULE_WITH_READER_PATH, 'entrypoints/amelipro.content/with-reader.ts');
    },
  },
  vite: () => shared(),
  manifest: ({ browser }) => {
    const isFirefox = browser === 'firefox';
    return {
      name: '__MSG_extName__',
      short_name: 'Compagnon amelipro',
      description: '__MSG_extDescription__',
      default_locale: 'fr',
      permissions: isFirefox ? ['storage'] : ['storage', 'sidePanel'],
      host_permissions: AMELIPRO_MATCHES,
      // The content script's module, the prescription reader it imports and the module with the reader inside (see
      // buildContentModule), for the AmeliPRO pages only. In Chromium, behind a
      // URL that changes every session: a page cannot probe a fixed chrome-extension:// address to learn that the
      // extension is installed. (Firefox's moz-extension:// addresses are already random per installation.) It is also
      // what lets Chromium compile the module off the page's main thread: at the fixed address, the module's
      // compilation (v8.compileModule) goes from ≈ 0.7 ms to 4.5–5.3 ms of every page's load (docs/performance.md).
      web_accessible_resources: [
        {
          resources: [CONTENT_MODULE_PATH, PRESCRIPTION_READER_PATH, CONTENT_MODULE_WITH_READER_PATH],
          matches: AMELIPRO_MATCHES,
          ...(isFirefox ? {} : { use_dynamic_url: true }),
        },
      ],
      // Extension pages (popup, side panel, options) and the service worker: scripts of the extension only, and no
      // connection anywhere but the extension's own files, so "no request leaves the browser" is enforced by the
      // browser, not only tested. (MV3's default already forbids remote scripts and eval; this narrows it.)
      content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
      icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
      action: { default_title: '__MSG_actionTitle__' },
      ...(isFirefox
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'compagnon-amelipro@compagnon-amelipro.org',
                strict_min_version: '142.0',
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : {}),
    };
  },
});
