/**
 * «Ma Convention» (doctors and pharmacists): records each indicator tile as a snapshot (value, target, "au" date;
 * no patient data), so the side panel can show progress over time, and checks the declaration window
 * (rules `indicators.declaration-*`: indicators left to declare, days before the portal closes the entry). The points
 * acquired and the last payments the page shows are shown by the side panel only: they are read while a side panel is
 * open (read again when one opens) and reported with the output, never stored.
 * What the page says is read by lib/page-facts (indicators.ts, convention.ts).
 */
import { readConventionStakes, readIndicatorTiles, type IndicatorTile } from '../page-facts/indicators';
import { INDICATOR_IDS } from '../indicators/definitions';
import { rules } from '../rules/engine';
import { runWatched, watch } from '../page-facts/dom';
import { declarationFacts } from '../page-facts/convention';
import { evaluateExtraction } from './page-rules';
import { sameOutput } from './present';
import { defineFeature, type FeatureOutput } from './types';
import { featureTitle } from './names';

const DECLARATION_RULES = rules.filter((r) => r.id.startsWith('indicators.declaration')).map((r) => r.id);

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
    const read = () => {
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
      // The points and payments the page shows go to the side panel with the tab state, while one is open; they are
      // not stored.
      if (ctx.sidePanel?.isOpen()) {
        const stakes = readConventionStakes(ctx.doc);
        if (Object.keys(stakes).length) out.stakes = stakes;
      }
      if (last && sameOutput(last, out)) return;
      last = out;
      ctx.report(out);
    };
    watch(ctx.doc, signal, read);
    ctx.sidePanel?.onChange(signal, () => runWatched(signal, read));
  },
});
