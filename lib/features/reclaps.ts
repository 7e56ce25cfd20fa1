/**
 * Réclamations Paiements: the files chosen for a claim (format, count, total size) are checked against
 * `reclaps.attachments` as soon as they are picked. File names can carry a patient's name: the feature keeps
 * only each file's position, extension and size ("pièce 2 (.heic)").
 */
import { watch } from '../page-facts/dom';
import { anonymise, attachedFiles, extractReclaps, type PickedFile } from '../page-facts/reclaps';
import { evaluateExtraction } from './page-rules';
import { sameOutput } from './present';
import { defineFeature, type FeatureOutput } from './types';
import { featureTitle } from './names';
import { onUserEvent } from './user-events';

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
