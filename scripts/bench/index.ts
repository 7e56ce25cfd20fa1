/**
 * `npm run bench`: runs every bench module in this folder (each exports `bench(): Promise<Figure[]>`),
 * prints a readable table, writes JSON to bench-output/bench.json and prints it, and says which figures exceed their limit.
 */
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isOver } from './budget';
import type { BenchModule, Figure } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);

const modules = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'budget.ts', 'reference.ts'].includes(f))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const figures: Figure[] = [];
for (const file of modules) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
  try {
    figures.push(...(await mod.bench()));
  } catch (err) {
    console.error(`bench ${file} failed:`, err);
    process.exitCode = 1;
  }
}

const over = figures.filter(isOver);
const fmt = (n: number) => String(+n.toFixed(3));
const rows = figures.map((f) => [
  f.area,
  f.name,
  `${fmt(f.value)} ${f.unit}${f.quartiles ? ` (quartiles ${fmt(f.quartiles[0])} … ${fmt(f.quartiles[1])})` : ''}`,
  f.limit === undefined ? '' : `${(f.better ?? 'lower') === 'lower' ? '≤' : '≥'} ${fmt(f.limit)} ${f.unit}`,
  f.limit === undefined ? '' : over.includes(f) ? 'OVER' : 'ok',
]);
const head = ['area', 'figure', 'value', 'limit', 'status'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
const json = { date: new Date().toISOString(), figures, over: over.map((f) => `${f.area}/${f.name}`) };
mkdirSync('bench-output', { recursive: true });
writeFileSync('bench-output/bench.json', JSON.stringify(json, null, 2));
console.log('\n' + JSON.stringify(json));
console.log(over.length ? `\n${over.length} figure(s) over budget: ${json.over.join(', ')}` : '\nAll figures within budget.');
