import { expect, type Page } from '@playwright/test';

export const overlay = (page: Page) => page.locator('compagnon-amelipro');

/**
 * Opens the overlay panel if it is collapsed (only blocking findings open it by themselves). Retried: a blocking
 * finding may open the panel (and take the button away) just before the click, and the button may move to a
 * place where it covers none of the page's controls just after its position was read.
 */
export async function openOverlay(page: Page): Promise<void> {
  const pill = overlay(page).locator('.ca-pill');
  const panel = overlay(page).locator('.ca-panel');
  await expect(overlay(page).locator('.ca-pill, .ca-panel').first()).toBeVisible();
  // A blocking finding may open the panel by itself (the button goes) just before the click; the button may also
  // move to a free place just after its position was read: retried until the panel is open.
  await expect(async () => {
    if (!(await panel.count())) await pill.click({ timeout: 2000 });
    await expect(panel).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/** Folds the overlay panel back to its corner button, as a user does with its close button. */
export async function closeOverlay(page: Page): Promise<void> {
  await overlay(page).locator('.ca-close').click();
  await expect(overlay(page).locator('.ca-pill')).toBeVisible();
}
