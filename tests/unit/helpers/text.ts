/**
 * French text as the user reads it, with the no-break spaces the text layer puts before « : ; ? ! » and inside
 * « » (lib/i18n.ts frenchTypography) turned back into plain spaces: for tests that compare wording, not spacing.
 * The typography itself is asserted in tests/unit/i18n/typography.test.ts.
 */
export const plain = (s: string | null | undefined): string => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
