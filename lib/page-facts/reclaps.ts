/**
 * What «Réclamations Paiements» has attached: the files the page lists or its file inputs hold. File names can carry
 * a patient's name: only each file's position, extension and size leave this module ("pièce 2.heic").
 */
import { extensionOf } from '../file-extension';
import { HOST_TAG } from '../host-tag';
import { normalize } from './dom';
import type { Extraction } from './extraction';

export interface PickedFile {
  name: string;
  size: number;
}

/** Files as the rule sees them: anonymous names that keep the extension. */
export function anonymise(files: PickedFile[]): PickedFile[] {
  return files.map((f, i) => ({ name: `pièce ${i + 1}.${extensionOf(f.name) || 'sans-extension'}`, size: f.size }));
}

/**
 * The files attached now: those picked in this page that the page still lists (the design system's file list
 * shows each name), or, for a plain file input, its current selection.
 */
export function attachedFiles(doc: Document, picked: Map<string, number>): PickedFile[] | undefined {
  const inputs = Array.from(doc.querySelectorAll<HTMLInputElement>('input[type="file"]')).filter((i) => !i.closest(HOST_TAG));
  if (!inputs.length) return undefined;
  const current = new Map<string, number>();
  for (const input of inputs) for (const f of Array.from(input.files ?? [])) current.set(f.name, f.size);
  if (picked.size) {
    const pageText = normalize(doc.body?.textContent);
    for (const [name, size] of picked) if (pageText.includes(normalize(name))) current.set(name, size);
  }
  return [...current].map(([name, size]) => ({ name, size }));
}

/** Facts of the page alone (no selection event seen): what is attached now. */
export function extractReclaps(doc: Document, picked: Map<string, number>): Extraction {
  const files = attachedFiles(doc, picked);
  if (files === undefined) {
    return { facts: {}, missing: [{ fr: 'zone « Pièces jointes » (champ de fichier)', en: '"Attachments" area (file input)' }] };
  }
  return { facts: { reclaps: { files: anonymise(files) } }, missing: [] };
}
