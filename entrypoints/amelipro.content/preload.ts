/**
 * What the loader (index.ts) can tell before the module starts, to ask early for what the page will need. A guess
 * only: the features decide (lib/features/prescription.ts loads the reader where a medicine field holds text).
 */

/** True when a text area of the page already holds text (a medicine line of a draft or a renewal, perhaps). */
export function textAreaWritten(doc: Document): boolean {
  for (const area of doc.querySelectorAll('textarea')) if (area.value.trim() !== '') return true;
  return false;
}
