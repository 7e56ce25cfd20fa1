/**
 * What is known about the carte Vitale reading components, as data with its source and date.
 * To update: change the versions, `recordedOn` and `source`, then run `npx vitest run tests/unit/vitale`.
 */
import type { Text } from '../i18n';

export interface KnownVersion {
  /** Latest version seen in public material (a component older than this is reported "à mettre à jour"). */
  latest: string;
  label: string;
}

export interface KnownVersions {
  atsamWindows: KnownVersion;
  atsamMac: KnownVersion;
  srvSvCnam: KnownVersion;
  cryptolibCps: KnownVersion;
  /**
   * Minimum version of the "Lecture Carte Vitale" web extension. `null`: no public figure was found (the store
   * listings were not reachable from here), so an installed extension is never called outdated on a guess.
   * Set it (with its source) once the store listing has been read: the comparison is already wired.
   */
  webExtensionMinimum: string | null;
  /** When these figures were written down here. */
  recordedOn: string;
  /** When the versions were seen in the sources. */
  seen: string;
  source: string;
  confidence: 'high' | 'medium' | 'low';
}

export const KNOWN_VERSIONS: KnownVersions = {
  atsamWindows: { latest: '4.67.03', label: 'ATSAM (Windows)' },
  atsamMac: { latest: '4.67.02', label: 'ATSAM (macOS)' },
  srvSvCnam: { latest: '5.10.04', label: 'SrvSvCnam' },
  cryptolibCps: { latest: '5.2.6', label: 'Cryptolib CPS' },
  webExtensionMinimum: null,
  recordedOn: '2026-11-28',
  seen: 'décembre 2025 – 2026',
  source:
    'shared/docs/amelipro.md (« Reading the carte Vitale from amelipro ») ; rules.md R3.1 (versions relevées sur ' +
    "djibe/recommandations-medicales, content/cabinet/ameli-pro-problemes.md, historique 2023–2026) ; seed 000 (CPL Côte-d'Or, 14/12/2023).",
  confidence: 'medium',
};

/** Public identifiers of the GIE SESAM-Vitale web extension (amelipro.md). */
export const WEB_EXTENSION = {
  name: 'Lecture Carte Vitale',
  chromeId: 'kpjpglcbcgnblkigbedgaoegjbifejka',
  firefoxId: 'webextension.vitale@giesv.fr',
} as const;

export const LINKS = {
  chromeStore: 'https://chromewebstore.google.com/detail/kpjpglcbcgnblkigbedgaoegjbifejka',
  /** Public AMO listing (slug `lecture-carte-vitale`, rules.md R3.1; same URL on public help pages). */
  firefoxStore: 'https://addons.mozilla.org/fr/firefox/addon/lecture-carte-vitale/',
  /** amelipro help and configuration page: ATSAM and DiagAM downloads. */
  ameliproHelp: 'https://espacepro.ameli.fr/inscription/#/aide',
} as const;

/**
 * Seed 000 (CPL médecins, CPAM de la Côte-d'Or, 14/12/2023, « V – NUMÉRIQUE »): whom to contact when the update
 * fails. The address is the CPAM's service mailbox published in the seed (not a person).
 */
export const DNS_CONTACT: { text: Text; email: string; source: string } = {
  text: {
    fr: 'En cas de difficulté dans la mise à jour, contactez votre délégué numérique en santé (DNS) de la CPAM.',
    en: "If the update fails, contact your CPAM's digital health adviser (“délégué numérique en santé”, DNS).",
  },
  email: 'eservices.cpam-dijon@assurance-maladie.fr',
  source: "Seed 000, CPL médecins CPAM de la Côte-d'Or (14/12/2023) : adresse de la CPAM de la Côte-d'Or",
};

/**
 * The CPAM contacts the sources give, by département: only the Côte-d'Or's (seed 000). Every other département
 * gets ameli.fr, where the site asks for the département and shows that CPAM's contacts: never another CPAM's
 * address.
 */
export const CPAM_CONTACTS: Readonly<Record<string, { email: string; name: Text }>> = {
  '21': { email: DNS_CONTACT.email, name: { fr: 'CPAM de la Côte-d’Or', en: 'CPAM of Côte-d’Or' } },
};
export const CPAM_FINDER = 'https://www.ameli.fr/';

export type CpamContact = { kind: 'email'; email: string; name: Text } | { kind: 'finder'; url: string };

export function cpamContact(departement: string | null | undefined): CpamContact {
  const known = departement ? CPAM_CONTACTS[departement] : undefined;
  return known ? { kind: 'email', ...known } : { kind: 'finder', url: CPAM_FINDER };
}
