import { focusCss } from './FindingList';

/** Styles of the popup, side panel and options beyond SURFACE_CSS (px only; amelipro blue, high contrast). */
export const APP_CSS = `
summary>h2,summary>h3{display:inline}
h3{font-size:13px;margin:10px 0 4px;color:#1d1d1b}
h4{font-size:13px;margin:0 0 2px}
a{color:#0c419a}
${focusCss('a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible,[tabindex]:focus-visible')}
.ca-row{display:flex;gap:8px;flex-wrap:wrap;align-items:center}
.ca-items{list-style:none;margin:6px 0;padding:0;display:flex;flex-direction:column;gap:6px}
.ca-item{border:1px solid #c8d3e6;border-radius:4px;padding:6px 8px;background:#fff}
.ca-item.ca-review{border-left:4px solid #a15c00;background:#fff7e8}
.ca-item.ca-na{opacity:.75}
.ca-item-row{display:flex;gap:8px;align-items:flex-start}
.ca-item-row input{margin-top:3px;width:16px;height:16px;flex:none}
.ca-item-row label{font-size:13px;line-height:1.4}
.ca-tag{display:inline-block;font-size:13px;font-weight:700;text-transform:uppercase;color:#fff;background:#7a4500;border-radius:3px;padding:0 4px}
.ca-prefill{margin:4px 0 0 24px;padding:0;list-style:none;font-size:13px;color:#1d1d1b}
.ca-prefill li{margin-top:2px}
.ca-item .ca-actions{margin-left:24px}
.ca-link-btn{background:none;border:1px solid #0c419a;border-radius:3px;color:#0c419a;font-size:13px;padding:1px 6px;cursor:pointer}
.ca-link-btn[aria-pressed="true"]{background:#0c419a;color:#fff}
.ca-progress{font-size:13px;font-weight:700;margin:6px 0}
.ca-status-msg{font-size:13px;min-height:1em;margin:4px 0}
.ca-runs{margin:0;padding-left:18px;font-size:13px}
details>summary{cursor:pointer;color:#0c419a;font-weight:700}
.ca-rx label{display:block;font-size:13px;margin:6px 0 4px}
.ca-rx-lines{margin-top:6px}
.ca-rx-findings{margin:4px 0 0;padding-left:16px;font-size:13px}
.ca-rx-findings li{margin-top:3px}
.ca-indicator-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:10px}
.ca-indicator{border:1px solid #c8d3e6;border-radius:4px;padding:8px}
.ca-bar{position:relative;height:18px;background:#e8edf6;border:1px solid #0c419a;border-radius:3px;margin:4px 0}
.ca-bar span{display:block;height:100%;background:repeating-linear-gradient(45deg,#0c419a 0 6px,#2d5fb8 6px 12px)}
.ca-bar em{position:absolute;right:4px;top:0;font-style:normal;font-size:13px;line-height:16px;color:#1d1d1b;background:#fff;padding:0 3px}
.ca-chart{margin:6px 0 0}
.ca-chart figcaption{margin-top:2px}
.ca-table table{border-collapse:collapse;font-size:13px;margin-top:4px}
.ca-table th,.ca-table td{border:1px solid #999;padding:2px 6px;text-align:left}
.ca-empty{padding:8px;border:1px dashed #0c419a;border-radius:4px;background:#f5f8fd}
.ca-help input[type=search]{width:100%;padding:5px;border:1px solid #767676;border-radius:4px;margin:4px 0}
.ca-help label{font-size:13px}
.ca-help-entry{border-left:4px solid #0c419a;background:#f5f8fd;padding:8px 10px;border-radius:4px}
.ca-help-entry.ca-focused{outline:2px solid #0c419a}
.ca-meta{margin:2px 0;font-size:13px;color:#333}
.ca-phase{font-weight:700}
.ca-form .ca-field{display:flex;flex-direction:column;gap:3px;margin-bottom:10px;max-width:420px}
.ca-form label,.ca-field label{font-size:13px;font-weight:700}
.ca-form select,.ca-form input[type=text],.ca-field input[type=date],.ca-field select{padding:5px;border:1px solid #767676;border-radius:4px;max-width:420px}
.ca-error{color:#8c1d18;font-size:13px;margin:0}
.ca-check{display:flex;gap:8px;align-items:center;margin:4px 0;font-size:13px}
.ca-news{border:1px solid #0c419a;background:#f5f8fd;border-radius:4px;padding:8px 12px}
.ca-soon li{margin-bottom:4px}
`;
