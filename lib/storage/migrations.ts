/**
 * Numbered schema migrations. The list is ordered and append-only: a released migration is frozen
 * (never edited), because users' databases were built by it. Add a new entry, bump nothing else:
 * the current schema version is the last entry's number.
 *
 * Each migration runs inside the versionchange transaction. A record it cannot carry over is never dropped
 * silently: it goes to the quarantine with a reason. Each released version has a frozen example database in
 * tests/unit/storage/fixtures/v<N>.json, upgraded to the current version by the migration test.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { quarantineEntry } from './guard';

export type RawRecord = Record<string, unknown>;
// Migrations talk to stores by name with untyped records: the typed schema is only true for the last version.
export type UpgradeDb = IDBPDatabase<unknown>;
export type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

export interface MigrationContext {
  db: UpgradeDb;
  tx: UpgradeTx;
  /** ISO date-time of the upgrade (for quarantine entries). */
  now: string;
  /** Moves an unmigratable record to the quarantine (store must exist: it does from v1 on). */
  quarantine(store: string, key: unknown, record: unknown, reason: string): Promise<void>;
}

export type ExportStores = Record<string, unknown[]>;

export interface Migration {
  version: number;
  /** Extension version that shipped this schema. */
  release: string;
  description: string;
  up(ctx: MigrationContext): Promise<void>;
  /** Same change applied to the records of an export file of the previous version (for importing old files). */
  upgradeExport?(stores: ExportStores): ExportStores;
}

const isObj = (v: unknown): v is RawRecord => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Before 0.3.0 an unknown Ma Convention tile was stored under `autre.<its label>`: page text, never kept since. */
const isPageTextIndicator = (id: unknown): boolean => typeof id === 'string' && id.startsWith('autre.');
const PAGE_TEXT_REASON = 'migration v3 : indicateur hors catalogue nommé par un texte de la page, supprimé sans sa clé ni son contenu';

/** v2 snapshot conversion, shared by the database migration and the export upgrade. */
function snapshotV1toV2(rec: RawRecord): RawRecord {
  const { id: _id, date, ...rest } = rec;
  return { ...rest, asOf: date };
}
function settingsV1toV2(rec: RawRecord): RawRecord {
  return { lang: 'fr', lastSeenVersion: null, ...rec };
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    release: '0.1.0',
    description: 'Schéma initial : settings, snapshots (clé auto, champ date), checklistRuns, snoozes, dailyCounts, vitaleStatus, errors, quarantine.',
    async up({ db }) {
      db.createObjectStore('settings', { keyPath: 'id' });
      const snapshots = db.createObjectStore('snapshots', { keyPath: 'id', autoIncrement: true });
      snapshots.createIndex('byIndicator', 'indicatorId');
      const runs = db.createObjectStore('checklistRuns', { keyPath: 'id' });
      runs.createIndex('byChecklist', 'checklistId');
      db.createObjectStore('snoozes', { keyPath: 'ruleId' });
      db.createObjectStore('dailyCounts', { keyPath: ['date', 'ruleId'] });
      db.createObjectStore('vitaleStatus', { keyPath: 'id' });
      db.createObjectStore('errors', { keyPath: 'id', autoIncrement: true });
      db.createObjectStore('quarantine', { keyPath: 'id', autoIncrement: true });
    },
  },
  {
    version: 2,
    release: '0.2.0',
    description:
      'snapshots : champ date renommé asOf, clé (indicatorId, asOf) qui dédoublonne (la capture la plus récente est gardée, ' +
      'les autres vont en quarantaine) ; settings : lang et lastSeenVersion ; index dailyCounts.byRule, checklistRuns.byStartedAt, errors.byAt.',
    async up({ db, tx, quarantine }) {
      // snapshots: the key changes, so the store is rebuilt.
      const old = (await tx.objectStore('snapshots').getAll()) as unknown[];
      db.deleteObjectStore('snapshots');
      const snapshots = db.createObjectStore('snapshots', { keyPath: ['indicatorId', 'asOf'] });
      snapshots.createIndex('byIndicator', 'indicatorId');
      snapshots.createIndex('byAsOf', 'asOf');
      const kept = new Map<string, RawRecord>();
      for (const rec of old) {
        const key = isObj(rec) ? rec['id'] : undefined;
        if (!isObj(rec) || typeof rec['indicatorId'] !== 'string' || rec['indicatorId'] === '' || !isDay(rec['date'])) {
          await quarantine('snapshots', key, rec, 'migration v2 : indicatorId ou date absents ou invalides, clé (indicatorId, asOf) impossible');
          continue;
        }
        const next = snapshotV1toV2(rec);
        const k = `${String(next['indicatorId'])}\u0000${String(next['asOf'])}`;
        const prev = kept.get(k);
        if (prev === undefined) {
          kept.set(k, next);
          continue;
        }
        const newer = String(next['capturedAt'] ?? '') >= String(prev['capturedAt'] ?? '') ? next : prev;
        const older = newer === next ? prev : next;
        kept.set(k, newer);
        await quarantine(
          'snapshots',
          [older['indicatorId'], older['asOf']],
          older,
          'migration v2 : doublon (indicatorId, asOf), la capture la plus récente est gardée',
        );
      }
      for (const rec of kept.values()) await snapshots.put(rec);

      const settings = tx.objectStore('settings');
      for (const rec of (await settings.getAll()) as unknown[]) {
        if (isObj(rec)) await settings.put(settingsV1toV2(rec));
      }
      tx.objectStore('dailyCounts').createIndex('byRule', 'ruleId');
      tx.objectStore('checklistRuns').createIndex('byStartedAt', 'startedAt');
      tx.objectStore('errors').createIndex('byAt', 'at');
    },
    upgradeExport(stores) {
      return {
        ...stores,
        snapshots: (stores['snapshots'] ?? []).map((r) => (isObj(r) ? snapshotV1toV2(r) : r)),
        settings: (stores['settings'] ?? []).map((r) => (isObj(r) ? settingsV1toV2(r) : r)),
      };
    },
  },
  {
    version: 3,
    release: '0.3.0',
    description:
      "snapshots : les indicateurs « autre.* », dont l'identifiant était fait du libellé lu sur la page (un texte de la page " +
      "peut être un nom de patient), sont supprimés ; la quarantaine n'en garde ni la clé ni le contenu.",
    async up({ tx, quarantine }) {
      const store = tx.objectStore('snapshots');
      for (const rec of (await store.getAll()) as unknown[]) {
        if (!isObj(rec) || !isPageTextIndicator(rec['indicatorId'])) continue;
        await store.delete([rec['indicatorId'] as string, rec['asOf'] as string]);
        await quarantine('snapshots', null, null, PAGE_TEXT_REASON);
      }
    },
    upgradeExport(stores) {
      return { ...stores, snapshots: (stores['snapshots'] ?? []).filter((r) => !(isObj(r) && isPageTextIndicator(r['indicatorId']))) };
    },
  },
  {
    version: 4,
    release: '0.4.0',
    description:
      'deadlines : les dates de clôture de déclaration lues sur « Ma Convention » (une par page, médecin et pharmacien), ' +
      'gardées pour le compte à rebours et le badge quand aucun onglet Ma Convention n’est ouvert ; des dates seulement.',
    async up({ db }) {
      db.createObjectStore('deadlines', { keyPath: 'page' });
    },
  },
];

export const CURRENT_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Runs the migrations in (oldVersion, newVersion] in order. */
export async function runMigrations(db: UpgradeDb, tx: UpgradeTx, oldVersion: number, newVersion: number, now: string): Promise<void> {
  const ctx: MigrationContext = {
    db,
    tx,
    now,
    async quarantine(store, key, record, reason) {
      await tx.objectStore('quarantine').add(quarantineEntry(store, key, record, reason, now));
    },
  };
  for (const m of MIGRATIONS) {
    if (m.version > oldVersion && m.version <= newVersion) await m.up(ctx);
  }
}

/** Brings the stores of an export file written at `fromVersion` up to the current version. */
export function upgradeExportStores(stores: ExportStores, fromVersion: number): ExportStores {
  let out = stores;
  for (const m of MIGRATIONS) {
    if (m.version > fromVersion && m.upgradeExport) out = m.upgradeExport(out);
  }
  return out;
}
