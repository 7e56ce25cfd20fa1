import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { launchWithExtension, type Launched } from './harness';

type Fixtures = {
  launched: Launched;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Opens an extension page (popup.html, sidepanel.html, options.html) in a tab. */
  openExtensionPage: (file: string) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern; it needs none
  launched: async ({}, use) => {
    const launched = await launchWithExtension();
    await use(launched);
    await launched.close();
  },
  context: async ({ launched }, use) => use(launched.context),
  extensionId: async ({ launched }, use) => use(launched.extensionId),
  serviceWorker: async ({ launched }, use) => use(launched.serviceWorker),
  openExtensionPage: async ({ launched }, use) => {
    await use(async (file) => {
      const page = await launched.context.newPage();
      await page.goto(`chrome-extension://${launched.extensionId}/${file}`);
      return page;
    });
  },
});

export { expect };
