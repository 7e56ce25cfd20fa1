import { describe, expect, it, vi } from 'vitest';
import { toListener } from '../../../lib/ext/messaging';

describe('toListener (portable asynchronous answers, no polyfill)', () => {
  it('leaves messages that are not its own to other listeners', () => {
    const send = vi.fn();
    expect(toListener(() => undefined)({ type: 'x' }, {}, send)).toBe(false);
    expect(send).not.toHaveBeenCalled();
  });

  it('keeps the channel open and answers through sendResponse', async () => {
    const send = vi.fn();
    expect(toListener(async (m) => ({ echo: m }))('hi', {}, send)).toBe(true);
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith({ echo: 'hi' }));
  });

  it('answers undefined when the handler rejects, and does not take the message when it throws', async () => {
    const send = vi.fn();
    expect(toListener(() => Promise.reject(new Error('boom')))('m', {}, send)).toBe(true);
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith(undefined));
    const send2 = vi.fn();
    expect(
      toListener(() => {
        throw new Error('boom');
      })('m', {}, send2),
    ).toBe(false);
    expect(send2).not.toHaveBeenCalled();
  });

  it('passes the sender through', async () => {
    const seen: unknown[] = [];
    const send = vi.fn();
    toListener((_m, sender) => {
      seen.push(sender);
      return Promise.resolve(1);
    })('m', { id: 'ext' }, send);
    expect(seen).toEqual([{ id: 'ext' }]);
  });
});
