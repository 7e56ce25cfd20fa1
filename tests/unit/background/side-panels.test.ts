/**
 * The background knows whether a side panel is open: by the port each panel connects, and after the worker was
 * stopped (its ports gone) by the panel documents the browser lists. It says so when the first panel opens and
 * when the last one closes, and only an extension page's port counts.
 */
import { describe, expect, it } from 'vitest';
import { type PanelRuntime, trackSidePanels } from '../../../lib/background/side-panels';
import { SIDE_PANEL_PORT } from '../../../lib/side-panel';

const ID = 'compagnon-test-id';
const BASE = `chrome-extension://${ID}/`;
const flush = () => new Promise((r) => setTimeout(r, 0));

function fakeRuntime(documents: Array<{ documentUrl: string; documentId?: string }> | null = null) {
  const connectListeners: Array<(port: Parameters<Parameters<NonNullable<PanelRuntime['onConnect']>['addListener']>[0]>[0]) => void> = [];
  const runtime: PanelRuntime = {
    id: ID,
    getURL: (path) => BASE + path.replace(/^\//, ''),
    onConnect: { addListener: (fn) => void connectListeners.push(fn) },
    ...(documents ? { getContexts: async () => documents } : {}),
  };
  /** Connects a port as `url` would; returns its disconnection. */
  const connect = (url: string, opts: { name?: string; id?: string; documentId?: string } = {}) => {
    const gone: Array<() => void> = [];
    const port = {
      name: opts.name ?? SIDE_PANEL_PORT,
      sender: { id: opts.id ?? ID, url, ...(opts.documentId ? { documentId: opts.documentId } : {}) },
      onDisconnect: { addListener: (fn: () => void) => void gone.push(fn) },
    };
    for (const l of connectListeners) l(port);
    return () => {
      for (const fn of gone) fn();
    };
  };
  return { runtime, connect };
}

describe('side panels (background)', () => {
  it('says open when the first panel connects and closed when the last one goes', async () => {
    const { runtime, connect } = fakeRuntime();
    const said: boolean[] = [];
    const panels = trackSidePanels(runtime, (open) => said.push(open));
    expect(await panels.isOpen()).toBe(false);
    const closeA = connect(`${BASE}sidepanel.html`);
    const closeB = connect(`${BASE}sidepanel.html?tabId=4`);
    expect(said).toEqual([true]);
    expect(await panels.isOpen()).toBe(true);
    closeA();
    await flush();
    expect(said).toEqual([true]);
    expect(await panels.isOpen()).toBe(true);
    closeB();
    await flush();
    expect(said).toEqual([true, false]);
    expect(await panels.isOpen()).toBe(false);
  });

  it('a port from a page, another name or another extension does not count', async () => {
    const { runtime, connect } = fakeRuntime();
    const said: boolean[] = [];
    const panels = trackSidePanels(runtime, (open) => said.push(open));
    connect('https://convention2.ameli.fr/ma-convention/');
    connect(`${BASE}sidepanel.html`, { name: 'other' });
    connect(`${BASE}sidepanel.html`, { id: 'someone-else' });
    expect(said).toEqual([]);
    expect(await panels.isOpen()).toBe(false);
  });

  it('after a restart (no port), a panel document the browser lists is open; the closing one is not counted', async () => {
    const documents: Array<{ documentUrl: string; documentId?: string }> = [{ documentUrl: `${BASE}sidepanel.html`, documentId: 'doc-1' }];
    const { runtime, connect } = fakeRuntime(documents);
    const said: boolean[] = [];
    const panels = trackSidePanels(runtime, (open) => said.push(open));
    expect(await panels.isOpen()).toBe(true);
    const close = connect(`${BASE}sidepanel.html`, { documentId: 'doc-1' });
    // the browser still lists the closing panel when its port goes: it is not counted
    close();
    await flush();
    expect(said).toEqual([true, false]);
    // another panel still listed: still open, nothing said
    documents.push({ documentUrl: `${BASE}sidepanel.html`, documentId: 'doc-2' });
    const closeAgain = connect(`${BASE}sidepanel.html`, { documentId: 'doc-1' });
    closeAgain();
    await flush();
    expect(said).toEqual([true, false, true]);
    expect(await panels.isOpen()).toBe(true);
    // the popup, the options page or a rule's help alone (no indicators) is no panel
    documents.splice(
      0,
      documents.length,
      { documentUrl: `${BASE}popup.html` },
      { documentUrl: `${BASE}options.html` },
      { documentUrl: `${BASE}sidepanel.html?help=aat.secured-cerfa` },
    );
    expect(await panels.isOpen()).toBe(false);
  });

  it('a browser whose getContexts fails: the ports alone decide', async () => {
    const { runtime, connect } = fakeRuntime();
    runtime.getContexts = async () => {
      throw new Error('not supported');
    };
    const said: boolean[] = [];
    const panels = trackSidePanels(runtime, (open) => said.push(open));
    expect(await panels.isOpen()).toBe(false);
    const close = connect(`${BASE}sidepanel.html`);
    expect(await panels.isOpen()).toBe(true);
    close();
    await flush();
    expect(said).toEqual([true, false]);
  });
});
