import { render } from 'preact';
import { browser } from 'wxt/browser';
import { APP_CSS } from '../../components/app.css';
import { injectCss, SURFACE_CSS } from '../../components/surface.css';
import { detectLang } from '../../lib/i18n';
import { SIDE_PANEL_HELP_PARAM, SIDE_PANEL_PORT } from '../../lib/side-panel';
import { SidePanelApp } from './App';

// Held while the panel is open: the background tells the amelipro tabs, which then read what only the panel shows
// (lib/background/side-panels.ts). The browser closes it with the panel. A rule's help alone shows none of it.
if (!new URLSearchParams(location.search).has(SIDE_PANEL_HELP_PARAM)) {
  try {
    browser.runtime.connect({ name: SIDE_PANEL_PORT });
  } catch {
    // no background to tell: the panel shows the rest
  }
}
injectCss(SURFACE_CSS + APP_CSS + '.ca-inline{display:inline;font-size:14px}');
render(<SidePanelApp lang={detectLang(browser.i18n.getUILanguage())} />, document.getElementById('app')!);
performance.mark('compagnon:rendered');
