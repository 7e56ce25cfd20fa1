/** storage.session keys the background writes and the extension pages listen to (pushed state, never polled). */

/** A tab's state, as its content script computed it (written by the background from a validated message). */
export const tabSessionKey = (tabId: number) => `tab:${tabId}`;
/** Changed by the background whenever the kept declaration deadlines change. */
export const DEADLINES_CHANGED_KEY = 'deadlines-changed';
