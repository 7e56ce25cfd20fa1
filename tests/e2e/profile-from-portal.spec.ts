/**
 * The profession the portal's header names is offered, never applied unasked: the popup proposes it and saves it
 * on one click; the options page comes pre-filled with it; until then the checks stay those of the default profile.
 */
import { test, expect } from './fixtures';
import { readStore } from './db';
import { overlay } from './overlay';
import { tabIdOf } from './tabs';
import { PORTAL_PROFESSION_KEY, tabSessionKey } from '../../lib/session-keys';

const TAB_KEY_PREFIX = tabSessionKey(0).slice(0, -1);

test('a pharmacist header: the popup offers « Pharmacien d’officine », the options come pre-filled, one click saves it', async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  await page.goto('https://conventionpharmaciens.ameli.fr/ma-convention/');
  await expect(overlay(page)).toHaveAttribute('data-compagnon-page', 'convention-pharmacien');
  const tabId = await tabIdOf(serviceWorker, '/ma-convention/');

  // Options: pre-selected, said to come from the header, not saved.
  const options = await openExtensionPage('options.html');
  await expect(options.getByLabel('Profession')).toHaveValue('pharmacien');
  await expect(options.getByTestId('profile-prefilled')).toContainText('Pharmacien d’officine');
  expect(await readStore(serviceWorker, 'settings')).not.toEqual([expect.objectContaining({ profession: 'pharmacien' })]);
  await options.close();

  // Popup: offered, with the default profile's note replaced; one click saves it.
  const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
  const offer = popup.getByTestId('profile-suggested');
  await expect(offer).toContainText('Le portail vous présente comme : Pharmacien d’officine');
  await expect(popup.getByTestId('profile-missing')).toHaveCount(0);
  await offer.getByRole('button', { name: 'Utiliser ce profil' }).click();
  await expect(offer).toHaveCount(0);
  await expect.poll(() => readStore(serviceWorker, 'settings')).toEqual([expect.objectContaining({ profession: 'pharmacien', specialty: null })]);
});

test('a saved profession is never replaced by what a header says', async ({ context, serviceWorker, openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.getByLabel('Profession').selectOption('medecin-specialiste');
  await options.getByRole('button', { name: 'Enregistrer' }).first().click();
  await expect.poll(() => readStore(serviceWorker, 'settings')).toEqual([expect.objectContaining({ profession: 'medecin-specialiste' })]);
  const page = await context.newPage();
  await page.goto('https://conventionpharmaciens.ameli.fr/ma-convention/');
  await expect(overlay(page)).toHaveAttribute('data-compagnon-page', 'convention-pharmacien');
  const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(serviceWorker, '/ma-convention/')}`);
  await expect(popup.getByTestId('tab-summary')).toBeVisible();
  await expect(popup.getByTestId('profile-suggested')).toHaveCount(0);
  // once a profession is saved the header is not read: the tab's state names none, nor does the session
  const session = (await serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { session: { get: (k: null) => Promise<object> } } } }).chrome.storage.session.get(null),
  )) as Record<string, unknown>;
  const tabStates = Object.entries(session).filter(([key]) => key.startsWith(TAB_KEY_PREFIX));
  expect(tabStates.length).toBeGreaterThan(0);
  for (const [, state] of tabStates) expect(state).not.toHaveProperty('portalProfession');
  expect(session).not.toHaveProperty(PORTAL_PROFESSION_KEY);
  await options.reload();
  await expect(options.getByLabel('Profession')).toHaveValue('medecin-specialiste');
  await expect(options.getByTestId('profile-prefilled')).toHaveCount(0);
});
