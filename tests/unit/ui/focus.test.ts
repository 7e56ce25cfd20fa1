/** The focus indicator stands out at 3:1 or more on every background of the extension's surfaces. */
import { describe, expect, it } from 'vitest';
import { FINDING_CSS, FOCUS_RING } from '../../../components/FindingList';
import { APP_CSS } from '../../../components/app.css';
import { OVERLAY_CSS, OVERLAY_PANEL_CSS } from '../../../components/Overlay';
import { SURFACE_CSS } from '../../../components/surface.css';

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};
const expand = (hex: string) => (hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex).toLowerCase();

describe('focus indicator', () => {
  const css = [FINDING_CSS, APP_CSS, OVERLAY_CSS, OVERLAY_PANEL_CSS, SURFACE_CSS].join('\n');
  // every background colour the surfaces paint (the page behind the overlay: white or the portal's light greys)
  const backgrounds = [...new Set([...css.matchAll(/background(?:-color)?:\s*(#[0-9a-fA-F]{3,6})\b/g)].map((m) => expand(m[1]!)))];

  it('finds the backgrounds it is checked against', () => {
    expect(backgrounds).toEqual(expect.arrayContaining(['#ffffff', '#0c419a', '#fdf1f0']));
  });

  it('one of its two rings is at 3:1 or more against each of them; the old yellow ring was not', () => {
    for (const bg of [...backgrounds, '#f3f6f9', '#e6e6e6']) {
      expect(Math.max(contrast(expand(FOCUS_RING.inner), bg), contrast(expand(FOCUS_RING.outer), bg)), bg).toBeGreaterThanOrEqual(3);
    }
    expect(contrast('#ffbf47', '#ffffff')).toBeLessThan(3);
  });

  it('every surface uses it, and no other focus outline is left', () => {
    expect(css).not.toMatch(/ffbf47/i);
    // the overlay's button has it from the start, before the panel's styles (FINDING_CSS) are put in
    for (const sheet of [FINDING_CSS, APP_CSS, OVERLAY_CSS]) expect(sheet).toContain(`outline:3px solid ${FOCUS_RING.outer}`);
  });

  it('no text under 13 px in the popup and side panel styles', () => {
    for (const m of [FINDING_CSS, APP_CSS, SURFACE_CSS].join('\n').matchAll(/font-size:\s*(\d+)px/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(13);
  });
});
