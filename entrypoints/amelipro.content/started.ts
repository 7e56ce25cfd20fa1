/**
 * What WXT's content-script wrapper constructs and passes to `main` (index.ts), in place of WXT's
 * ContentScriptContext (wxt.config.ts `ownScriptContext`). `main` does not use it (life.ts says why: the page could
 * end it), so only what it did at start-up stays: announcing this copy of the script with the document event an
 * older copy (from before the extension was updated or reloaded) listens to, which makes that copy look whether its
 * extension is still there (ContentLife).
 */
import { browser } from 'wxt/browser';
import { scriptStartedEvent } from './life';

export class ContentScriptContext {
  constructor() {
    const id = browser.runtime?.id;
    if (id) document.dispatchEvent(new CustomEvent(scriptStartedEvent(id)));
  }
}
