/** The custom element that hosts the overlay in the portal's page (and the CSS hook the page code skips). */
export const HOST_TAG = 'compagnon-amelipro';
