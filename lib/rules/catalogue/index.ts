/** Every catalogue family, in display order. Add a new family file here. */
import prescription from './prescription';

export const families = {
  prescription,
} as const;

export const rawCatalogue: readonly unknown[] = Object.values(families).flat();
