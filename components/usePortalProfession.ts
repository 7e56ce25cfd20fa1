/**
 * The profession an open amelipro page's header names, for the welcome page, the options and the popup to offer
 * while no profession is saved. Asked of the background when `ask` is true (it asks the content scripts, which
 * read their header only then: lib/background/portal-profession.ts); `tabId`: the tab to ask first (the popup's).
 * The answer is validated like any message; no answer is no suggestion.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { portalProfessionAnswerSchema } from '../lib/messages';
import type { PortalProfession } from '../lib/pages/portal-profession';

export function usePortalProfession(ask: boolean, tabId?: number | null): PortalProfession | null {
  const [named, setNamed] = useState<PortalProfession | null>(null);
  useEffect(() => {
    if (!ask) return;
    let alive = true;
    const message = { type: 'find-portal-profession', ...(tabId != null ? { tabId } : {}) };
    void Promise.resolve(browser.runtime.sendMessage(message))
      .then((answer) => {
        const parsed = portalProfessionAnswerSchema.safeParse(answer);
        if (alive && parsed.success) setNamed(parsed.data.profession);
      })
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, [ask, tabId]);
  return named;
}
