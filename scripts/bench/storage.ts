/**
 * Storage figures on fake-indexeddb in node (an in-memory IndexedDB, slower than a browser's for CPU work,
 * with no disk): write and read 10 000 snapshots, the side panel's history query, the export's size.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createStorageService } from '../../lib/storage/service';
import { limit } from './budget';
import type { Figure } from './types';

const INDICATORS = 100;
const DATES = 100;

function day(i: number): string {
  const d = new Date(Date.UTC(2020, 0, 1) + i * 7 * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export async function bench(): Promise<Figure[]> {
  const service = createStorageService({ factory: new IDBFactory(), name: 'bench' });
  must(await service['settings.get']({})); // open + migrate outside the timings

  const batches = Array.from({ length: DATES }, (_, d) =>
    Array.from({ length: INDICATORS }, (_, i) => ({
      indicatorId: `rosp.indicateur-${i}`,
      value: (i * 7 + d) % 100,
      target: 80,
      asOf: day(d),
      capturedAt: `${day(d)}T08:00:00.000Z`,
      pageType: 'convention-medecin' as const,
    })),
  );
  // As the content script does: one batch of tiles per page view.
  const [writeMs] = await time(async () => {
    for (const b of batches) must(await service['snapshot.put']({ snapshots: b }));
  });

  const [readMs, latest] = await time(async () => must(await service['snapshot.latest']({})));
  if (latest.length !== INDICATORS) throw new Error(`expected ${INDICATORS} indicators, got ${latest.length}`);

  const runs = 50;
  const [historyTotal] = await time(async () => {
    for (let k = 0; k < runs; k++) {
      const h = must(await service['snapshot.history']({ indicatorId: `rosp.indicateur-${k}` }));
      if (h.length !== DATES) throw new Error('history incomplete');
    }
  });

  const [exportMs, file] = await time(async () => must(await service['data.export']({})));
  const bytes = new TextEncoder().encode(JSON.stringify(file)).length;
  service.connection.close();

  const total = INDICATORS * DATES;
  return [
    {
      area: 'storage',
      name: `write ${total} snapshots (${DATES} batches of ${INDICATORS})`,
      value: writeMs,
      unit: 'ms',
      limit: limit('storageWrite10000Ms'),
      better: 'lower',
    },
    { area: 'storage', name: `read + validate ${total} snapshots`, value: readMs, unit: 'ms', limit: limit('storageRead10000Ms'), better: 'lower' },
    {
      area: 'storage',
      name: `history of one indicator (${DATES} points), mean of ${runs}`,
      value: historyTotal / runs,
      unit: 'ms',
      limit: limit('storageHistoryMs'),
      better: 'lower',
    },
    { area: 'storage', name: `export ${total} snapshots`, value: exportMs, unit: 'ms', limit: limit('storageExportMs'), better: 'lower' },
    {
      area: 'storage',
      name: `database size estimate (JSON export, ${total} snapshots; limit = import cap)`,
      value: Math.round(bytes / 1024),
      unit: 'KiB',
      limit: limit('storageSizeKiB'),
      better: 'lower',
    },
  ];
}
