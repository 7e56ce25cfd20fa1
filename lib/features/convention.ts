/**
 * «Ma Convention» (doctors and pharmacists): records each indicator tile as a snapshot (value, target, "au" date;
 * no patient data), so the side panel can show progress over time, and checks the declaration window
 * (rules `indicators.declaration-*`: indicators left to declare, days before the portal closes the entry). The points
 * acquired and the last payments the page shows are reported with its output, for the side panel only (never stored).
 */
import type { Text } from '../i18n';
import { HOST_TAG } from '../host-tag';
import { declarationTexts, readConventionStakes, readDeclarationBlocks, readIndicatorTiles, type IndicatorTile } from '../indicators/parse';
import { INDICATOR_IDS } from '../indicators/definitions';
import { rules } from '../rules/engine';
import type { Facts } from '../rules/facts';
import { normalize, watch } from './dom';
import { evaluateExtraction } from './page-rules';
import { sameOutput } from './present';
import { defineFeature, type FeatureOutput } from './types';
import { featureTitle } from './names';

const DECLARATION_RULES = rules.filter((r) => r.id.startsWith('indicators.declaration')).map((r) => r.id);

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

/** Saving the progress is a side effect: its failure (sync or async) never stops the page's checks. */
function saveQuietly(save: () => Promise<unknown> | void): void {
  try {
    void Promise.resolve(save()).catch(() => {});
  } catch {
    // storage unavailable: the checks go on
  }
}

export const conventionFeature = defineFeature({
  id: 'convention-indicators',
  title: featureTitle('convention-indicators'),
  pages: ['convention-medecin', 'convention-pharmacien'],
  ruleIds: DECLARATION_RULES,
  run(ctx, signal) {
    let lastSaved = '';
    let last: FeatureOutput | null = null;
    watch(ctx.doc, signal, () => {
      const tiles: IndicatorTile[] = readIndicatorTiles(ctx.doc);
      // Only the catalogue's indicators are kept: an unknown tile's id is made of its label, i.e. page text (a page
      // can label a progress bar with a patient's name), so it stays on the page.
      const known = tiles.filter((t) => INDICATOR_IDS.has(t.indicatorId));
      const key = JSON.stringify(known);
      if (known.length && key !== lastSaved) {
        lastSaved = key;
        saveQuietly(() =>
          ctx.services.saveSnapshots?.(
            known.map((t) => ({
              indicatorId: t.indicatorId,
              value: t.value,
              ...(t.target !== undefined ? { target: t.target } : {}),
              asOf: t.asOf ?? ctx.date,
              pageType: ctx.page,
            })),
          ),
        );
      }
      const decl = declarationFacts(ctx.doc);
      const out = evaluateExtraction({ id: 'convention-indicators', ruleIds: DECLARATION_RULES }, ctx, decl);
      if (!tiles.length) {
        out.cannotCheck.push({
          featureId: 'convention-indicators',
          reason: {
            fr: "Impossible de lire les indicateurs de cette page (tuiles d'indicateurs introuvables) : la progression n'est pas enregistrée.",
            en: 'Could not read the indicators on this page (no indicator tiles found): progress is not recorded.',
          },
        });
      }
      // The points and payments the page shows go to the side panel with the tab state; they are not stored.
      const stakes = readConventionStakes(ctx.doc);
      if (Object.keys(stakes).length) out.stakes = stakes;
      if (last && sameOutput(last, out)) return;
      last = out;
      ctx.report(out);
    });
  },
});
