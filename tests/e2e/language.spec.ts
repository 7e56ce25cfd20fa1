/**
 * English mode shows no French string: with the language set to English in the options, no visible text of the
 * overlay (sick-leave and prescription pages, and the notes under the prescription field), the popup or the side
 * panel equals a French string of the extension's text tables (checked against the tables, not a hand list).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openOverlay } from './overlay';
import { tabIdOf } from './tabs';
import { UI } from '../../components/ui-text';
import { PROFESSION_LABELS, S } from '../../components/surface-text';
import { PAGE_LABELS } from '../../lib/pages/detect';
import { FEATURE_NAMES } from '../../lib/features/names';
import { rules } from '../../lib/rules/engine';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** French strings of the tables (interface, page names, features, rules), those that differ from their English. */
function frenchTable(): Set<string> {
  const out = new Set<string>();
  const add = (fr: string, en: string) => {
    if (norm(fr) !== norm(en)) out.add(norm(fr));
  };
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    const t = v as { fr?: unknown; en?: unknown };
    if (typeof t.fr === 'string' && typeof t.en === 'string') {
      add(t.fr, t.en);
      return;
    }
    for (const x of Object.values(v)) walk(x);
  };
  walk([UI, S, PROFESSION_LABELS, PAGE_LABELS, FEATURE_NAMES]);
  for (const r of rules) {
    add(r.title.fr, r.title.en);
    add(r.message.fr, r.message.en);
    if (r.transition) walk(r.transition.message);
    if (r.checklist) walk(r.checklist);
  }
  return out;
}

/** Visible text nodes of the document and of the extension's shadow roots (the page's own text excluded on amelipro). */
async function shownTexts(page: Page, onlyOwn: boolean): Promise<string[]> {
  return page.evaluate((own) => {
    const out: string[] = [];
    const walk = (node: Node) => {
      for (const n of Array.from(node.childNodes)) {
        if (n.nodeType === Node.TEXT_NODE) {
          const t = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
          const parent = n.parentElement;
          if (t && parent?.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions) && !parent.closest('style,script')) out.push(t);
        } else if (n.nodeType === Node.ELEMENT_NODE) {
          const el = n as Element;
          if (el.shadowRoot) walk(el.shadowRoot);
          walk(el);
        }
      }
    };
    if (own) for (const host of Array.from(document.querySelectorAll('compagnon-amelipro, compagnon-amelipro-note'))) walk(host.shadowRoot ?? host);
    else walk(document.body);
    return out;
  }, onlyOwn);
}

test('English mode: no French string of the tables on the overlay, the popup or the side panel', async ({ openExtensionPage, context, serviceWorker }) => {
  const french = frenchTable();
  expect(french.size).toBeGreaterThan(200);
  const frenchShown = (texts: string[]) => texts.filter((t) => french.has(t));

  // in French the same walk does find the table's strings (the check below is not empty by construction)
  const fr = await context.newPage();
  await fr.goto('https://espacepro.ameli.fr/aat/');
  // the paper Cerfa asked for: the overlay has something to say (on a notice with nothing to say, nothing is shown)
  await fr.locator('#aat-imprimer-cerfa-btn').click();
  await openOverlay(fr);
  expect(frenchShown(await shownTexts(fr, true)).length).toBeGreaterThan(0);
  await fr.close();

  const options = await openExtensionPage('options.html');
  await options.locator('#lang-select').selectOption('en');
  await expect(options.getByRole('heading', { name: 'Profile' })).toBeVisible();

  // the sick-leave page's overlay
  const aat = await context.newPage();
  await aat.goto('https://espacepro.ameli.fr/aat/');
  await aat.locator('#aat-imprimer-cerfa-btn').click();
  await openOverlay(aat);
  const aatTexts = await shownTexts(aat, true);
  expect(aatTexts.length).toBeGreaterThan(3);
  expect(frenchShown(aatTexts)).toEqual([]);

  // the prescription page: a tramadol line's notes under the field and the overlay
  const rx = await context.newPage();
  await rx.goto('https://espacepro.ameli.fr/prescription/');
  await rx.locator('#prescription-ligne-2').fill('Tramadol 50 mg : 1 gélule 3 fois par jour pendant 10 jours');
  await expect(rx.locator('compagnon-amelipro-note').first()).toBeVisible();
  await openOverlay(rx);
  await expect(rx.locator('compagnon-amelipro [data-rule-id="secure-prescription.required"]').first()).toBeVisible();
  const rxTexts = await shownTexts(rx, true);
  expect(rxTexts.length).toBeGreaterThan(3);
  expect(frenchShown(rxTexts)).toEqual([]);

  // the popup and the side panel on the sick-leave tab
  const aatTab = await tabIdOf(serviceWorker, '/aat/');
  const popup = await openExtensionPage(`popup.html?tabId=${aatTab}`);
  await expect(popup.getByRole('heading', { name: 'Before submitting' })).toBeVisible();
  expect(frenchShown(await shownTexts(popup, false))).toEqual([]);

  const panel = await openExtensionPage(`sidepanel.html?tabId=${aatTab}`);
  await expect(panel.locator('[data-section="current-page"]')).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'On this page' })).toBeVisible();
  expect(frenchShown(await shownTexts(panel, false))).toEqual([]);
});
