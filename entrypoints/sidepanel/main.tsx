import { render } from 'preact';
import { browser } from 'wxt/browser';
import { APP_CSS } from '../../components/app.css';
import { injectCss, SURFACE_CSS } from '../../components/surface.css';
import { detectLang } from '../../lib/i18n';
import { SidePanelApp } from './App';

injectCss(SURFACE_CSS + APP_CSS + '.ca-inline{display:inline;font-size:14px}');
render(<SidePanelApp lang={detectLang(browser.i18n.getUILanguage())} />, document.getElementById('app')!);
performance.mark('compagnon:rendered');
