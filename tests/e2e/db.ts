import type { Worker } from '@playwright/test';

/**
 * Reads every record of a store of the extension's IndexedDB, from the service worker (the storage owner).
 * Never creates the database nor keeps it open: a database that does not exist yet (the extension has not
 * written anything) or a store it does not have reads as empty, and the extension's own upgrade is not blocked.
 */
export async function readStore(sw: Worker, store: string): Promise<any[]> {
  return sw.evaluate(
    (name) =>
      new Promise<any[]>((resolve, reject) => {
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
      }),
    store,
  );
}
