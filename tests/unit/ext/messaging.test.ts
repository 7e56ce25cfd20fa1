import { describe, expect, it } from 'vitest';
import { toListener } from '../../../lib/ext/messaging';

describe('toListener (promise-returning listeners, webextension-polyfill in Chromium)', () => {
  it('leaves messages that are not its own to other listeners', () => {
    expect(toListener(() => undefined)({ type: 'x' }, {})).toBeUndefined();
  });

  it('answers with a Promise of the answer', async () => {
    const answer = toListener(async (m) => ({ echo: m }))('hi', {});
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toEqual({ echo: 'hi' });
  });

  it('answers undefined when the handler rejects (no error text to the sender), and does not take the message when it throws', async () => {
    const answer = toListener(() => Promise.reject(new Error('boom')))('m', {});
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toBeUndefined();
    expect(
      toListener(() => {
        throw new Error('boom');
      })('m', {}),
    ).toBeUndefined();
  });

  it('passes the sender through', async () => {
    const seen: unknown[] = [];
    await toListener((_m, sender) => {
      seen.push(sender);
      return Promise.resolve(1);
    })('m', { id: 'ext' });
    expect(seen).toEqual([{ id: 'ext' }]);
  });
});
