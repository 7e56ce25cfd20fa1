// Stand-in for the « Lecture Carte Vitale » web extension, for end-to-end tests only.
// Implements the public page protocol described in shared/docs/amelipro.md:
//  - announcement: hidden div#lecture-vitale-native-messaging-webextension-version (text = version) and one
//    CustomEvent('evenement_reponse_diagam') on document, detail { service: 'diagam_web_extension_is_loaded', version };
//  - requests: window 'message' events from the page's own window with a string `service`; 'version' is answered
//    with CustomEvent('evenement_reponse_vitale') on document.
// Runs in its own isolated world, like the real extension. Configuration: config.js (globalThis.__vitaleStandin).
(() => {
  const cfg = globalThis.__vitaleStandin || {};
  const version = cfg.version || '2.1.0';

  // Requests seen, for the tests (proves nothing is asked before the user clicks "Tester la lecture").
  let requests = 0;
  const mark = () => document.documentElement.setAttribute('data-standin-requests', String(requests));
  mark();

  function detailFor(obj) {
    if (cfg.detailMode === 'json') return JSON.stringify(obj);
    // A function cannot be cloned into another world: the receiver reads `detail` as null.
    if (cfg.detailMode === 'uncloneable') return Object.assign({}, obj, { toString() { return 'x'; } });
    return obj;
  }

  function announce() {
    if (cfg.announceDiv) {
      const div = document.createElement('div');
      div.id = 'lecture-vitale-native-messaging-webextension-version';
      div.style.display = 'none';
      div.textContent = version;
      document.body.appendChild(div);
    }
    if (cfg.announceEvent) {
      const detail = detailFor({ service: 'diagam_web_extension_is_loaded', version });
      document.dispatchEvent(new CustomEvent('evenement_reponse_diagam', { detail }));
    }
  }
  if (cfg.announceDelayMs) setTimeout(announce, cfg.announceDelayMs);
  else announce();

  function replyFor(service) {
    if (cfg.reply === 'malformed') return '<<réponse illisible>>';
    const c = cfg.components || {};
    return detailFor({
      service,
      dest_host: 'vitale',
      webextension: version,
      composants: [
        { nom: 'ATSAM', version: c.atsam },
        { nom: 'SrvSvCnam', version: c.srvsvcnam },
      ],
      cryptolib_cps: { version: c.cryptolib },
      statut: 'OK',
    });
  }

  window.addEventListener('message', (event) => {
    if (event.source !== window) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || typeof data.service !== 'string') return;
    requests += 1;
    mark();
    if (data.service !== 'version') return; // card reads are not simulated
    if (cfg.reply === 'never') return;
    setTimeout(() => {
      document.dispatchEvent(new CustomEvent('evenement_reponse_vitale', { detail: replyFor(data.service) }));
    }, cfg.replyDelayMs || 0);
  });
})();
