/** Bilingual text for the catalogue: the project's one definition (lib/i18n.ts), under the name the rules use. */
export type { Lang, Text } from '../i18n';
export { tr as t } from '../i18n';
