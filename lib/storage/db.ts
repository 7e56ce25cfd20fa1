/**
 * One lazily opened connection per context, that never blocks other contexts:
 * - `versionchange` (another context upgrades or deletes the database): close at once, reopen on next use;
 * - `blocked` (an older connection elsewhere does not close): report through `onBlocked`, and give up after
 *   `blockedTimeoutMs` with a typed `blocked` error instead of hanging;
 * - `close` (browser closed it abnormally): reopen on next use.
 */
import { wrap } from 'idb';
import { CURRENT_VERSION, runMigrations, type UpgradeDb, type UpgradeTx } from './migrations';
import { DB_NAME } from './schema';
import { MESSAGES, StorageFailure } from './result';

export type { Db } from './schema';
import type { Db } from './schema';

export interface ConnectionOptions {
  /** Defaults to the global `indexedDB` (the extension origin's when called from an extension context). */
  factory?: IDBFactory;
  name?: string;
  /** Defaults to the current schema version; tests open older versions to load fixtures. */
  version?: number;
  blockedTimeoutMs?: number;
  onBlocked?: (info: { currentVersion: number; requestedVersion: number | null }) => void;
  now?: () => Date;
}

export class StorageConnection {
  readonly factory: IDBFactory;
  readonly name: string;
  readonly version: number;
  private readonly blockedTimeoutMs: number;
  private current: Promise<Db> | null = null;
  private raw: IDBDatabase | null = null;
  /** How many times a connection was opened (tests check the lazy reopen). */
  opens = 0;

  constructor(private readonly opts: ConnectionOptions = {}) {
    const factory = opts.factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (!factory) throw new StorageFailure('unavailable', MESSAGES.unavailable);
    this.factory = factory;
    this.name = opts.name ?? DB_NAME;
    this.version = opts.version ?? CURRENT_VERSION;
    this.blockedTimeoutMs = opts.blockedTimeoutMs ?? 10_000;
  }

  get(): Promise<Db> {
    if (!this.current) {
      const p = this.open();
      this.current = p;
      p.catch(() => {
        if (this.current === p) this.current = null;
      });
    }
    return this.current;
  }

  close(): void {
    this.raw?.close();
    this.raw = null;
    this.current = null;
  }

  private open(): Promise<Db> {
    this.opens++;
    const now = (this.opts.now ?? (() => new Date()))().toISOString();
    return new Promise<Db>((resolve, reject) => {
      let settled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let upgradeError: unknown = null;
      const req = this.factory.open(this.name, this.version);
      req.onupgradeneeded = (ev) => {
        const tx = req.transaction!;
        // biome-ignore lint/plugin: idb's wrap() types every transaction as readonly; this one is the upgrade's
        const wtx = wrap(tx) as unknown as UpgradeTx;
        wtx.done.catch(() => {}); // a failed upgrade is reported through the open request's error
        runMigrations(wrap(req.result) as UpgradeDb, wtx, ev.oldVersion, ev.newVersion ?? this.version, now).catch((err: unknown) => {
          upgradeError = err;
          try {
            tx.abort();
          } catch {
            /* already finished */
          }
        });
      };
      req.onblocked = (ev) => {
        this.opts.onBlocked?.({ currentVersion: ev.oldVersion, requestedVersion: ev.newVersion });
        if (timer === undefined) {
          timer = setTimeout(() => {
            if (settled) return;
            settled = true;
            reject(new StorageFailure('blocked', MESSAGES.blocked));
          }, this.blockedTimeoutMs);
        }
      };
      req.onsuccess = () => {
        const raw = req.result;
        if (timer !== undefined) clearTimeout(timer);
        if (settled) {
          // We gave up waiting (blocked); the upgrade happened anyway. Do not keep a connection nobody tracks.
          raw.close();
          return;
        }
        settled = true;
        const forget = () => {
          raw.close();
          if (this.raw === raw) {
            this.raw = null;
            this.current = null;
          }
        };
        raw.onversionchange = forget;
        raw.onclose = forget;
        this.raw = raw;
        resolve(wrap(raw) as Db);
      };
      req.onerror = () => {
        if (timer !== undefined) clearTimeout(timer);
        if (settled) return;
        settled = true;
        reject(upgradeError ?? req.error ?? new StorageFailure('unknown', 'Ouverture de la base impossible.'));
      };
    });
  }
}
