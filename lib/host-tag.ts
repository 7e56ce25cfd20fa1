/**
 * The tag of the overlay's host element in the portal's pages (entrypoints/amelipro.content/host.ts): the page
 * readers skip what is inside it, so the extension never reads its own text as the page's.
 */
export const HOST_TAG = 'compagnon-amelipro';
