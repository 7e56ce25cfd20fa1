/**
 * Delivers a message to every `runtime.onMessage` listener of fake-browser the way a real runtime does with
 * webextension-polyfill: a listener takes a message by returning a Promise of its answer (returning anything else
 * leaves it to the others); the first listener to take it answers. Resolves with `{ answered: false }` when no
 * listener took the message.
 *
 * fake-browser's `trigger` awaits what the listeners return, which hides whether one returned a Promise of
 * `undefined` (an answer) or `undefined` (no answer): the listeners are wrapped when added to see their own returns.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

export type Delivery = { answered: true; value: unknown } | { answered: false };

type Listener = (...args: unknown[]) => unknown;
const event = fakeBrowser.runtime.onMessage as unknown as {
  addListener(l: Listener): void;
  removeListener(l: Listener): void;
  hasListener(l: Listener): boolean;
};
let seen: unknown[] | null = null;
const wrapped = new WeakMap<Listener, Listener>();
const { addListener, removeListener, hasListener } = event;
event.addListener = (l) => {
  const w: Listener = (...args) => {
    const r = l(...args);
    seen?.push(r);
    return r;
  };
  wrapped.set(l, w);
  addListener.call(event, w);
};
event.removeListener = (l) => removeListener.call(event, wrapped.get(l) ?? l);
event.hasListener = (l) => hasListener.call(event, wrapped.get(l) ?? l);

const isThenable = (v: unknown): v is Promise<unknown> => typeof (v as { then?: unknown } | null)?.then === 'function';

export async function deliver(message: unknown, sender: object): Promise<Delivery> {
  const returns: unknown[] = [];
  seen = returns;
  const done = fakeBrowser.runtime.onMessage.trigger(message, sender as never, (() => {}) as never);
  seen = null;
  await done;
  const answer = returns.find(isThenable);
  return answer ? { answered: true, value: await answer } : { answered: false };
}

/** The answer to `message`, or undefined when no listener answered. */
export async function ask(message: unknown, sender: object): Promise<unknown> {
  const d = await deliver(message, sender);
  return d.answered ? d.value : undefined;
}
