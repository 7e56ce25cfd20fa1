import { defineFeature } from './types';

/**
 * Placeholder feature kept minimal: reports nothing, so the overlay stays quiet on pages where no check applies.
 */
export const pageStatusFeature = defineFeature({
  id: 'page-status',
  title: { fr: 'Page reconnue', en: 'Page recognised' },
  pages: [],
  run: (ctx) => ctx.report({ findings: [], cannotCheck: [] }),
});
