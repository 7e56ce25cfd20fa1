/**
 * The profession the portal's header names is offered, never applied unasked: the popup proposes it and saves it
 * on one click; the options page comes pre-filled with it; until then the checks stay those of the default profile.
 * The header is read only when one of them asks, never at page load: no tab state nor session entry holds it.
 */
import type { Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { readStore } from './db';
import { tabIdOf, expectChecked } from './tabs';
import { tabSessionKey } from '../../lib/session-keys';

const TAB_KEY_PREFIX = tabSessionKey(0).slice(0, -1);

/** Counts, from now on, the extension pages' questions for the header's profession (the one way it is read). */
async function countProfessionQuestions(serviceWorker: Worker): Promise<() => Promise<number>> {
  await serviceWorker.evaluate(() => {
    const g = globalThis as unknown as {
      professionQuestions: number;
      chrome: { runtime: { onMessage: { addListener: (l: (m: { type?: string } | null) => void) => void } } };
    };
    g.professionQuestions = 0;
    g.chrome.runtime.onMessage.addListener((m) => {
      if (m?.type === 'find-portal-profession') g.professionQuestions++;
    });
  });
  return () => serviceWorker.evaluate(() => (globalThis as unknown as { professionQuestions: number }).professionQuestions);
}

/** The session (tab states included) names no profession: the header's is never kept. */
async function expectNoProfessionKept(serviceWorker: Worker): Promise<void> {
  const session = () =>
    serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { session: { get: (k: null) => Promise<object> } } } }).chrome.storage.session.get(null),
    ) as Promise<Record<string, unknown>>;
  const tabStates = async () => Object.entries(await session()).filter(([key]) => key.startsWith(TAB_KEY_PREFIX));
  await expect.poll(async () => (await tabStates()).length).toBeGreaterThan(0);
  for (const [, state] of await tabStates()) expect(state).not.toHaveProperty('portalProfession');
  expect(Object.keys(await session()).filter((key) => /profession/i.test(key))).toEqual([]);
}

test('a pharmacist header: the popup offers « Pharmacien d’officine », the options come pre-filled, one click saves it', async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  await page.goto('https://conventionpharmaciens.ameli.fr/ma-convention/');
  await expectChecked(page, 'convention-pharmacien');
  const tabId = await tabIdOf(serviceWorker, '/ma-convention/');
  // read when asked, not at load: neither the tab's state nor the session holds the header's profession
  await expectNoProfessionKept(serviceWorker);
  const questions = await countProfessionQuestions(serviceWorker);

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
  // the options and the popup each asked; nothing of the answer was kept
  expect(await questions()).toBeGreaterThanOrEqual(2);
  await expectNoProfessionKept(serviceWorker);
});

test('a saved profession is never replaced by what a header says', async ({ context, serviceWorker, openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.getByLabel('Profession').selectOption('medecin-specialiste');
  await options.getByRole('button', { name: 'Enregistrer' }).first().click();
  await expect.poll(() => readStore(serviceWorker, 'settings')).toEqual([expect.objectContaining({ profession: 'medecin-specialiste' })]);
  const questions = await countProfessionQuestions(serviceWorker);
  const page = await context.newPage();
  await page.goto('https://conventionpharmaciens.ameli.fr/ma-convention/');
  await expectChecked(page, 'convention-pharmacien');
  const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(serviceWorker, '/ma-convention/')}`);
  await expect(popup.getByTestId('tab-summary')).toBeVisible();
  await expect(popup.getByTestId('profile-suggested')).toHaveCount(0);
  await options.reload();
  await expect(options.getByLabel('Profession')).toHaveValue('medecin-specialiste');
  await expect(options.getByTestId('profile-prefilled')).toHaveCount(0);
  // once a profession is saved, no page asks for the header's: it is not read at all
  expect(await questions()).toBe(0);
});
