/**
 * The content script's lifetime, in place of WXT's ContentScriptContext, which the page can end: WXT stops an
 * older copy of a script when a document event named `<extension id>:<script>:wxt:content-script-started`
 * arrives, and a page's own script can dispatch that event (the extension ids are public). The checks would stop,
 * the overlay go, and nothing say so.
 *
 * Here only the extension itself ends the script: when it is reloaded, updated or removed, this copy's
 * `browser.runtime.id` becomes undefined (and its messages throw "Extension context invalidated"). That is checked
 * when the "script started" event arrives (a newer copy only starts after such a reload), on each navigation or
 * document change the script watches, and when a message to the background fails. Whatever the page sends, the
 * script goes on while its extension is there.
 */
import { browser } from 'wxt/browser';

/** The event WXT's context listens to (wxt/utils/content-script-context: `getUniqueEventName`). */
export const scriptStartedEvent = (id: string) => `${id}:amelipro:wxt:content-script-started`;

/** True while this copy of the script still belongs to a loaded extension. */
export function extensionAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}

export class ContentLife {
  private readonly controller = new AbortController();
  private lastUrl = location.href;
  private readonly locationListeners = new Set<() => void>();

  constructor(
    doc: Document = document,
    private readonly alive: () => boolean = extensionAlive,
  ) {
    const id = browser.runtime?.id;
    // the page may send it: it only makes the script look whether its extension is still there
    if (id) doc.addEventListener(scriptStartedEvent(id), () => this.check(), { capture: true, signal: this.signal });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** False once the extension that injected this script is gone (checked now). */
  get isValid(): boolean {
    return this.check();
  }

  /** Ends the script if its extension is gone; says whether it still runs. */
  check(): boolean {
    if (!this.signal.aborted && !this.alive()) this.controller.abort('extension reloaded or removed');
    return !this.signal.aborted;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  addEventListener(target: EventTarget, type: string, handler: (e: Event) => void, options: AddEventListenerOptions = {}): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  /**
   * Calls `fn` after each in-page navigation (pushState, replaceState, back and forward): the Navigation API's
   * "navigate" event where the browser has it (sent when the navigation starts, before `location` changes: `fn`
   * then runs in the next task), else a look at the address every second.
   */
  onLocationChange(fn: () => void): void {
    const first = this.locationListeners.size === 0;
    this.locationListeners.add(fn);
    if (!first) return;
    const changed = (url: string) => {
      if (url === this.lastUrl) return;
      this.lastUrl = url;
      for (const f of this.locationListeners) f();
    };
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    if (typeof nav?.addEventListener === 'function') {
      this.addEventListener(nav, 'navigate', (e) => {
        const url = (e as Event & { destination?: { url?: string } }).destination?.url;
        if (typeof url === 'string') changed(url);
      });
    } else {
      const timer = setInterval(() => changed(location.href), 1000);
      this.onInvalidated(() => clearInterval(timer));
    }
  }
}
