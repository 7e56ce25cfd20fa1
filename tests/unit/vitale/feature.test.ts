/**
 * @vitest-environment-options {"url": "https://espacepro.ameli.fr/page-accueil-ihm/"}
 */
import { diagnosis, noteKind, NOTE_TAG, renderNote, vitaleFeature, vitaleOutput } from '../../../lib/features/vitale';
import type { FeatureOutput } from '../../../lib/features/types';
import { resetVitaleChannel } from '../../../lib/vitale/channel';
import { ANNOUNCE_DIV_ID } from '../../../lib/vitale/protocol';
import { UNKNOWN_STATUS, type VitaleStatus } from '../../../lib/vitale/status';

const s = (p: Partial<VitaleStatus>): VitaleStatus => ({ ...UNKNOWN_STATUS, ...p });
const CTX = { page: 'home' as const, date: '2026-11-28', profile: { profession: 'medecin-generaliste' as const } };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function homeWidget() {
  document.body.innerHTML = `<div id="patientLogin"><form><div class="mt-4"><button id="patientLogin-form-vital-card-btn">Lire la carte Vitale</button></div>
    <div aria-live="polite" id="msg"></div></form></div>`;
}

describe('engine output (rule vitale.atsam-and-extension)', () => {
  it('extension absent → the rule fails, with what to do in the detail', () => {
    const out = vitaleOutput(CTX, s({ extension: 'absent' }));
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]!.ruleId).toBe('vitale.atsam-and-extension');
    expect(out.findings[0]!.detail?.fr).toContain('absente');
    expect(out.findings[0]!.detail?.fr).toContain('installez-la');
  });
  it('quiet while unknown or fine', () => {
    expect(vitaleOutput(CTX, UNKNOWN_STATUS)).toEqual({ findings: [], cannotCheck: [] });
    expect(vitaleOutput(CTX, s({ extension: 'present', atsam: 'unknown' }))).toEqual({ findings: [], cannotCheck: [] });
    expect(vitaleOutput(CTX, s({ extension: 'present', atsam: 'ok' })).findings).toEqual([]);
  });
  it('ATSAM outdated lists the components', () => {
    const st = s({
      extension: 'present',
      atsam: 'outdated',
      components: [{ id: 'atsam', label: 'ATSAM', version: '4.64.01', latest: '4.67.03', outdated: true }],
    });
    expect(diagnosis(st)?.fr).toContain('ATSAM 4.64.01 < 4.67.03');
    expect(vitaleOutput(CTX, st).findings[0]!.detail?.fr).toContain('ATSAM à mettre à jour');
  });
  it('note kinds', () => {
    expect(noteKind(UNKNOWN_STATUS)).toBeNull();
    expect(noteKind(s({ extension: 'absent' }))).toBe('extension-absent');
    expect(noteKind(s({ extension: 'absent', cardError: { at: '2026-11-28T09:00:00.000Z' } }))).toBe('card-error');
    expect(noteKind(s({ extension: 'present', atsam: 'error' }))).toBe('atsam-error');
    expect(noteKind(s({ extension: 'present', extensionOutdated: true }))).toBe('extension-outdated');
  });
});

describe('note under the carte Vitale button', () => {
  afterEach(() => document.body.replaceChildren());
  it('is rendered after the button in its own shadow root, updated in place, removed when fine', () => {
    homeWidget();
    renderNote(document, s({ extension: 'absent' }), 'fr');
    const host = document.querySelector(NOTE_TAG)!;
    expect(host.previousElementSibling?.id).toBe('patientLogin-form-vital-card-btn');
    expect(host.getAttribute('data-vitale-note')).toBe('extension-absent');
    expect(host.shadowRoot?.textContent).toContain('non détectée');
    expect(document.body.textContent).not.toContain('non détectée'); // the page's own text is untouched
    renderNote(document, s({ extension: 'absent' }), 'fr');
    expect(document.querySelectorAll(NOTE_TAG)).toHaveLength(1);
    renderNote(document, s({ extension: 'present', atsam: 'ok' }), 'fr');
    expect(document.querySelector(NOTE_TAG)).toBeNull();
  });
  it('nothing without the button', () => {
    document.body.innerHTML = '<p>autre page</p>';
    renderNote(document, s({ extension: 'absent' }), 'fr');
    expect(document.querySelector(NOTE_TAG)).toBeNull();
  });
});

describe('feature run', () => {
  afterEach(() => {
    resetVitaleChannel();
    document.body.replaceChildren();
  });

  function runFeature(services = {}, page: 'home' | 'aat' = 'home') {
    const outputs: FeatureOutput[] = [];
    const controller = new AbortController();
    void vitaleFeature.run(
      { ...CTX, page, url: new URL(location.href), doc: document, lang: 'fr', services, report: (o) => outputs.push(o) },
      controller.signal,
    );
    return { outputs, controller };
  }

  it('present extension: nothing shown, status persisted through the sink in the storage shape', async () => {
    homeWidget();
    const div = document.createElement('div');
    div.id = ANNOUNCE_DIV_ID;
    div.textContent = '2.1.0';
    document.body.append(div);
    const saved: unknown[] = [];
    const { outputs, controller } = runFeature({ setVitaleStatus: (x: unknown) => void saved.push(x) });
    await wait(50);
    expect(outputs.at(-1)).toEqual({ findings: [], cannotCheck: [] });
    expect(document.querySelector(NOTE_TAG)).toBeNull();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ extension: 'present', extensionVersion: '2.1.0', atsam: 'unknown' });
    expect(Object.keys(saved[0] as object).sort()).toEqual(['atsam', 'checkedAt', 'extension', 'extensionVersion']);
    controller.abort();
  });

  it('card-read error after a click on the button → note with the diagnosis; removed on abort', async () => {
    homeWidget();
    const div = document.createElement('div');
    div.id = ANNOUNCE_DIV_ID;
    div.textContent = '2.1.0';
    document.body.append(div);
    const { outputs, controller } = runFeature();
    await wait(20);
    // An error without a click is not ours to explain.
    document.getElementById('msg')!.textContent = 'Lecture de la carte Vitale impossible.';
    await wait(400);
    expect(document.querySelector(NOTE_TAG)).toBeNull();
    document.getElementById('msg')!.textContent = '';
    (document.getElementById('patientLogin-form-vital-card-btn') as HTMLButtonElement).click();
    document.getElementById('msg')!.textContent = 'Lecture de la carte Vitale impossible.';
    await wait(400);
    const host = document.querySelector(NOTE_TAG);
    expect(host?.getAttribute('data-vitale-note')).toBe('card-error');
    expect(host?.shadowRoot?.textContent).toContain('ATSAM (service SrvSvCnam, Cryptolib CPS) est probablement absent ou à mettre à jour');
    expect(outputs.at(-1)?.findings[0]?.ruleId).toBe('vitale.atsam-and-extension');
    controller.abort();
    expect(document.querySelector(NOTE_TAG)).toBeNull();
  });

  it('sick-leave page without the carte Vitale button: no detection until the button appears', async () => {
    document.body.innerHTML = '<form><label for="d">Date de début</label><input id="d"></form>';
    const div = document.createElement('div');
    div.id = ANNOUNCE_DIV_ID;
    div.textContent = '2.1.0';
    document.body.append(div);
    const saved: unknown[] = [];
    const { outputs, controller } = runFeature({ setVitaleStatus: (x: unknown) => void saved.push(x) }, 'aat');
    await wait(400);
    expect(saved).toHaveLength(0); // the extension's div was not even read
    expect(outputs.at(-1)).toEqual({ findings: [], cannotCheck: [] });
    const widget = document.createElement('div');
    widget.innerHTML = '<button id="patientLogin-form-vital-card-btn">Lire la carte Vitale</button>';
    document.body.append(widget);
    await wait(400);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ extension: 'present', extensionVersion: '2.1.0' });
    controller.abort();
  });
});
