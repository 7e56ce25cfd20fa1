/**
 * @vitest-environment-options {"url": "https://espacepro.ameli.fr/page-accueil-ihm/"}
 *
 * The content script reads the portal header's profession only when the extension asks (the background, for the
 * popup, welcome page or options), answers only the extension itself, and sends the recognised value, never text.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startHeaderChannel } from '../../../entrypoints/amelipro.content/header-channel';
import { ask, deliver } from '../helpers/runtime';

const OWN = fakeBrowser.runtime.id;

describe('header channel (content script)', () => {
  let stops: (() => void)[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    stops = [];
    startHeaderChannel({
      onInvalidated: (cb) => {
        stops.push(cb);
        return () => {};
      },
    });
    document.body.innerHTML = '<header><p>Dr Jeanne FICTIVE</p><p>Psychiatrie</p></header><main><h1>Accueil</h1></main>';
  });
  afterEach(() => {
    for (const stop of stops) stop();
    document.body.replaceChildren();
  });

  it('answers the background with the profession the header names at the time it is asked', async () => {
    expect(await ask({ type: 'portal-profession' }, { id: OWN })).toEqual({ profession: { profession: 'medecin-specialiste', specialty: 'psychiatrie' } });
    // rendered later (a single-page app): read as it is when asked, not as it was at load
    document.querySelector('header')!.innerHTML = '<p>Pharmacien titulaire</p>';
    expect(await ask({ type: 'portal-profession' }, { id: OWN })).toEqual({ profession: { profession: 'pharmacien', specialty: null } });
    document.querySelector('header')!.innerHTML = '<p>Dr Jeanne FICTIVE</p>';
    expect(await ask({ type: 'portal-profession' }, { id: OWN })).toEqual({ profession: null });
  });

  it('takes no message from another tab’s script or another extension, nor any other message', async () => {
    expect(await deliver({ type: 'portal-profession' }, { id: OWN, tab: { id: 4 } })).toEqual({ answered: false });
    expect(await deliver({ type: 'portal-profession' }, { id: 'another-extension' })).toEqual({ answered: false });
    expect(await deliver({ type: 'tab-state' }, { id: OWN })).toEqual({ answered: false });
    expect(await deliver(null, { id: OWN })).toEqual({ answered: false });
  });

  it('stops answering once the script is invalidated', async () => {
    for (const stop of stops) stop();
    expect(await deliver({ type: 'portal-profession' }, { id: OWN })).toEqual({ answered: false });
  });
});
