import { focusCss } from './FindingList';
import {
  AMBER,
  AMBER_DARK,
  AMBER_TINT,
  BLUE,
  BLUE_BORDER_2,
  BLUE_LIGHT,
  BLUE_TINT,
  BLUE_TINT_3,
  FAINT,
  INK,
  INK_2,
  MUTED_3,
  RED_DARK,
  WHITE,
} from '../lib/colors';

/** Styles of the popup, side panel and options beyond SURFACE_CSS (px only; amelipro blue, high contrast). */
export const APP_CSS = `
summary>h2,summary>h3{display:inline}
h3{font-size:13px;margin:10px 0 4px;color:${INK}}
h4{font-size:13px;margin:0 0 2px}
a{color:${BLUE}}
${focusCss('a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible,[tabindex]:focus-visible')}
.ca-row{display:flex;gap:8px;flex-wrap:wrap;align-items:center}
.ca-items{list-style:none;margin:6px 0;padding:0;display:flex;flex-direction:column;gap:6px}
.ca-item{border:1px solid ${BLUE_BORDER_2};border-radius:4px;padding:6px 8px;background:${WHITE}}
.ca-item.ca-review{border-left:4px solid ${AMBER};background:${AMBER_TINT}}
.ca-item.ca-na{opacity:.75}
.ca-item-row{display:flex;gap:8px;align-items:flex-start}
.ca-item-row input{margin-top:3px;width:16px;height:16px;flex:none}
.ca-item-row label{font-size:13px;line-height:1.4}
.ca-tag{display:inline-block;font-size:13px;font-weight:700;text-transform:uppercase;color:${WHITE};background:${AMBER_DARK};border-radius:3px;padding:0 4px}
.ca-prefill{margin:4px 0 0 24px;padding:0;list-style:none;font-size:13px;color:${INK}}
.ca-prefill li{margin-top:2px}
.ca-item .ca-actions{margin-left:24px}
.ca-link-btn{background:none;border:1px solid ${BLUE};border-radius:3px;color:${BLUE};font-size:13px;padding:1px 6px;cursor:pointer}
.ca-link-btn[aria-pressed="true"]{background:${BLUE};color:${WHITE}}
.ca-progress{font-size:13px;font-weight:700;margin:6px 0}
.ca-status-msg{font-size:13px;min-height:1em;margin:4px 0}
.ca-runs{margin:0;padding-left:18px;font-size:13px}
details>summary{cursor:pointer;color:${BLUE};font-weight:700}
.ca-rx label{display:block;font-size:13px;margin:6px 0 4px}
.ca-indicator-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:10px}
.ca-indicator{border:1px solid ${BLUE_BORDER_2};border-radius:4px;padding:8px}
.ca-bar{position:relative;height:18px;background:${BLUE_TINT_3};border:1px solid ${BLUE};border-radius:3px;margin:4px 0}
.ca-bar span{display:block;height:100%;background:repeating-linear-gradient(45deg,${BLUE} 0 6px,${BLUE_LIGHT} 6px 12px)}
.ca-bar em{position:absolute;right:4px;top:0;font-style:normal;font-size:13px;line-height:16px;color:${INK};background:${WHITE};padding:0 3px}
.ca-chart{margin:6px 0 0}
.ca-chart figcaption{margin-top:2px}
.ca-table table{border-collapse:collapse;font-size:13px;margin-top:4px}
.ca-table th,.ca-table td{border:1px solid ${FAINT};padding:2px 6px;text-align:left}
.ca-empty{padding:8px;border:1px dashed ${BLUE};border-radius:4px;background:${BLUE_TINT}}
.ca-help input[type=search]{width:100%;padding:5px;border:1px solid ${MUTED_3};border-radius:4px;margin:4px 0}
.ca-help label{font-size:13px}
.ca-help-entry{border-left:4px solid ${BLUE};background:${BLUE_TINT};padding:8px 10px;border-radius:4px}
.ca-help-entry.ca-focused{outline:2px solid ${BLUE}}
.ca-meta{margin:2px 0;font-size:13px;color:${INK_2}}
.ca-phase{font-weight:700}
.ca-form .ca-field{display:flex;flex-direction:column;gap:3px;margin-bottom:10px;max-width:420px}
.ca-form label,.ca-field label{font-size:13px;font-weight:700}
.ca-form select,.ca-form input[type=text],.ca-field input[type=date],.ca-field select{padding:5px;border:1px solid ${MUTED_3};border-radius:4px;max-width:420px}
.ca-error{color:${RED_DARK};font-size:13px;margin:0}
.ca-check{display:flex;gap:8px;align-items:center;margin:4px 0;font-size:13px}
.ca-news{border:1px solid ${BLUE};background:${BLUE_TINT};border-radius:4px;padding:8px 12px}
.ca-soon li{margin-bottom:4px}
`;
