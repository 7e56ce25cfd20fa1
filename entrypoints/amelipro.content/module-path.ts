/** Where the content script's module is in the built extension (wxt.config.ts builds it; index.ts imports it). */
export const CONTENT_MODULE_PATH = 'content-scripts/amelipro-main.js';
