/**
 * @vitest-environment-options {"url": "https://espacepro.ameli.fr/page-accueil-ihm/"}
 */
import { VitaleMonitor } from '../../../lib/vitale/monitor';
import { runVersionProbe } from '../../../lib/vitale/probe';
import { ANNOUNCE_DIV_ID } from '../../../lib/vitale/protocol';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const NOW = () => new Date('2026-11-28T09:00:00.000Z');

function addDiv(version: string) {
  const d = document.createElement('div');
  d.id = ANNOUNCE_DIV_ID;
  d.style.display = 'none';
  d.textContent = version;
  document.body.append(d);
}
const announce = (detail: unknown) => document.dispatchEvent(new CustomEvent('evenement_reponse_diagam', { detail }));

/** A page-side responder like the web extension's content script. */
function responder(reply: (data: { service: string }) => unknown | undefined, event = 'evenement_reponse_vitale') {
  const seen: unknown[] = [];
  const onMessage = (e: MessageEvent) => {
    seen.push(e.data);
    if (!e.data || typeof e.data.service !== 'string') return;
    const detail = reply(e.data);
    if (detail !== undefined) setTimeout(() => document.dispatchEvent(new CustomEvent(event, { detail })), 5);
  };
  window.addEventListener('message', onMessage);
  return { seen, stop: () => window.removeEventListener('message', onMessage) };
}

let monitor: VitaleMonitor | null = null;
afterEach(() => {
  monitor?.stop();
  monitor = null;
  document.body.replaceChildren();
});
const start = (opts = {}) => {
  monitor = new VitaleMonitor(window, { absentAfterMs: 60, probeTimeoutMs: 150, now: NOW, ...opts });
  monitor.start();
  return monitor;
};

describe('passive detection', () => {
  it('absent after the wait with neither signal', async () => {
    const m = start();
    expect(m.status.extension).toBe('unknown');
    await wait(100);
    expect(m.status).toMatchObject({ extension: 'absent', checkedAt: '2026-11-28T09:00:00.000Z' });
  });

  it('present from the div, even when added later; flips from absent', async () => {
    const m = start();
    await wait(100);
    expect(m.status.extension).toBe('absent');
    addDiv('2.1.0');
    await wait(10);
    expect(m.status).toMatchObject({ extension: 'present', extensionVersion: '2.1.0', extensionOutdated: false });
  });

  it('present from the event (object or JSON string)', async () => {
    const m = start();
    announce({ service: 'diagam_web_extension_is_loaded', version: '2.2.0' });
    expect(m.status).toMatchObject({ extension: 'present', extensionVersion: '2.2.0' });
    const m2 = new VitaleMonitor(window, { absentAfterMs: 60, now: NOW });
    m2.start();
    announce(JSON.stringify({ service: 'diagam_web_extension_is_loaded', version: '2.3.0' }));
    expect(m2.status.extensionVersion).toBe('2.3.0');
    m2.stop();
  });

  it('an unreadable detail (null across worlds) falls back to the div', async () => {
    const m = start();
    addDiv('2.0.4');
    announce(null);
    expect(m.status).toMatchObject({ extension: 'present', extensionVersion: '2.0.4' });
  });

  it('ignores other events, other services and hostile details', async () => {
    const m = start();
    announce({ service: 'vitale', version: '9.9' });
    announce('{"service":"diagam_web_extension_is_loaded"');
    announce(42);
    document.dispatchEvent(new CustomEvent('evenement_reponse_vitale', { detail: { service: 'diagam_web_extension_is_loaded', version: '1.0' } }));
    window.postMessage({ service: 'diagam_web_extension_is_loaded', version: '1.0' }, '*');
    await wait(100);
    expect(m.status.extension).toBe('absent');
  });

  it('notifies subscribers; a throwing subscriber does not stop detection', () => {
    const m = start();
    const seen: string[] = [];
    m.subscribe(() => {
      throw new Error('x');
    });
    m.subscribe((s) => seen.push(s.extension));
    announce({ service: 'diagam_web_extension_is_loaded', version: '2.1.0' });
    expect(seen).toEqual(['present']);
  });
});

describe('active test', () => {
  it('posts { service: "version" } and reads the reply', async () => {
    const r = responder(() => ({ service: 'version', webextension: '2.1.0', atsam: '4.67.03', srvsvcnam: '5.10.04', cryptolib: '5.2.6' }));
    const m = start();
    expect(r.seen).toEqual([]); // nothing is sent before the user asks
    const s = await m.test();
    r.stop();
    expect(r.seen).toEqual([{ service: 'version' }]);
    expect(s).toMatchObject({ extension: 'present', atsam: 'ok', lastTest: { outcome: 'ok' } });
    expect(s.components.map((c) => c.id)).toEqual(['webextension', 'atsam', 'srvsvcnam', 'cryptolib']);
  });

  it('skips replies for other services and takes the version reply', async () => {
    const onMessage = () => {
      document.dispatchEvent(new CustomEvent('evenement_reponse_vitale', { detail: { service: 'vitale', nom: 'TESTARD' } }));
      setTimeout(() => document.dispatchEvent(new CustomEvent('evenement_reponse_vitale', { detail: { service: 'version', atsam: '4.64.01' } })), 5);
    };
    window.addEventListener('message', onMessage, { once: true });
    const s = await start().test();
    expect(s.atsam).toBe('outdated');
    expect(JSON.stringify(s)).not.toContain('TESTARD');
  });

  it('times out with no reply; with the extension present, ATSAM is the likely culprit', async () => {
    const m = start();
    addDiv('2.1.0');
    await wait(5);
    const s = await m.test();
    expect(s).toMatchObject({ atsam: 'error', lastTest: { outcome: 'timeout' } });
  });

  it('a malformed reply is said as such, ATSAM unchanged', async () => {
    const r = responder(() => '<<réponse illisible>>');
    const s = await start().test();
    r.stop();
    expect(s).toMatchObject({ extension: 'present', atsam: 'unknown', lastTest: { outcome: 'malformed' } });
  });

  it('a missing native host → ATSAM absent', async () => {
    const r = responder(() => ({ service: 'version', error: 'Specified native messaging host not found.' }));
    const s = await start().test();
    r.stop();
    expect(s.atsam).toBe('absent');
  });

  it('one test at a time', async () => {
    const r = responder(() => ({ service: 'version', atsam: '4.67.03' }));
    const m = start();
    const [a, b] = [m.test(), m.test()];
    await Promise.all([a, b]);
    r.stop();
    expect(r.seen).toHaveLength(1);
  });

  it('runVersionProbe resolves timeout, never rejects', async () => {
    await expect(runVersionProbe(window, { timeoutMs: 20 })).resolves.toEqual({ outcome: 'timeout' });
  });
});

describe('card-read error', () => {
  it('extension present → ATSAM error; an outdated ATSAM stays outdated', async () => {
    const m = start();
    addDiv('2.1.0');
    await wait(5);
    m.noteCardError();
    expect(m.status).toMatchObject({ atsam: 'error', cardError: { at: '2026-11-28T09:00:00.000Z' } });
  });
  it('extension absent → ATSAM unknown (the extension comes first)', async () => {
    const m = start();
    await wait(100);
    m.noteCardError();
    expect(m.status).toMatchObject({ extension: 'absent', atsam: 'unknown' });
  });
});
