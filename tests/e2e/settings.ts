import type { Page } from '@playwright/test';

/** Sets the engine's "today" (the options' reference date), from an extension page. */
export const setReferenceDate = (extensionPage: Page, referenceDate: string) =>
  extensionPage.evaluate(
    (date) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).chrome.runtime.sendMessage({
        type: 'storage',
        op: 'settings.save',
        payload: { patch: { referenceDate: date } },
      }),
    referenceDate,
  );
