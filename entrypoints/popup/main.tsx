import { render } from 'preact';
import { browser } from 'wxt/browser';
import { APP_CSS } from '../../components/app.css';
import { injectCss, SURFACE_CSS } from '../../components/surface.css';
import { detectLang } from '../../lib/i18n';
import { PopupApp } from './App';
import { WHITE } from '../../lib/colors';

injectCss(SURFACE_CSS + APP_CSS + `body{width:400px;min-height:200px}.ca-top-link{color:${WHITE};font-size:13px}.ca-inline{display:inline;font-size:14px}`);
render(<PopupApp lang={detectLang(browser.i18n.getUILanguage())} />, document.getElementById('app')!);
performance.mark('compagnon:rendered');
