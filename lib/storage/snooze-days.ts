/**
 * The snooze lengths the overlay offers, in days: the only ones the background accepts from a content script
 * (`snooze.days`); the end is counted by the background, from the reference date or today. A module of its own,
 * without zod, because the content script imports it.
 */
export const SNOOZE_DAYS = [1, 7, 30] as const;
export type SnoozeDays = (typeof SNOOZE_DAYS)[number];
