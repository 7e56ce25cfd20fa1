/** At install, the welcome page opens once: what the extension does and never does, pinning, the profile. */
import { test, expect } from './fixtures';
import { readStore } from './db';

test('the welcome page opens at install and saves the profile', async ({ context, serviceWorker }) => {
  const welcome =
    context.pages().find((p) => p.url().endsWith('/welcome.html')) ??
    (await context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/welcome.html') }));
  await welcome.waitForLoadState();
  await expect(welcome.getByRole('heading', { name: 'Bienvenue dans Compagnon amelipro' })).toBeVisible();
  await expect(welcome.getByRole('heading', { name: 'Ce qu’il ne fait jamais' })).toBeVisible();
  await expect(welcome.getByText('Aucune donnée de patient n’est enregistrée ni envoyée')).toBeVisible();
  await expect(welcome.getByRole('heading', { name: 'Épinglez son bouton' })).toBeVisible();
  await welcome.getByLabel('Profession').selectOption('pharmacien');
  await welcome.getByLabel('Département').fill('21');
  await welcome.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(welcome.getByTestId('profile-status')).toHaveText('Enregistré.');
  expect(await readStore(serviceWorker, 'settings')).toEqual([expect.objectContaining({ profession: 'pharmacien', departement: '21' })]);
  // once: only one welcome tab
  expect(context.pages().filter((p) => p.url().endsWith('/welcome.html'))).toHaveLength(1);
});
