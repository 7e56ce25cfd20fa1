import type { Worker } from '@playwright/test';

/**
 * Every record of a store of the extension's IndexedDB, evaluated in an extension context (self-contained: it is
 * sent to the browser as text). Never creates the database nor keeps it open: a database that does not exist yet
 * (the extension has not written anything) or a store it does not have reads as empty, and the extension's own
 * upgrade is not blocked.
 */
export function readStoreInExtension(name: string): Promise<any[]> {
  return new Promise<any[]>((resolve, reject) => {
    const open = indexedDB.open('compagnon-amelipro');
    // No database yet: cancel the creation this open would make (onerror then fires with an AbortError).
    open.onupgradeneeded = () => open.transaction!.abort();
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(name)) {
        db.close();
        resolve([]);
        return;
      }
      const req = db.transaction(name, 'readonly').objectStore(name).getAll();
      req.onsuccess = () => {
        db.close();
        resolve(req.result);
      };
      req.onerror = () => {
        db.close();
        reject(req.error);
      };
    };
  });
}

/** Reads a store of the extension's IndexedDB from the service worker (the storage owner). */
export async function readStore(sw: Worker, store: string): Promise<any[]> {
  return sw.evaluate(readStoreInExtension, store);
}
