/**
 * What a page's reader returns: the facts it read (lib/rules/facts.ts) and what it needs but could not find. A rule
 * that then cannot be checked is « impossible de vérifier », with what is missing, never a pass.
 */
import type { Text } from '../i18n';
import type { Facts } from '../rules/facts';

export interface Extraction {
  facts: Facts;
  missing: Text[];
}
