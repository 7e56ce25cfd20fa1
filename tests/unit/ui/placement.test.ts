/** Where the overlay may stand: never over one of the page's controls. */
import { describe, expect, it } from 'vitest';
import { controlBoxes, placeButton, placePanel, type Box } from '../../../components/placement';

const view = { width: 1280, height: 800 };
const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, right: left + width, bottom: top + height });
const panel = { width: 340, height: 280 };
const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
/** The panel's rectangle in the window for a spot. */
function rectOf(spot: NonNullable<ReturnType<typeof placePanel>>, width = panel.width): Box {
  const left = spot.corner.endsWith('right') ? view.width - 16 - width : 16;
  const top = spot.corner.startsWith('bottom') ? view.height - spot.edge - spot.height : spot.edge;
  return { left, top, right: left + width, bottom: top + spot.height };
}

describe('placePanel', () => {
  it('bottom right when nothing is there', () => {
    expect(placePanel(view, [box(100, 100, 200, 40)], panel, 140)).toEqual({ corner: 'bottom-right', edge: 16, height: 280 });
  });

  it('another corner when a button is under the bottom right (the sick-leave form\'s "Valider et transmettre")', () => {
    const send = box(1000, 700, 200, 44);
    const spot = placePanel(view, [send], panel, 140)!;
    expect(intersects(rectOf(spot), send)).toBe(false);
    expect(spot).toEqual({ corner: 'bottom-right', edge: 800 - 700 + 4, height: 280 });
    // and a column of buttons on the right: the left corner
    const column = [send, box(1000, 100, 200, 44), box(1000, 400, 200, 44)];
    const left = placePanel(view, column, panel, 140)!;
    expect(left.corner).toBe('bottom-left');
    for (const c of column) expect(intersects(rectOf(left), c)).toBe(false);
  });

  it('a shorter panel, in the largest free place, when no place has room for all of it', () => {
    const controls = [0, 250, 500, 700].map((y) => box(0, y, 1280, 44));
    const spot = placePanel(view, controls, panel, 140)!;
    expect(spot.height).toBe(500 - 4 - (250 + 44 + 4));
    for (const c of controls) expect(intersects(rectOf(spot), c)).toBe(false);
  });

  it('nowhere (null) when every place would cover a control', () => {
    const grid: Box[] = [];
    for (let y = 0; y < 800; y += 100) for (let x = 0; x < 1280; x += 200) grid.push(box(x, y, 150, 40));
    expect(placePanel(view, grid, panel, 140)).toBeNull();
  });

  it('a narrow window: the panel keeps 16 px from each edge', () => {
    const spot = placePanel({ width: 320, height: 600 }, [], panel, 140)!;
    expect(spot).toEqual({ corner: 'bottom-right', edge: 16, height: 280 });
  });
});

describe('placeButton', () => {
  it('the first free corner, else the free place nearest one, else null', () => {
    const button = { width: 48, height: 32 };
    expect(placeButton(view, [], button)).toEqual({ corner: 'bottom-right', edge: 16, height: 32 });
    const corners = [box(1180, 740, 100, 60), box(0, 740, 100, 60), box(1180, 0, 100, 60), box(0, 0, 100, 60)];
    const spot = placeButton(view, corners, button)!;
    expect(spot.corner).toBe('bottom-right');
    expect(spot.edge).toBeGreaterThan(60);
    const full = [box(0, 0, 1280, 800)];
    expect(placeButton(view, full, button)).toBeNull();
  });
});

describe('controlBoxes', () => {
  /** A page with three buttons at given places (happy-dom lays nothing out: each rectangle is given). */
  function pageWith(rects: Box[]): { doc: Document; own: Element } {
    const doc = document.implementation.createHTMLDocument('t');
    const own = doc.createElement('compagnon-amelipro');
    own.append(doc.createElement('button'));
    doc.body.append(own);
    for (const r of rects) {
      const b = doc.createElement('button');
      b.getBoundingClientRect = () => ({ ...r, x: r.left, y: r.top, width: r.right - r.left, height: r.bottom - r.top, toJSON: () => r }) as DOMRect;
      doc.body.append(b);
    }
    return { doc, own };
  }

  it("the page's controls in the window, the overlay's own left out; with `within`, only those overlapping it", () => {
    const send = box(1000, 700, 200, 44);
    const menu = box(10, 10, 100, 30);
    const offScreen = box(10, 5000, 100, 30);
    const { doc, own } = pageWith([send, menu, offScreen]);
    Object.defineProperty(doc, 'defaultView', { value: { innerWidth: 1280, innerHeight: 800 } });
    expect(controlBoxes(doc, own)).toEqual([send, menu]);
    expect(controlBoxes(doc, own, box(1100, 720, 60, 60))).toEqual([send]);
    expect(controlBoxes(doc, own, box(600, 400, 60, 60))).toEqual([]);
  });
});
