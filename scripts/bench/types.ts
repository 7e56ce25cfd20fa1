/** One figure printed by `npm run bench`. `limit` is the budget; `better` says which side of it is good. */
export interface Figure {
  area: string;
  name: string;
  value: number;
  unit: string;
  limit?: number;
  better?: 'lower' | 'higher';
  /** For a noisy figure (a median of differences): its first and third quartiles, printed beside it. */
  quartiles?: [number, number];
}

export type BenchModule = { bench: () => Promise<Figure[]> };

/** One load of one page in `npm run bench content`, as written to bench-output/content-loads.json (ms). */
export interface ContentLoad {
  page: string;
  load: number;
  /** The content script's own work (scripts/profiled-load.ts `extensionTraceTime`). */
  ownMs: number;
  floorMs: number;
  addedMs: number;
  /** The reference build's own work in the same round (scripts/bench/reference.ts), when it could be built. */
  referenceOwnMs?: number;
}
