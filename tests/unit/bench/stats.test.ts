/** The statistics the bench prints. */
import { describe, expect, it } from 'vitest';
import { median, quartiles } from '../../../scripts/stats';

describe('bench statistics', () => {
  it('median: the middle value, the upper one of an even count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([])).toBeNaN();
  });
  it('quartiles: the nearest values at a quarter and three quarters', () => {
    expect(quartiles([9, 1, 5, 3, 7])).toEqual([3, 7]);
    expect(quartiles([11, 2, 10, 3, 9, 4, 8, 5, 7, 6, 1])).toEqual([3, 9]);
    expect(quartiles([2])).toEqual([2, 2]);
  });
});
