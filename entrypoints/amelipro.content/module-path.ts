/** Where the content script's module is in the built extension (wxt.config.ts builds it; index.ts imports it). */
export const CONTENT_MODULE_PATH = 'content-scripts/amelipro-main.js';
/**
 * The same module with the prescription-line reader inside (entrypoints/amelipro.content/with-reader.ts), which the
 * loader imports instead where a text area already holds text at load: one import instead of the module's and then
 * the reader's.
 */
export const CONTENT_MODULE_WITH_READER_PATH = 'content-scripts/amelipro-main-reader.js';
/**
 * The prescription-line reader (lib/prescription/read.ts: lexicon core, matching, mentions, numbers), built apart
 * by wxt.config.ts; the module imports it only on pages with a medicine field (services.ts).
 */
export const PRESCRIPTION_READER_PATH = 'content-scripts/amelipro-prescription.js';
/**
 * The files only a page with a medicine line loads, apart from what every page loads (the loader and the module,
 * which the content script's size limit counts: scripts/bench).
 */
export const CONTENT_FILES_ON_DEMAND: readonly string[] = [PRESCRIPTION_READER_PATH, CONTENT_MODULE_WITH_READER_PATH];
/**
 * Rule fields the content script never reads (the popup's checklist items, the review date, the sources, which the
 * side panel shows from its own catalogue by rule id): left out of the catalogue its module ships (wxt.config.ts;
 * tests/unit/ext/imports.test.ts checks that no module of the content script reads them).
 */
export const CONTENT_OMITTED_RULE_FIELDS = ['checklist', 'reviewed', 'source'] as const;
