/**
 * The clicks and changes made while the content script's module loads: the loader keeps them
 * (entrypoints/amelipro.content/early.ts) and the features read them in their first run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { recordEarlyEvents } from '../../../entrypoints/amelipro.content/early';
import { aatFeature } from '../../../lib/features/aat';
import { FeatureManager, type ManagerState } from '../../../lib/features/manager';
import type { UserEvent } from '../../../lib/features/user-events';
import { PAGES, snapshotHtml } from '../reliability/snapshots';

describe('recordEarlyEvents', () => {
  afterEach(() => document.body.replaceChildren());

  it('keeps clicks and changes (a file input with its selection) until taken, then stops', () => {
    const button = document.createElement('button');
    const file = document.createElement('input');
    file.type = 'file';
    Object.defineProperty(file, 'files', { value: [{ name: 'photo.heic', size: 1200 }] });
    document.body.append(button, file);
    const early = recordEarlyEvents(document);
    button.click();
    file.dispatchEvent(new Event('change', { bubbles: true }));
    document.body.dispatchEvent(new Event('input', { bubbles: true })); // not kept
    const taken = early.take();
    expect(taken.map((e) => e.type)).toEqual(['click', 'change']);
    expect(taken[0]!.target).toBe(button);
    expect(taken[1]!.files).toEqual([{ name: 'photo.heic', size: 1200 }]);
    button.click();
    expect(early.take()).toEqual([]); // stopped, and given once
  });

  it('keeps at most 50', () => {
    const button = document.createElement('button');
    document.body.append(button);
    const early = recordEarlyEvents(document);
    for (let i = 0; i < 80; i++) button.click();
    expect(early.take()).toHaveLength(50);
  });
});

describe('a feature reads the early events in its first run', () => {
  function startAat(earlyEvents: UserEvent[]): ManagerState {
    let state: ManagerState | null = null;
    const m = new FeatureManager({ features: [aatFeature], onChange: (s) => (state = s) });
    m.start({
      page: 'aat',
      url: new URL(PAGES.find((p) => p.id === 'aat')!.url),
      doc: document,
      date: '2026-11-28',
      profile: { profession: 'medecin-generaliste' },
      lang: 'fr',
      services: {},
      earlyEvents,
    });
    const out = state ?? m.state();
    m.stop();
    return out;
  }

  it('"Imprimer le Cerfa" clicked before the features listened: the paper notice is checked all the same', () => {
    const parsed = new DOMParser().parseFromString(snapshotHtml('aat'), 'text/html');
    document.body.replaceWith(document.importNode(parsed.body, true));
    const early = recordEarlyEvents(document);
    document.getElementById('aat-imprimer-cerfa-btn')!.click();
    const ids = (s: ManagerState) => s.findings.map((f) => f.ruleId);
    expect(ids(startAat(early.take()))).toContain('aat.secured-cerfa');
    // control: the same page without that click says nothing of the paper Cerfa
    expect(ids(startAat([]))).not.toContain('aat.secured-cerfa');
  });
});
