/**
 * Delivers a message to every `runtime.onMessage` listener of fake-browser the way a real runtime does:
 * a listener answers through `sendResponse` (after returning `true` when it answers later); the first answer
 * wins. Resolves with `{ answered: false }` when no listener took the message.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

export type Delivery = { answered: true; value: unknown } | { answered: false };

export async function deliver(message: unknown, sender: object): Promise<Delivery> {
  let first: Delivery | null = null;
  const answered = new Promise<Delivery>((resolve) => {
    const sendResponse = (value?: unknown) => {
      if (first) return;
      first = { answered: true, value };
      resolve(first);
    };
    void fakeBrowser.runtime.onMessage.trigger(message, sender as never, sendResponse as never).then((returns) => {
      // nobody kept the channel open and nobody answered synchronously: no answer
      if (!first && !(returns as unknown[]).some((r) => r === true)) resolve({ answered: false });
    });
  });
  return answered;
}

/** The answer to `message`, or undefined when no listener answered. */
export async function ask(message: unknown, sender: object): Promise<unknown> {
  const d = await deliver(message, sender);
  return d.answered ? d.value : undefined;
}
