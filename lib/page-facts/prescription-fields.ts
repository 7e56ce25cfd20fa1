/** The page's free-text fields where medicines are written, found by their labels (never by an id alone). */
import { HOST_TAG } from '../host-tag';
import { labelFor, labelText, normalize } from './dom';

const MEDICINE_LABEL = /\bmedicaments?\b|\bordonnance\b|\btraitements?\b|\bposologie\b|\bprescriptions? (de|du) medicament/;
const NOT_MEDICINE = /\bdate\b|\bmotif\b|\bnir\b|\bnom\b|\bprenom\b|\badresse\b|\bnumero\b|\bald\b/;

function labelOf(field: HTMLElement): string {
  const doc = field.ownerDocument;
  const parts: string[] = [];
  const by = field.getAttribute('aria-labelledby');
  if (by) for (const id of by.split(/\s+/)) parts.push(labelText(doc.getElementById(id)));
  parts.push(labelText(labelFor(field)));
  parts.push(normalize(field.getAttribute('aria-label')), normalize(field.getAttribute('placeholder')));
  return parts.filter(Boolean).join(' ');
}

/**
 * The free-text fields where medicines are written, in page order. On the prescription page (`prescriptionPage`)
 * every free-text field is a medicine line unless its label says otherwise, so that a line whose label changed
 * (or has none) is still checked rather than silently skipped.
 */
export function medicineFields(doc: Document, prescriptionPage = false): HTMLTextAreaElement[] {
  return Array.from(doc.querySelectorAll<HTMLTextAreaElement>('textarea')).filter((t) => {
    if (t.getAttribute('aria-hidden') === 'true' || t.readOnly || t.closest(HOST_TAG)) return false;
    const label = labelOf(t);
    return (prescriptionPage || MEDICINE_LABEL.test(label)) && !NOT_MEDICINE.test(label);
  });
}
