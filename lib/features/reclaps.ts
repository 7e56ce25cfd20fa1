/**
 * Réclamations Paiements: the files chosen for a claim (format, count, total size) are checked against
 * `reclaps.attachments` as soon as they are picked. File names can carry a patient's name: the feature keeps
 * only each file's position, extension and size ("pièce 2 (.heic)").
 */
import { normalize, watch } from './dom';
import { extensionOf } from '../file-extension';
import { HOST_TAG } from '../host-tag';
import { evaluateExtraction, type Extraction } from './page-rules';
import { sameOutput } from './present';
import { defineFeature, type FeatureOutput } from './types';
import { featureTitle } from './names';
import { onUserEvent } from './user-events';

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

const SPEC = { id: 'reclaps-attachments', ruleIds: ['reclaps.attachments'] } as const;

export const reclapsFeature = defineFeature({
  id: SPEC.id,
  title: featureTitle(SPEC.id),
  pages: ['reclaps'],
  ruleIds: SPEC.ruleIds,
  run(ctx, signal) {
    const picked = new Map<string, number>();
    /** The last selection while the page has not listed it (refused by the portal, or not yet shown). */
    let pending: PickedFile[] = [];
    // Capture phase: the selection is read before the design system empties the input.
    onUserEvent(ctx, 'change', signal, (e) => {
      if (!e.files) return; // not a file input
      pending = e.files;
      for (const f of pending) picked.set(f.name, f.size);
    });
    let last: FeatureOutput | null = null;
    watch(ctx.doc, signal, () => {
      const attached = attachedFiles(ctx.doc, picked);
      let out: FeatureOutput;
      if (attached === undefined) {
        out = evaluateExtraction(SPEC, ctx, extractReclaps(ctx.doc, picked));
      } else {
        const listed = new Set(attached.map((f) => f.name));
        if (pending.every((f) => listed.has(f.name))) pending = [];
        // What the user tried to attach: the files listed, plus a selection the page did not take, so that the
        // finding says which file is the problem (format, count or size).
        const files = anonymise([...attached, ...pending.filter((f) => !listed.has(f.name))]);
        out = evaluateExtraction(SPEC, ctx, { facts: { reclaps: { files } }, missing: [] });
      }
      if (last && sameOutput(last, out)) return;
      last = out;
      ctx.report(out);
    });
  },
});
