import { FINDING_CSS } from './FindingList';
import { BLUE, FAINT, GREEN, INK, MUTED, RED_DARK, WHITE } from '../lib/colors';

/** Base styles of the extension pages (popup, side panel, options). */
export const SURFACE_CSS = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 Arial,"Helvetica Neue",sans-serif;color:${INK};background:${WHITE}}
header.ca-top{display:flex;align-items:center;gap:8px;padding:10px 12px;background:${BLUE};color:${WHITE}}
header.ca-top h1{font-size:15px;margin:0;flex:1}
header.ca-top img{width:20px;height:20px}
main{padding:12px;display:flex;flex-direction:column;gap:14px}
section h2{font-size:14px;margin:0 0 6px;color:${BLUE}}
.ca-muted{color:${MUTED};font-size:13px}
.ca-btn{display:inline-flex;align-items:center;gap:6px;padding:6px 12px;border-radius:4px;border:1px solid ${BLUE};background:${BLUE};color:${WHITE};font-size:13px;cursor:pointer}
.ca-btn.secondary{background:${WHITE};color:${BLUE}}
.ca-btn:disabled{opacity:.5;cursor:default}
textarea,input,select{font:inherit}
textarea{width:100%;min-height:90px;padding:6px;border:1px solid ${FAINT};border-radius:4px}
.ca-status{display:flex;flex-direction:column;gap:4px;font-size:13px}
.ca-ok{color:${GREEN}}.ca-bad{color:${RED_DARK}}.ca-unknown{color:${MUTED}}
${FINDING_CSS}
`;

export function injectCss(css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
}
