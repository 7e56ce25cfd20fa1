/** Every contextual feature, in display order. A meta-test checks each is documented in the README. */
import { aatFeature } from './aat';
import { conventionFeature } from './convention';
import { prescriptionFeature } from './prescription';
import { reclapsFeature } from './reclaps';
import { commandesReminder, loginReminder, transmissionChecklist } from './reminders';
import type { Feature } from './types';
import { vitaleFeature } from './vitale';

export const FEATURES: readonly Feature[] = [
  aatFeature,
  prescriptionFeature,
  reclapsFeature,
  conventionFeature,
  vitaleFeature,
  loginReminder,
  commandesReminder,
  transmissionChecklist,
];
