/**
 * `runtime.onMessage` listeners that answer asynchronously, written once for both browsers without the
 * webextension-polyfill: Chrome ignores a Promise returned by a listener, Firefox accepts both forms; the
 * portable form is `sendResponse` plus `return true`, which is what this helper does.
 *
 * A handler returns `undefined` for messages that are not its own (another listener may answer them), or a
 * Promise of the answer. A handler that throws or rejects answers `undefined`, which every caller in the
 * extension reads as "unavailable" (the sender's promise never hangs).
 */
import { browser } from 'wxt/browser';

export type MessageHandler<S> = (message: unknown, sender: S) => Promise<unknown> | undefined;

type RawListener = (message: unknown, sender: unknown, sendResponse: (answer?: unknown) => void) => boolean;

/** The listener to register with `runtime.onMessage` for `handler` (exported for the tests). */
export function toListener<S>(handler: MessageHandler<S>): RawListener {
  return (message, sender, sendResponse) => {
    let answer: Promise<unknown> | undefined;
    try {
      answer = handler(message, sender as S);
    } catch {
      return false;
    }
    if (answer === undefined) return false;
    answer.then(
      (value) => sendResponse(value),
      () => sendResponse(undefined),
    );
    return true;
  };
}

/** Registers `handler` on `runtime.onMessage`; returns the function that removes it. */
export function onMessage<S>(handler: MessageHandler<S>): () => void {
  const listener = toListener(handler) as unknown as Parameters<typeof browser.runtime.onMessage.addListener>[0];
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
