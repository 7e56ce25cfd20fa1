/**
 * The AmeliPRO perimeter: the only hosts the extension runs on and may read.
 * Source: shared/docs/amelipro.md ("Hosts"). Keep this list short; every host here
 * becomes a host permission and a content-script match. A host comes in only with a page the extension recognises
 * there (conventionauxiliaires.ameli.fr, Ma Convention of the medical auxiliaries, was dropped: no page of it is
 * recognised yet).
 */
export const AMELIPRO_HOSTS = [
  'espacepro.ameli.fr',
  'authps-espacepro.ameli.fr',
  'authcps-espacepro.ameli.fr',
  'paiements2.ameli.fr',
  'convention2.ameli.fr',
  'conventionpharmaciens.ameli.fr',
] as const;

export type AmeliproHost = (typeof AMELIPRO_HOSTS)[number];

export const AMELIPRO_MATCHES: string[] = AMELIPRO_HOSTS.map((h) => `https://${h}/*`);

export function isAmeliproUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (AMELIPRO_HOSTS as readonly string[]).includes(u.hostname);
  } catch {
    return false;
  }
}
