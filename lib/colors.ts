/**
 * The extension's colours, one name each: every CSS-in-TS file, the charts and the toolbar badge take them from
 * here. Contrast of text colours against their backgrounds: 4.5:1 or more (WCAG 2.2, 1.4.3).
 */
/** ameli's blue: links, buttons, the information severity, headers. */
export const BLUE = '#0c419a';
export const BLUE_LIGHT = '#2d5fb8';
export const BLUE_TINT = '#f5f8fd';
export const BLUE_TINT_2 = '#eef3fb';
export const BLUE_TINT_3 = '#e8edf6';
export const GREY_TINT = '#f3f5f9';
export const BLUE_BORDER = '#c7d2e4';
export const BLUE_BORDER_2 = '#c8d3e6';
/** Text. */
export const INK = '#1d1d1b';
export const INK_2 = '#333';
export const INK_3 = '#3d3d3d';
export const INK_4 = '#444';
export const MUTED = '#555';
export const MUTED_2 = '#5c5c5c';
export const MUTED_3 = '#767676';
export const FAINT = '#999';
export const LIGHT_GREY = '#f2f2f2';
export const WHITE = '#fff';
/** The blocking severity. */
export const RED = '#b3261e';
export const RED_DARK = '#8c1d18';
export const RED_TINT = '#fdf1f0';
export const RED_TINT_2 = '#fdecea';
/** The warning severity. */
export const AMBER = '#a15c00';
export const AMBER_DARK = '#7a4500';
export const AMBER_TINT = '#fff7e8';
/** Done, in order. */
export const GREEN = '#1e6b2f';
/** The note under the portal's carte Vitale button. */
export const NOTE_INK = '#5c3b00';
export const NOTE_TINT = '#fff6e0';
export const NOTE_BORDER = '#e8c37a';
