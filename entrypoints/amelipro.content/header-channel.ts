/**
 * Answers the background's "portal-profession" (an extension page wants to offer the profession the portal's
 * header names, while none is saved): the header is read then, and only then. Nothing of it is read at page load,
 * and only the recognised value (lib/pages/portal-profession.ts) leaves the page.
 */
import { browser } from 'wxt/browser';
import { onMessage } from '../../lib/ext/messaging';
import { readHeader } from '../../lib/pages/portal-profession';
import type { ContentLife } from './life';

type Sender = { id?: string; tab?: unknown };

/** The answer for the extension itself (the background: no tab), never for another page's script; undefined otherwise. */
export function answerPortalProfession(raw: unknown, sender: Sender, doc: Document = document) {
  if (!sender || sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
  // One message without payload: checked by hand (no validator in the content script).
  if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== 'portal-profession') return undefined;
  return Promise.resolve({ profession: readHeader(doc) });
}

export function startHeaderChannel(ctx: Pick<ContentLife, 'onInvalidated'>): void {
  ctx.onInvalidated(onMessage((raw: unknown, sender: Sender) => answerPortalProfession(raw, sender)));
}
