/**
 * The overlay's host: `<compagnon-amelipro>` at the end of `<body>`, with an open shadow root that holds the
 * overlay's styles and the container Preact renders into; the portal's styles do not reach inside, ours do not
 * leak out. A dozen lines instead of WXT's createShadowRootUi, whose generic helpers (anchor lookup, CSS
 * splitting, option merging) were start-up time spent on every amelipro page.
 */
import { markOwn } from '../../lib/page-facts/dom';
import { HOST_TAG } from '../../lib/host-tag';

export { HOST_TAG };

const HOST_RESET =
  ':host{display:inline !important;position:static !important;transform:none !important;filter:none !important;' +
  'opacity:1 !important;visibility:visible !important;clip-path:none !important;contain:none !important;zoom:1 !important}';

export interface OverlayHost {
  host: HTMLElement;
  container: HTMLElement;
  remove: () => void;
}

export function mountOverlayHost(doc: Document, css: string): OverlayHost {
  const host = markOwn(doc.createElement(HOST_TAG));
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  // The page's rules on our tag never win over these (!important in a shadow tree beats the page's !important).
  // Only the properties that could hide the overlay or break its fixed position, rather than `all: initial`,
  // whose hundreds of longhands the browser would parse and apply on every page; the inherited text properties
  // are reset on the overlay's root (OVERLAY_CSS).
  style.textContent = `${HOST_RESET}\n${css}`;
  const container = doc.createElement('div');
  shadow.append(style, container);
  (doc.body ?? doc.documentElement).append(host);
  return { host, container, remove: () => host.remove() };
}
