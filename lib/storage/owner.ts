/**
 * The single owner of the extension's IndexedDB: runs in the background service worker (extension origin).
 * Content scripts live in the portal's origin and never open IndexedDB; extension pages do not write it
 * directly either: everyone sends runtime messages here, so there is exactly one writer. Reads go through the
 * owner too, because a read can move an invalid record to the quarantine (a write).
 */
import { browser } from 'wxt/browser';
import { onMessage } from '../ext/messaging';
import { createStorageClient, type StorageClient, type StorageTransport } from './client';
import { dispatchStorageRequest, type RequestOrigin } from './dispatch';
import { isStorageMessage } from './protocol';
import { MESSAGES, type StorageResult } from './result';
import { createStorageService, type ServiceOptions, type StorageService } from './service';

/** The part of `runtime.MessageSender` the owner looks at. */
export interface StorageMessageSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export interface OwnerRuntime {
  id: string;
  getURL(path: string): string;
}

/** True when the sender is one of this extension's own pages (popup, side panel, options), not a content script. */
export function isExtensionPage(sender: StorageMessageSender, runtime: Pick<OwnerRuntime, 'getURL'>): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(runtime.getURL('/'));
}

/**
 * Builds the `runtime.onMessage` listener. Returns `undefined` for messages that are not for storage, so other
 * listeners of the hub can answer them; a Promise of the result otherwise.
 */
export function createStorageMessageHandler(service: StorageService, runtime: OwnerRuntime) {
  return (message: unknown, sender: StorageMessageSender): Promise<StorageResult<unknown>> | undefined => {
    if (!isStorageMessage(message)) return undefined;
    if (!sender || sender.id !== runtime.id) {
      return Promise.resolve({ ok: false, error: { code: 'forbidden', message: MESSAGES.forbidden } });
    }
    const origin: RequestOrigin = isExtensionPage(sender, runtime) ? 'extension-page' : 'content-script';
    return dispatchStorageRequest(service, message, origin);
  };
}

/**
 * Calls a service in the same context (the background's own code, tests), through the same request validation;
 * `origin` 'content-script' for what the background relays from a page (the content script's narrow rules apply).
 */
export function serviceTransport(service: StorageService, origin: RequestOrigin = 'background'): StorageTransport {
  return (request) => dispatchStorageRequest(service, request, origin);
}

export interface StorageOwner {
  service: StorageService;
  /** For code running in the background itself (it cannot message itself). */
  client: StorageClient;
  /** For what the background relays from a content script (e.g. snapshots sent with a tab state): its rules apply. */
  contentClient: StorageClient;
  unregister(): void;
}

/** Installs the storage owner in the background. Call once, from `startBackground`. */
export function registerStorageOwner(opts: ServiceOptions & { service?: StorageService } = {}): StorageOwner {
  const service = opts.service ?? createStorageService(opts);
  const unregister = onMessage(createStorageMessageHandler(service, browser.runtime));
  return {
    service,
    client: createStorageClient(serviceTransport(service)),
    contentClient: createStorageClient(serviceTransport(service, 'content-script')),
    unregister,
  };
}
