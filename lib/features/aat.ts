/**
 * Sick-leave notice (online AAT, and the older AT/MP certificate): reads the notice type, dates,
 * teleconsultation box and whether the paper Cerfa was requested; the catalogue decides
 * (aat.duration-limit, aat.teleconsultation-3-days, aat.online-preferred, aat.secured-cerfa).
 */
import { extractAat, isPaperAction } from '../page-facts/aat';
import { definePageRulesFeature } from './page-rules';
import { featureTitle } from './names';
import { onUserEvent } from './user-events';

export const aatFeature = definePageRulesFeature({
  id: 'aat-notice',
  title: featureTitle('aat-notice'),
  pages: ['aat', 'atmp'],
  professions: ['medecin-generaliste', 'medecin-specialiste'],
  ruleIds: ['aat.duration-limit', 'aat.teleconsultation-3-days', 'aat.online-preferred', 'aat.secured-cerfa'],
  setup(ctx, signal) {
    const state = { paper: false };
    onUserEvent(ctx, 'click', signal, (e) => {
      if (isPaperAction(e.target as Element | null)) state.paper = true;
    });
    return state;
  },
  extract: (doc, ctx, state) => extractAat(doc, !!state?.paper, ctx.page === 'atmp' ? 'atmp' : 'aat'),
});
