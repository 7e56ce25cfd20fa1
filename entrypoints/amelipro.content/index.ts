import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { AMELIPRO_MATCHES } from '../../lib/hosts';
import { recordEarlyEvents } from './early';
import { ContentLife } from './life';
import { CONTENT_MODULE_PATH, CONTENT_MODULE_WITH_READER_PATH } from './module-path';
import { textAreaWritten } from './preload';
import type { startContent } from './runtime';

export default defineContentScript({
  matches: AMELIPRO_MATCHES,
  runAt: 'document_idle',
  // the overlay's styles are inlined in its shadow root (host.ts): no CSS file to fetch at start-up
  cssInjectionMode: 'manual',
  // WXT's legacy window.postMessage at start-up would reach the portal's message listeners (and the "Lecture
  // Carte Vitale" extension's): the custom event it also sends is enough to stop an older copy of this script.
  noScriptStartedPostMessage: true,
  // The argument of main is not used: it is started.ts's announcement of this copy, in place of WXT's context, which
  // the page can end (see life.ts and wxt.config.ts `ownScriptContext`).
  main() {
    // This classic script stays small: the body (runtime.ts and the features) is an ES module, which Chromium
    // parses off the page's main thread (wxt.config.ts builds it). Whatever happens in the extension, the
    // portal keeps working: errors stop here.
    // what the user does until the features listen (the module loads, the settings arrive) is kept for them
    const early = recordEarlyEvents(document);
    const life = new ContentLife();
    // A line already written is read at once: then the module with the prescription-line reader inside, one import
    // instead of the module's and then the reader's (with-reader.ts). A wrong guess costs the reader's loading, nothing
    // else; if that file cannot be loaded, the plain module, which imports the reader when it needs it.
    const withReader = textAreaWritten(document);
    (withReader ? importOwn(CONTENT_MODULE_WITH_READER_PATH).catch(() => importOwn(CONTENT_MODULE_PATH)) : importOwn(CONTENT_MODULE_PATH))
      .then((m) => {
        if (life.isValid) return m.startContent(life, early.take);
        early.take();
      })
      .catch((err: unknown) => {
        early.take();
        console.debug('[Compagnon amelipro] démarrage impossible', err);
        // said in the popup and on the toolbar button ("!"): nothing checked must not look like nothing to say
        browser.runtime.sendMessage({ type: 'content-failed' }).catch(() => {});
      });
  },
});

/** One of this extension's content modules (module-path.ts), at its address for this session. */
function importOwn(path: string): Promise<{ startContent: typeof startContent }> {
  const ownModuleUrl = (browser.runtime.getURL as (path: string) => string)(`/${path}`);
  return import(/* @vite-ignore */ ownModuleUrl);
}
