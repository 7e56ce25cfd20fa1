/**
 * `npx tsx scripts/bench-loads.ts`: reads every load the last `npm run bench content` made
 * (bench-output/content-loads.json) and says, per page, how the content script's own work and the floor moved from
 * one load to the next: each load's figures, and their correlation (Pearson). A floor that rose and fell with the
 * own work would steady the verdict if measured beside each page; a correlation near 0 says it would not
 * (docs/performance.md, seventh session of 05/12/2026). For looking, not for limits.
 */
import { readFileSync } from 'node:fs';
import type { ContentLoad } from './bench/types';
import { median } from './stats';

function correlation(xs: readonly number[], ys: readonly number[]): number {
  const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

// a load whose floor was not found has NaN there, which JSON writes as null
const loads = (JSON.parse(readFileSync('bench-output/content-loads.json', 'utf8')) as ContentLoad[]).filter((l) => Number.isFinite(l.floorMs));
const f1 = (x: number) => x.toFixed(1);
// each load over its page's median, pooled over the pages: do the two figures move together?
const ownShare: number[] = [];
const floorShare: number[] = [];
for (const page of [...new Set(loads.map((l) => l.page))]) {
  const own = loads.filter((l) => l.page === page).map((l) => l.ownMs);
  const floor = loads.filter((l) => l.page === page).map((l) => l.floorMs);
  for (const [i, ms] of own.entries()) {
    ownShare.push(ms / median(own));
    floorShare.push(floor[i]! / median(floor));
  }
  console.log(
    `${page.padEnd(28)} own work ${own.map(f1).join(' ')} ms | floor ${floor.map((x) => x.toFixed(2)).join(' ')} ms | r ${correlation(own, floor).toFixed(2)}`,
  );
}
console.log(`all pages, each load over its page's median: r ${correlation(ownShare, floorShare).toFixed(2)} (${ownShare.length} loads)`);
