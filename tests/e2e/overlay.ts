import { expect, type Page } from '@playwright/test';

export const overlay = (page: Page) => page.locator('compagnon-amelipro');

/** Opens the overlay panel if it is collapsed (information-only findings keep it collapsed). */
export async function openOverlay(page: Page): Promise<void> {
  const pill = overlay(page).locator('.ca-pill');
  const panel = overlay(page).locator('.ca-panel');
  await expect(overlay(page).locator('.ca-pill, .ca-panel').first()).toBeVisible();
  // A blocking finding that arrives now opens the panel by itself and the button goes: a click still waiting for
  // it would wait until the test times out. The panel being open is what is wanted.
  if ((await pill.count()) && !(await panel.count())) {
    await pill.click({ timeout: 5_000 }).catch(async (err: unknown) => {
      if (!(await panel.count())) throw err;
    });
  }
  await expect(panel).toBeVisible();
}

/** Folds the overlay panel back to its corner button, as a user does with its close button. */
export async function closeOverlay(page: Page): Promise<void> {
  await overlay(page).locator('.ca-close').click();
  await expect(overlay(page).locator('.ca-pill')).toBeVisible();
}
