/** Every catalogue family (one file each), in display order. Add a new family file here. */
import aat from './aat';
import billing from './billing';
import indicators from './indicators';
import pharmacy from './pharmacy';
import prescription from './prescription';
import reclaps from './reclaps';
import teleconsultation from './teleconsultation';
import vitale from './vitale';

export const families = {
  prescription,
  aat,
  vitale,
  reclaps,
  teleconsultation,
  billing,
  indicators,
  pharmacy,
} as const;

export type FamilyName = keyof typeof families;

export const rawCatalogue: readonly unknown[] = Object.values(families).flat();
