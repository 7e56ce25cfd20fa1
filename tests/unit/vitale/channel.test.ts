/**
 * @vitest-environment-options {"url": "https://espacepro.ameli.fr/ps/ordonnance/"}
 *
 * The content script's carte Vitale channel on a page without the vitale feature: it answers the popup, keeps the
 * extension's announcement event, and starts detection only when asked.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetVitaleChannel, startVitaleChannel } from '../../../lib/vitale/channel';
import { ABSENT_AFTER_MS } from '../../../lib/vitale/monitor';
import { ANNOUNCE_DIV_ID, EVENT_DIAGAM } from '../../../lib/vitale/protocol';
import type { VitaleStatus } from '../../../lib/vitale/status';
import { ask } from '../helpers/runtime';

const OWN = fakeBrowser.runtime.id;
const status = async () => (await ask({ type: 'vitale-status' }, { id: OWN })) as VitaleStatus;

describe('carte Vitale channel, started without the vitale feature', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    resetVitaleChannel();
    vi.useFakeTimers();
  });
  afterEach(() => {
    resetVitaleChannel();
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('detects nothing until asked: "absent" comes 2 s after the first question, not 2 s after the start', async () => {
    startVitaleChannel();
    await vi.advanceTimersByTimeAsync(ABSENT_AFTER_MS * 3);
    expect((await status()).extension).toBe('unknown');
    await vi.advanceTimersByTimeAsync(ABSENT_AFTER_MS - 100);
    expect((await status()).extension).toBe('unknown');
    await vi.advanceTimersByTimeAsync(200);
    expect((await status()).extension).toBe('absent');
  });

  it('keeps the announcement event sent before the question (sent once: it would be lost otherwise)', async () => {
    startVitaleChannel();
    document.dispatchEvent(new CustomEvent(EVENT_DIAGAM, { detail: { service: 'diagam_web_extension_is_loaded', version: '2.3.1' } }));
    const s = await status();
    expect(s.extension).toBe('present');
    expect(s.extensionVersion).toBe('2.3.1');
    await vi.advanceTimersByTimeAsync(ABSENT_AFTER_MS * 2);
    expect((await status()).extension).toBe('present');
  });

  it('an event whose detail cannot be read falls back on the div, read when asked', async () => {
    startVitaleChannel();
    document.dispatchEvent(new CustomEvent(EVENT_DIAGAM, { detail: null }));
    const div = document.createElement('div');
    div.id = ANNOUNCE_DIV_ID;
    div.textContent = '2.0.4';
    document.body.append(div);
    const s = await status();
    expect(s.extension).toBe('present');
    expect(s.extensionVersion).toBe('2.0.4');
  });

  it('after the monitor started, later events reach it directly', async () => {
    startVitaleChannel();
    expect((await status()).extension).toBe('unknown');
    document.dispatchEvent(new CustomEvent(EVENT_DIAGAM, { detail: { service: 'diagam_web_extension_is_loaded', version: '2.1.0' } }));
    expect((await status()).extensionVersion).toBe('2.1.0');
  });
});
