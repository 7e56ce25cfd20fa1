/**
 * Every runtime-message listener answers this extension only: a message whose sender is another extension (or
 * has no id) gets no answer and changes nothing. (Chrome delivers other extensions' messages to
 * onMessageExternal, which is never listened to; these checks are the second line.)
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import { startBackground } from '../../../lib/background/hub';
import { SIDE_PANEL_PORT } from '../../../lib/side-panel';
import { createStorageMessageHandler } from '../../../lib/storage/owner';
import { createStorageService } from '../../../lib/storage/service';
import { handleVitaleMessage, resetVitaleChannel } from '../../../lib/vitale/channel';
import { ask, deliver } from '../helpers/runtime';

const OWN = fakeBrowser.runtime.id;
const STRANGERS = [
  { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/sw.js' },
  { id: 'other@example.org', tab: { id: 4 }, url: 'https://espacepro.ameli.fr/aat/' },
  { url: 'https://espacepro.ameli.fr/aat/', tab: { id: 4 } },
  {},
];
const tabState = {
  page: 'aat',
  findings: [{ ruleId: 'aat.duration-limit', featureId: 'aat', severity: 'blocking', title: { fr: 't', en: 't' }, message: { fr: 'm', en: 'm' } }],
  cannotCheck: [],
  failed: [],
  ran: ['aat'],
  snoozed: 0,
  updatedAt: '2026-11-28T10:00:00.000Z',
};

type PortListener = (port: unknown) => void;
/** The listeners of side-panel ports the hub registers (fake-browser does not implement runtime.onConnect). */
function capturePorts(): PortListener[] {
  const listeners: PortListener[] = [];
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((fn) => void listeners.push(fn as PortListener));
  return listeners;
}

/** The background's hub, with the toolbar-button calls fake-browser does not implement answered. */
function startHub(): PortListener[] {
  const ports = capturePorts();
  vi.spyOn(fakeBrowser.sidePanel, 'setPanelBehavior').mockResolvedValue(undefined as never);
  vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined as never);
  vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined as never);
  startBackground();
  return ports;
}

describe('background hub', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('answers this extension, and nobody else', async () => {
    capturePorts();
    vi.spyOn(fakeBrowser.sidePanel, 'setPanelBehavior').mockResolvedValue(undefined as never);
    startBackground();
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined as never);
    for (const sender of STRANGERS) {
      for (const msg of [
        { type: 'tab-state', state: tabState },
        { type: 'content-failed' },
        { type: 'get-tab-state', tabId: 4 },
        { type: 'ping' },
        { type: 'open-checklist' },
      ]) {
        expect(await deliver(msg, sender), `${JSON.stringify(msg)} from ${JSON.stringify(sender)}`).toEqual({ answered: false });
      }
    }
    expect(badge).not.toHaveBeenCalled();
    // the same message from this extension's content script is answered
    expect(await ask({ type: 'ping' }, { id: OWN })).toMatchObject({ ok: true });
  });
});

describe("background hub: the day's counts that come with a tab state", () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it("counts the findings sent by this extension's content script, nothing from a stranger", async () => {
    startHub();
    const count = { ruleIds: ['aat.duration-limit', 'aat.online-preferred'], date: '2026-11-28' };
    for (const stranger of STRANGERS) await deliver({ type: 'tab-state', state: tabState, count }, stranger);
    const page = { id: OWN, url: `chrome-extension://${OWN}/options.html` };
    const counts = async () =>
      (await ask({ type: 'storage', op: 'count.list', payload: { date: '2026-11-28' } }, page)) as { ok: boolean; value: { ruleId: string; count: number }[] };
    expect((await counts()).value).toEqual([]);
    expect(await ask({ type: 'tab-state', state: tabState, count }, { id: OWN, tab: { id: 4 }, url: 'https://espacepro.ameli.fr/aat/' })).toMatchObject({
      ok: true,
    });
    await vi.waitFor(async () =>
      expect((await counts()).value.map((c) => `${c.ruleId}:${c.count}`).sort()).toEqual(['aat.duration-limit:1', 'aat.online-preferred:1']),
    );
  });
});

describe('background hub: the indicator snapshots that come with a tab state', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('saves them through the storage owner (validated there); a refused batch leaves the state in place', async () => {
    startHub();
    // a catalogue indicator, dated today (a page's snapshots are refused out of the catalogue or of the date range)
    const snapshots = [
      { indicatorId: 'donum.socle.usage-teleservices', value: 72, target: 80, asOf: new Date().toISOString().slice(0, 10), pageType: 'convention-medecin' },
    ];
    const tab = { id: OWN, tab: { id: 5 }, url: 'https://convention2.ameli.fr/ma-convention/' };
    const page = { id: OWN, url: `chrome-extension://${OWN}/sidepanel.html` };
    const latest = async () =>
      ((await ask({ type: 'storage', op: 'snapshot.latest', payload: {} }, page)) as { value: { indicatorId: string; value: number }[] }).value;
    for (const stranger of STRANGERS) await deliver({ type: 'tab-state', state: tabState, snapshots }, stranger);
    expect(await latest()).toEqual([]);
    expect(await ask({ type: 'tab-state', state: tabState, snapshots }, tab)).toMatchObject({ ok: true });
    await vi.waitFor(async () => expect((await latest()).map((s) => `${s.indicatorId}:${s.value}`)).toEqual(['donum.socle.usage-teleservices:72']));
    // a snapshot the owner refuses (a NIR where a value goes): nothing saved, the page's state still kept
    const bad = [{ ...snapshots[0], indicatorId: '1 84 12 75 123 456 78', value: 10 }];
    expect(await ask({ type: 'tab-state', state: { ...tabState, page: 'convention-medecin' }, snapshots: bad }, tab)).toMatchObject({ ok: true });
    expect((await ask({ type: 'get-tab-state', tabId: 5 }, { id: OWN })) as { page: string }).toMatchObject({ page: 'convention-medecin' });
    await new Promise((r) => setTimeout(r, 50));
    expect((await latest()).map((s) => `${s.indicatorId}:${s.value}`)).toEqual(['donum.socle.usage-teleservices:72']);
  });
});

describe('background hub: what a content script may learn and save', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it("a content script gets its own tab's state only; the extension's pages get any tab's", async () => {
    startHub();
    const tab = (id: number) => ({ id: OWN, tab: { id }, url: 'https://espacepro.ameli.fr/aat/' });
    expect(await ask({ type: 'tab-state', state: tabState }, tab(5))).toMatchObject({ ok: true });
    expect(await deliver({ type: 'get-tab-state', tabId: 5 }, tab(6))).toEqual({ answered: false });
    expect(await ask({ type: 'get-tab-state', tabId: 5 }, tab(5))).toMatchObject({ page: 'aat' });
    const popup = { id: OWN, url: `chrome-extension://${OWN}/popup.html` };
    expect(await ask({ type: 'get-tab-state', tabId: 5 }, popup)).toMatchObject({ page: 'aat' });
    // an extension page opened in a tab of its own is still an extension page
    expect(await ask({ type: 'get-tab-state', tabId: 5 }, { ...popup, tab: { id: 9 } })).toMatchObject({ page: 'aat' });
  });

  it('a tab state is dated by the background when it arrives, never by the page', async () => {
    startHub();
    const before = Date.now();
    // an old state's date sent by a page (or a page script) is not kept
    expect(await ask({ type: 'tab-state', state: tabState }, { id: OWN, tab: { id: 5 }, url: 'https://espacepro.ameli.fr/aat/' })).toMatchObject({ ok: true });
    const { updatedAt } = (await ask({ type: 'get-tab-state', tabId: 5 }, { id: OWN })) as { updatedAt: string };
    expect(updatedAt).not.toBe(tabState.updatedAt);
    expect(Date.parse(updatedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(updatedAt)).toBeLessThanOrEqual(Date.now());
  });

  it("snapshots sent with a tab state follow the content script's rules: an unknown tile (page text) is stored nowhere", async () => {
    startHub();
    const tab = { id: OWN, tab: { id: 5 }, url: 'https://convention2.ameli.fr/ma-convention/' };
    const planted = [
      {
        indicatorId: 'autre.jean-dupont-ne-le-12-05-1985',
        value: 1,
        target: null,
        asOf: new Date().toISOString().slice(0, 10),
        pageType: 'convention-medecin',
      },
    ];
    expect(await ask({ type: 'tab-state', state: tabState, snapshots: planted }, tab)).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 50));
    const page = { id: OWN, url: `chrome-extension://${OWN}/sidepanel.html` };
    expect(await ask({ type: 'storage', op: 'data.export', payload: {} }, page)).not.toEqual(expect.stringContaining('dupont'));
    expect(JSON.stringify(await ask({ type: 'storage', op: 'data.export', payload: {} }, page))).not.toMatch(/dupont/i);
  });
});

describe('background hub: a content script that could not start', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('keeps a state that says nothing was checked, and a red "!" on the toolbar button', async () => {
    capturePorts();
    vi.spyOn(fakeBrowser.sidePanel, 'setPanelBehavior').mockResolvedValue(undefined as never);
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined as never);
    const color = vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined as never);
    startBackground();
    const page = { id: OWN, tab: { id: 7 }, url: 'https://espacepro.ameli.fr/aat/' };
    expect(await ask({ type: 'content-failed' }, page)).toMatchObject({ ok: true });
    expect(badge).toHaveBeenCalledWith({ tabId: 7, text: '!' });
    expect(color).toHaveBeenCalledWith({ tabId: 7, color: '#b3261e' });
    const state = (await ask({ type: 'get-tab-state', tabId: 7 }, { id: OWN })) as {
      page: string;
      findings: unknown[];
      cannotCheck: { featureId: string; reason: { fr: string } }[];
    };
    expect(state.page).toBe('unknown');
    expect(state.findings).toEqual([]);
    expect(state.cannotCheck).toHaveLength(1);
    expect(state.cannotCheck[0]!.reason.fr).toMatch(/n’a pas pu démarrer sur cette page : rien n’y a été vérifié/);
    // a later state from the same tab (the page reloaded and the script started) replaces it
    expect(await ask({ type: 'tab-state', state: tabState }, page)).toMatchObject({ ok: true });
    expect(badge).toHaveBeenLastCalledWith({ tabId: 7, text: '1' });
    // not from a tab: nothing to attach it to
    expect(await deliver({ type: 'content-failed' }, { id: OWN })).toEqual({ answered: false });
  });
});

describe('background hub: whether a side panel is open', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('answers each tab state with it, and tells the amelipro tabs when the first panel opens and when the last one closes', async () => {
    const ports = startHub();
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 5 }, { id: 9 }] as never);
    const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(true as never);
    const tab = { id: OWN, tab: { id: 5 }, url: 'https://convention2.ameli.fr/ma-convention/' };
    expect(await ask({ type: 'tab-state', state: tabState }, tab)).toEqual({ ok: true, sidePanel: false });
    const gone: (() => void)[] = [];
    const port = {
      name: SIDE_PANEL_PORT,
      sender: { id: OWN, url: `chrome-extension://${OWN}/sidepanel.html` },
      onDisconnect: { addListener: (fn: () => void) => void gone.push(fn) },
    };
    for (const listener of ports) listener(port);
    await new Promise((r) => setTimeout(r, 20));
    expect(told.mock.calls).toEqual([
      [5, { type: 'side-panel', open: true }],
      [9, { type: 'side-panel', open: true }],
    ]);
    expect(await ask({ type: 'tab-state', state: tabState }, tab)).toEqual({ ok: true, sidePanel: true });
    for (const fn of gone) fn();
    await new Promise((r) => setTimeout(r, 20));
    expect(told.mock.calls.slice(2)).toEqual([
      [5, { type: 'side-panel', open: false }],
      [9, { type: 'side-panel', open: false }],
    ]);
    expect(await ask({ type: 'tab-state', state: tabState }, tab)).toEqual({ ok: true, sidePanel: false });
  });
});

describe('storage owner', () => {
  it('refuses every operation from another sender, before reading anything', async () => {
    const service = createStorageService({ factory: new IDBFactory() });
    const ops = Object.keys(service).filter((k) => k !== 'connection') as (keyof typeof service & string)[];
    expect(ops).toContain('data.export');
    const spies = ops.map((op) => vi.spyOn(service, op as never));
    const handler = createStorageMessageHandler(service, { id: OWN, getURL: (p) => `chrome-extension://${OWN}${p}` });
    for (const sender of STRANGERS) {
      for (const op of ops) {
        expect(await handler({ type: 'storage', op, payload: {} }, sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe('carte Vitale channel (content script)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    resetVitaleChannel();
  });

  it('answers only the extension pages: not other extensions, not tabs', () => {
    for (const sender of [...STRANGERS, { id: OWN, tab: { id: 4 } }]) {
      expect(handleVitaleMessage({ type: 'vitale-status' }, sender as never)).toBeUndefined();
      expect(handleVitaleMessage({ type: 'vitale-test' }, sender as never)).toBeUndefined();
    }
    expect(handleVitaleMessage({ type: 'vitale-status' }, { id: OWN })).toBeInstanceOf(Promise);
    expect(handleVitaleMessage({ type: 'storage', op: 'eraseAll' }, { id: OWN })).toBeUndefined();
    resetVitaleChannel();
  });
});
