/** One figure printed by `npm run bench`. `limit` is the budget; `better` says which side of it is good. */
export interface Figure {
  area: string;
  name: string;
  value: number;
  unit: string;
  limit?: number;
  better?: 'lower' | 'higher';
}

export type BenchModule = { bench: () => Promise<Figure[]> };
