/**
 * `runtime.onMessage` listeners that answer asynchronously. webextension-polyfill (`wxt/browser`, see
 * wxt.config.ts) lets a listener return a Promise of its answer in Chromium as Firefox does natively; what stays
 * here is the extension's own rule for failures.
 *
 * A handler returns `undefined` for messages that are not its own (another listener may answer them), or a
 * Promise of the answer. A handler that rejects answers `undefined`, which every caller in the extension reads as
 * "unavailable" (the sender's promise never hangs, and no error text crosses to another context); one that
 * throws does not take the message.
 */
import { browser } from 'wxt/browser';

export type MessageHandler<S> = (message: unknown, sender: S) => Promise<unknown> | undefined;

type Listener = (message: unknown, sender: unknown) => Promise<unknown> | undefined;

/** The listener to register with `runtime.onMessage` for `handler` (exported for the tests). */
export function toListener<S>(handler: MessageHandler<S>): Listener {
  return (message, sender) => {
    try {
      return handler(message, sender as S)?.catch(() => undefined);
    } catch {
      return undefined;
    }
  };
}

/** Registers `handler` on `runtime.onMessage`; returns the function that removes it. */
export function onMessage<S>(handler: MessageHandler<S>): () => void {
  const listener = toListener(handler) as Parameters<typeof browser.runtime.onMessage.addListener>[0];
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
