import type { Worker } from '@playwright/test';

/** Reads every record of a store of the extension's IndexedDB, from the service worker (the storage owner). */
export async function readStore(sw: Worker, store: string): Promise<any[]> {
  return sw.evaluate(
    (name) =>
      new Promise<any[]>((resolve, reject) => {
        const open = indexedDB.open('compagnon-amelipro');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}
