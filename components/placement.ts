/**
 * Where the overlay may stand: never over one of the page's controls (buttons, links, fields). Pure geometry,
 * given the window's size and the rectangles of the page's controls, plus the one DOM helper that reads them.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

export interface Spot {
  corner: Corner;
  /** Distance from the window's edge on the corner's vertical side (bottom for bottom corners, top for top ones). */
  edge: number;
  /** The height the panel may take there without covering anything. */
  height: number;
}

/** Space kept between the overlay and the window's edges, and between the overlay and a control. */
export const MARGIN = 16;
const GAP = 4;

const overlaps = (a: number, b: number, c: number, d: number) => a < d && c < b;

/**
 * The free stretches of the column of `width` at the corner's side (left or right), from the window's top to its
 * bottom less the margins: where no control of that column is (within GAP px), ordered from the corner's edge.
 */
function freeGaps(view: { width: number; height: number }, controls: readonly Box[], corner: Corner, width: number): { top: number; bottom: number }[] {
  const left = corner.endsWith('right') ? view.width - MARGIN - width : MARGIN;
  const right = left + width;
  const taken = controls
    .filter((c) => overlaps(left - GAP, right + GAP, c.left, c.right))
    .map((c) => ({ top: c.top - GAP, bottom: c.bottom + GAP }))
    .sort((x, y) => x.top - y.top);
  const gaps: { top: number; bottom: number }[] = [];
  let from = MARGIN;
  for (const t of taken) {
    if (t.top > from) gaps.push({ top: from, bottom: Math.min(t.top, view.height - MARGIN) });
    from = Math.max(from, t.bottom);
  }
  if (from < view.height - MARGIN) gaps.push({ top: from, bottom: view.height - MARGIN });
  const usable = gaps.filter((g) => g.bottom - g.top > 0);
  return corner.startsWith('bottom') ? usable.reverse() : usable;
}

/** The spot of `height` in a gap, against the corner's edge (bottom or top) of that gap. */
function spotIn(view: { height: number }, corner: Corner, gap: { top: number; bottom: number }, height: number): Spot {
  const edge = corner.startsWith('bottom') ? view.height - gap.bottom : gap.top;
  return { corner, edge: Math.round(edge), height: Math.floor(height) };
}

/**
 * The place nearest a corner (bottom right first) where the whole panel fits without covering a control;
 * otherwise the largest free place, if at least `minHeight` high (the panel then scrolls); otherwise null:
 * there is no place in this window where the panel would cover nothing, and the overlay stays a corner button.
 */
export function placePanel(
  view: { width: number; height: number },
  controls: readonly Box[],
  panel: { width: number; height: number },
  minHeight: number,
): Spot | null {
  const width = Math.min(panel.width, view.width - 2 * MARGIN);
  const need = Math.min(minHeight, panel.height);
  let best: Spot | null = null;
  for (const corner of CORNERS) {
    for (const gap of freeGaps(view, controls, corner, width)) {
      const room = gap.bottom - gap.top;
      if (room >= panel.height) return spotIn(view, corner, gap, panel.height);
      if (room >= need && (!best || room > best.height)) best = spotIn(view, corner, gap, room);
    }
  }
  return best;
}

/** The place nearest a corner (bottom right first) where the corner button covers nothing; null when none. */
export function placeButton(view: { width: number; height: number }, controls: readonly Box[], button: { width: number; height: number }): Spot | null {
  for (const corner of CORNERS) {
    const gap = freeGaps(view, controls, corner, button.width).find((g) => g.bottom - g.top >= button.height);
    if (gap) return spotIn(view, corner, gap, button.height);
  }
  return null;
}

/** What counts as one of the page's controls: anything a user clicks, follows or types in. */
export const CONTROL_SELECTOR =
  'a[href],button,input:not([type="hidden"]),select,textarea,summary,[role="button"],[role="link"],[role="tab"],' +
  '[role="menuitem"],[role="checkbox"],[role="radio"],[role="switch"],[role="combobox"],[role="textbox"],' +
  '[contenteditable=""],[contenteditable="true"]';

/**
 * The rectangles, in the window, of the page's visible controls (`own`: the overlay's host, left out); with
 * `within`, only those that overlap it (what the corner button where it stands would cover). Reads the layout:
 * called when the overlay moves, and in the frame that first lays the button out (the layout is then already done).
 */
export function controlBoxes(doc: Document, own: Element, within?: Box): Box[] {
  const view = doc.defaultView;
  const width = view?.innerWidth ?? 0;
  const height = view?.innerHeight ?? 0;
  const boxes: Box[] = [];
  for (const el of doc.querySelectorAll(CONTROL_SELECTOR)) {
    if (el === own || own.contains(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0 || r.bottom <= 0 || r.right <= 0 || r.top >= height || r.left >= width) continue;
    if (within && !(r.left < within.right && within.left < r.right && r.top < within.bottom && within.top < r.bottom)) continue;
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true })) continue;
    boxes.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  }
  return boxes;
}
