/**
 * The content script's side-panel watch: only the background (this extension, no tab) tells it a panel opened or
 * closed, by a message or in its answer to a tab state; it stops listening when the script ends.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSidePanelWatch } from '../../../entrypoints/amelipro.content/side-panel';
import { deliver } from '../helpers/runtime';

const OWN = fakeBrowser.runtime.id;

describe('side-panel watch (content script)', () => {
  let ended: (() => void)[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    ended = [];
  });
  const start = () =>
    startSidePanelWatch({
      onInvalidated: (cb) => {
        ended.push(cb);
        return () => {};
      },
    });

  it('follows the background, and nobody else', async () => {
    const watch = start();
    const heard: boolean[] = [];
    watch.onChange(new AbortController().signal, () => heard.push(watch.isOpen()));
    expect(watch.isOpen()).toBe(false);
    // another extension, or a content script of a tab (this one's or another's): not taken, nothing changes
    for (const sender of [{ id: 'other-extension' }, { id: OWN, tab: { id: 2 } }, {}]) {
      expect(await deliver({ type: 'side-panel', open: true }, sender)).toEqual({ answered: false });
    }
    expect(watch.isOpen()).toBe(false);
    expect(await deliver({ type: 'side-panel', open: true }, { id: OWN })).toEqual({ answered: true, value: true });
    expect(watch.isOpen()).toBe(true);
    // the same news again: no second change
    await deliver({ type: 'side-panel', open: true }, { id: OWN });
    watch.heard({ ok: true, sidePanel: false });
    expect(heard).toEqual([true, false]);
    // a listener whose signal aborted is not called
    const stop = new AbortController();
    let late = 0;
    watch.onChange(stop.signal, () => late++);
    stop.abort();
    watch.heard({ ok: true, sidePanel: true });
    expect(late).toBe(0);
    // the script ends: the message is no longer taken
    for (const end of ended) end();
    expect(await deliver({ type: 'side-panel', open: false }, { id: OWN })).toEqual({ answered: false });
    expect(watch.isOpen()).toBe(true);
  });
});
