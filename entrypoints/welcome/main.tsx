import { render } from 'preact';
import { browser } from 'wxt/browser';
import { APP_CSS } from '../../components/app.css';
import { injectCss, SURFACE_CSS } from '../../components/surface.css';
import { detectLang } from '../../lib/i18n';
import { WelcomeApp } from './App';

injectCss(SURFACE_CSS + APP_CSS + 'main.ca-options{max-width:760px;margin:0 auto}.ca-welcome li{margin:4px 0}');
render(<WelcomeApp lang={detectLang(browser.i18n.getUILanguage())} />, document.getElementById('app')!);
