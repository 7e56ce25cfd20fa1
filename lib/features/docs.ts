/** The README's feature table, generated from the registry (kept true by tests/unit/features/readme.test.ts). */
import { PAGE_LABELS } from '../pages/detect';
import { FEATURES } from './registry';

export function renderFeaturesMarkdown(): string {
  const rows = FEATURES.map((f) => `| \`${f.id}\` | ${f.title.fr} | ${f.pages.map((p) => PAGE_LABELS[p].fr).join(', ')} |`);
  return ['| id (option) | vérification | pages |', '|---|---|---|', ...rows].join('\n');
}
