/**
 * Whether a side panel of the extension is open, as the background says (lib/background/side-panels.ts): in its
 * answer to each tab state, and by a "side-panel" message when the first panel opens or the last one closes. The
 * features read what only the panel shows (the points and payments of «Ma Convention») only while one is open.
 * Only the extension speaks here: a page's script cannot send runtime messages, and a message from another tab's
 * content script is ignored.
 */
import { browser } from 'wxt/browser';
import { onMessage } from '../../lib/ext/messaging';
import type { SidePanelPresence } from '../../lib/features/types';
import type { ContentLife } from './life';

type Sender = { id?: string; tab?: unknown };

export interface SidePanelWatch extends SidePanelPresence {
  /** Takes the background's answer to a tab state (`{ ok: true, sidePanel: boolean }`); anything else is ignored. */
  heard(answer: unknown): void;
}

/** `open` from a message or an answer, when it says so plainly (checked by hand: no validator in the content script). */
function openOf(raw: unknown, key: 'open' | 'sidePanel'): boolean | undefined {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
  return typeof value === 'boolean' ? value : undefined;
}

export function createSidePanelWatch(): SidePanelWatch & { receive(raw: unknown, sender: Sender): Promise<unknown> | undefined } {
  let open = false;
  const listeners = new Set<() => void>();
  const set = (next: boolean | undefined) => {
    if (next === undefined || next === open) return;
    open = next;
    for (const fn of [...listeners]) {
      try {
        fn();
      } catch {
        // a feature's failure is its own (the manager is told through runWatched): the others still hear
      }
    }
  };
  return {
    isOpen: () => open,
    onChange(signal, fn) {
      if (signal.aborted) return;
      listeners.add(fn);
      signal.addEventListener('abort', () => listeners.delete(fn));
    },
    heard: (answer) => set(openOf(answer, 'sidePanel')),
    /** The background's "side-panel" message (it has no tab); another sender's is not taken. */
    receive(raw, sender) {
      if (!sender || sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
      if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== 'side-panel') return undefined;
      set(openOf(raw, 'open'));
      return Promise.resolve(true);
    },
  };
}

/** The page's watch, listening to the background until the script ends. */
export function startSidePanelWatch(ctx: Pick<ContentLife, 'onInvalidated'>): SidePanelWatch {
  const watch = createSidePanelWatch();
  ctx.onInvalidated(onMessage((raw: unknown, sender: Sender) => watch.receive(raw, sender)));
  return watch;
}
