import { render } from 'preact';
import { browser } from 'wxt/browser';
import { injectCss, SURFACE_CSS } from '../../components/surface.css';
import { detectLang } from '../../lib/i18n';
import { OptionsApp } from './App';

injectCss(SURFACE_CSS);
render(<OptionsApp lang={detectLang(browser.i18n.getUILanguage())} />, document.getElementById('app')!);
