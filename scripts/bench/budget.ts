/** The budget file (budget.json beside this one), typed: `limit('contentOwnWorkOverReference')`. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from './types';

interface Entry {
  limit: number;
  unit: string;
  better?: 'lower' | 'higher';
  what: string;
}

const file = join(dirname(fileURLToPath(import.meta.url)), 'budget.json');
const budget = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Entry | string>;

/** The limit of a budget entry; throws on an unknown key so that a typo cannot silently drop a limit. */
export function limit(key: string): number {
  const e = budget[key];
  if (!e || typeof e === 'string' || typeof e.limit !== 'number') throw new Error(`budget.json: no limit "${key}"`);
  return e.limit;
}

/** Over its limit; a judged figure that could not be measured (NaN) counts as over: it never passes in silence. */
export function isOver(f: Pick<Figure, 'value' | 'limit' | 'better'>): boolean {
  if (f.limit === undefined) return false;
  if (Number.isNaN(f.value)) return true;
  return (f.better ?? 'lower') === 'lower' ? f.value > f.limit : f.value < f.limit;
}
