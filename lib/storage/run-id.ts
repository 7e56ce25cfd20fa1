/** Checklist run ids: drawn by the popup or the storage owner, checked by the protocol. */

/**
 * Letters only: a UUID can contain 13 digits in a row, which the privacy guard would (rightly) take for a NIR.
 * 18 random letters: 26^18 ≈ 3e25 possibilities.
 */
export function newRunId(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return `run-${Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26))).join('')}`;
}

/** A run id as `newRunId` draws it: the popup may draw it itself, to record it before the run is written. */
export const RUN_ID_PATTERN = /^run-[a-z]{18}$/;
