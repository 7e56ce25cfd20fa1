/** The navigation watcher: in-page navigations and re-renders of the single-page app. */
import { onPageChange } from '../../lib/page-facts/dom';
import { detectPage } from '../../lib/pages/detect';
import type { ContentLife } from './life';

/**
 * Calls `fn` after each in-page navigation (address or hash) and, since the app may render another page without
 * changing the URL, at most every 300 ms while the document changes (its shared change feed: one observer for the
 * whole content script), until `signal` aborts. WXT sends its location change when a navigation starts (the
 * Navigation API's "navigate" event), while `location` still holds the old address: `fn` then runs in the next task.
 */
export function onNavigation(ctx: ContentLife, signal: AbortSignal, fn: () => void): void {
  // (the location listener cannot be removed before the script ends: it does nothing once `signal` aborts)
  ctx.onLocationChange(() => {
    if (!signal.aborted) setTimeout(() => signal.aborted || fn(), 0);
  });
  window.addEventListener('hashchange', fn, { signal });
  let timer: ReturnType<typeof setTimeout> | undefined;
  onPageChange(document, signal, () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      // the extension reloaded or removed: this copy stops (its overlay and checks go) instead of showing stale findings
      if (ctx.check()) fn();
    }, 300);
  });
  signal.addEventListener('abort', () => clearTimeout(timer));
}

/**
 * Resolves when the page becomes one the extension recognises (in-page navigation, or the app rendering another
 * page); never while it stays unrecognised, and never once the script is invalidated.
 */
export function recognisedPage(ctx: ContentLife): Promise<void> {
  return new Promise((resolve) => {
    const watching = new AbortController();
    ctx.onInvalidated(() => watching.abort());
    onNavigation(ctx, watching.signal, () => {
      if (detectPage(location.href, document) === 'unknown') return;
      watching.abort();
      resolve();
    });
  });
}
