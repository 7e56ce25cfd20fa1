/** `settings` store: one record (`id: 'settings'`), read with defaults, written as a validated patch. */
import { guardedPut, checkRecord } from '../guard';
import { StorageFailure, toResult, type StorageResult } from '../result';
import { DEFAULT_SETTINGS } from '../defaults';
import type { Settings } from '../schema';
import { readResult, readRows, type StorageContext, withWriteTx } from './common';

export type SettingsPatch = Partial<Omit<Settings, 'id'>>;

export function getSettings(ctx: StorageContext): Promise<StorageResult<Settings>> {
  return readResult(async () => {
    const { valid, quarantined } = await readRows(ctx, 'settings');
    return { value: valid[0] ?? DEFAULT_SETTINGS, quarantined };
  });
}

/** Applies a patch atomically (read-modify-write in one transaction: concurrent patches of different fields both stay). */
export async function saveSettings(ctx: StorageContext, patch: SettingsPatch): Promise<StorageResult<Settings>> {
  // Quarantine an unreadable current record first, so the merge below never silently overwrites it.
  const before = await getSettings(ctx);
  if (!before.ok) return before;
  return toResult(async () => {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw new StorageFailure('invalid', 'Donnée invalide : settings : objet attendu', 'settings');
    }
    const db = await ctx.conn.get();
    return withWriteTx(db, 'settings', async (tx) => {
      const current = await tx.store.get('settings');
      const base = current !== undefined && checkRecord('settings', current).ok ? current : DEFAULT_SETTINGS;
      return guardedPut(tx.store, 'settings', { ...base, ...patch, id: 'settings' });
    });
  });
}
