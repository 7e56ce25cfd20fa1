import type { Rule } from './schema';

/**
 * A rule's source on one line: catalogue section, seed documents and official text.
 * `full` (the UI) names each seed file and section; `compact` (the table in docs/rules.md) keeps the seed number only.
 */
export function formatSource(source: Rule['source'], style: 'full' | 'compact' = 'full'): string {
  const parts = [style === 'full' ? `rules.md ${source.catalogue}` : source.catalogue];
  for (const s of source.seeds ?? []) parts.push(style === 'full' ? `${s.file} (${s.section})` : `seed ${s.file.slice(0, 3)}`);
  if (source.official) parts.push(source.official);
  return parts.join(' · ');
}
