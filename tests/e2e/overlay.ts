import { expect, type Page } from '@playwright/test';

export const overlay = (page: Page) => page.locator('compagnon-amelipro');

/** Opens the overlay panel if it is collapsed (information-only findings keep it collapsed). */
export async function openOverlay(page: Page): Promise<void> {
  const pill = overlay(page).locator('.ca-pill');
  await expect(overlay(page).locator('.ca-pill, .ca-panel').first()).toBeVisible();
  if (await pill.count()) await pill.click();
  await expect(overlay(page).locator('.ca-panel')).toBeVisible();
}

/** Folds the overlay panel back to its corner button, as a user does with its close button. */
export async function closeOverlay(page: Page): Promise<void> {
  await overlay(page).locator('.ca-close').click();
  await expect(overlay(page).locator('.ca-pill')).toBeVisible();
}
