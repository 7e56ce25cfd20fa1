/** What «Ma Convention» says of the declaration window: indicators declared out of how many, when the entry closes. */
import type { Text } from '../i18n';
import { HOST_TAG } from '../host-tag';
import type { Facts } from '../rules/facts';
import { normalize } from './dom';
import { declarationTexts, readDeclarationBlocks } from './indicators';

export function declarationFacts(doc: Document): { facts: Facts; missing: Text[] } {
  const texts = declarationTexts(doc);
  const blocks = readDeclarationBlocks(doc, texts);
  if (!blocks.length) return { facts: {}, missing: [{ fr: 'bloc « Ma déclaration »', en: '"My declaration" block' }] };
  const open = blocks.filter((b) => b.open && b.total !== undefined && b.declared !== undefined);
  // ISO dates compare as plain strings (localeCompare would start the ICU collator: milliseconds, for nothing)
  const closes = (b: { closesOn?: string }) => b.closesOn ?? '9999';
  const pending = open.filter((b) => b.declared! < b.total!).sort((a, b) => (closes(a) < closes(b) ? -1 : closes(a) > closes(b) ? 1 : 0));
  const chosen = pending[0] ?? open[0];
  // An open entry whose count cannot be read, or a count left to declare whose entry status cannot be read, is
  // "impossible de vérifier", never "nothing to declare".
  const missing: Text[] = [];
  if (blocks.some((b) => b.open && (b.total === undefined || b.declared === undefined)))
    missing.push({
      fr: 'nombre d’indicateurs déjà déclarés (« Indicateurs déjà déclarés : n/N »)',
      en: 'number of indicators already declared ("Indicateurs déjà déclarés : n/N")',
    });
  const pendingInBlocks = blocks.filter((b) => b.declared !== undefined && b.total !== undefined && b.declared < b.total).length;
  if (pendingCounts(texts) > pendingInBlocks)
    missing.push({ fr: 'état de la saisie (« La saisie sera fermée le … »)', en: 'entry status ("La saisie sera fermée le …")' });
  if (!chosen) return { facts: {}, missing }; // no window open, and nothing unreadable: nothing to declare now
  return {
    facts: {
      indicators: {
        ...(chosen.closesOn ? { declarationClosesOn: chosen.closesOn } : {}),
        declared: chosen.declared!,
        total: chosen.total!,
      },
    },
    missing,
  };
}

/** Counts "Indicateurs déjà déclarés : n/N" with n < N anywhere in the page (outside the overlay). */
function pendingCounts(texts: readonly Element[]): number {
  let n = 0;
  for (const e of texts) {
    if (e.closest(HOST_TAG)) continue;
    const m = /declares?\s*:\s*(\d+)\s*\/\s*(\d+)/.exec(normalize(e.textContent));
    if (m && Number(m[1]) < Number(m[2])) n++;
  }
  return n;
}
