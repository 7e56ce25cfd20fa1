/** Every page type the extension knows on amelipro. `unknown` means "not recognised": no check runs as if it were. */
export const PAGE_TYPES = [
  'login',
  'home',
  'aat',
  'atmp',
  'commandes',
  'prescription',
  'reclaps',
  'convention-medecin',
  'convention-pharmacien',
  'transmission',
  'aide',
  'unknown',
] as const;

export type PageType = (typeof PAGE_TYPES)[number];

/** The practitioner's profession, as chosen in the options page. Extendable. */
export const PROFESSIONS = ['medecin-generaliste', 'medecin-specialiste', 'pharmacien'] as const;
export type Profession = (typeof PROFESSIONS)[number];
