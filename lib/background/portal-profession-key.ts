/** storage.session key of the last profession a portal header named (lib/pages/portal-profession.ts). */
export const PORTAL_PROFESSION_KEY = 'portal-profession';
