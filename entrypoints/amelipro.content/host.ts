/**
 * The overlay's host: `<compagnon-amelipro>` at the end of `<body>`, with an open shadow root that holds the
 * overlay's styles and the container Preact renders into; the portal's styles do not reach inside, ours do not
 * leak out. A dozen lines instead of WXT's createShadowRootUi, whose generic helpers (anchor lookup, CSS
 * splitting, option merging) were start-up time spent on every amelipro page.
 */
import { markOwn } from '../../lib/features/dom';

export const HOST_TAG = 'compagnon-amelipro';

export interface OverlayHost {
  host: HTMLElement;
  container: HTMLElement;
  remove: () => void;
}

export function mountOverlayHost(doc: Document, css: string): OverlayHost {
  const host = markOwn(doc.createElement(HOST_TAG));
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  // the page's styles on our tag never win over this reset
  style.textContent = `:host{all:initial !important}\n${css}`;
  const container = doc.createElement('div');
  shadow.append(style, container);
  (doc.body ?? doc.documentElement).append(host);
  return { host, container, remove: () => host.remove() };
}
