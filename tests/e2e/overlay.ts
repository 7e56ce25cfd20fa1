import { expect, type Page } from '@playwright/test';

export const overlay = (page: Page) => page.locator('compagnon-amelipro');

/**
 * Opens the overlay panel if it is collapsed (information-only findings keep it collapsed). A new alert may unfold
 * the panel by itself while this runs (the corner button then goes): the button is clicked only while it is there.
 */
export async function openOverlay(page: Page): Promise<void> {
  await expect(overlay(page).locator('.ca-pill, .ca-panel').first()).toBeVisible();
  await expect(async () => {
    if ((await overlay(page).locator('.ca-panel').count()) === 0) await overlay(page).locator('.ca-pill').click({ timeout: 2_000 });
    await expect(overlay(page).locator('.ca-panel')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** Folds the overlay panel back to its corner button, as a user does with its close button. */
export async function closeOverlay(page: Page): Promise<void> {
  await overlay(page).locator('.ca-close').click();
  await expect(overlay(page).locator('.ca-pill')).toBeVisible();
}
