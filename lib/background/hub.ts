import { browser } from 'wxt/browser';

export function startBackground(): void {
  browser.runtime.onInstalled.addListener(() => {});
}
