/**
 * The loader's start-up announcement (entrypoints/amelipro.content/started.ts, what WXT's wrapper builds in place of
 * its own context): an older copy of the script looks whether its extension is still there, and stops only if not.
 */
import { describe, expect, it } from 'vitest';
import { ContentLife } from '../../../entrypoints/amelipro.content/life';
import { ContentScriptContext } from '../../../entrypoints/amelipro.content/started';

describe('a new copy of the content script starting', () => {
  it('makes an older copy check its extension: it stops when the extension is gone, goes on while it is there', () => {
    let alive = true;
    let checks = 0;
    const older = new ContentLife(document, () => {
      checks++;
      return alive;
    });
    new ContentScriptContext();
    expect(checks).toBe(1);
    expect(older.signal.aborted).toBe(false);
    alive = false;
    new ContentScriptContext();
    expect(checks).toBe(2);
    expect(older.signal.aborted).toBe(true);
  });
});
