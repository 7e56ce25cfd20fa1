import { render } from 'preact';
import { browser } from 'wxt/browser';
import { injectCss, SURFACE_CSS } from '../../components/surface.css';
import { detectLang } from '../../lib/i18n';
import { PopupApp } from './App';

injectCss(SURFACE_CSS + 'body{width:400px;min-height:200px}');
render(<PopupApp lang={detectLang(browser.i18n.getUILanguage())} />, document.getElementById('app')!);
