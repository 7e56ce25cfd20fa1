/** The settings before the user chose any (zod-free: the popup and the side panel import it). */
import type { Settings } from './schema';

export const DEFAULT_SETTINGS: Settings = {
  id: 'settings',
  profession: null,
  specialty: null,
  departement: null,
  referenceDate: null,
  disabledFeatures: [],
  lang: 'fr',
  lastSeenVersion: null,
};
