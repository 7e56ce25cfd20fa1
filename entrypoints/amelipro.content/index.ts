import { defineContentScript } from 'wxt/utils/define-content-script';
import { AMELIPRO_MATCHES } from '../../lib/hosts';
import { startContent } from './runtime';

export default defineContentScript({
  matches: AMELIPRO_MATCHES,
  runAt: 'document_idle',
  // the overlay's styles are inlined in its shadow root (host.ts): no CSS file to fetch at start-up
  cssInjectionMode: 'manual',
  // WXT's legacy window.postMessage at start-up would reach the portal's message listeners (and the "Lecture
  // Carte Vitale" extension's): the custom event it also sends is enough to stop an older copy of this script.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Whatever happens in the extension, the portal keeps working: errors stop here.
    startContent(ctx).catch((err) => console.debug('[Compagnon amelipro] démarrage impossible', err));
  },
});
