/**
 * The loader (index.ts) listens from the start: the clicks and changes the user makes while the content script's
 * module loads and its settings arrive are kept, and handed to the features when they start (FeatureContext
 * `earlyEvents`), so that a click on "Imprimer le Cerfa" or a file picked in that moment is not missed. Kept in
 * memory only, at most 50, until the features take them.
 */
import type { EarlyEvent } from '../../lib/features/types';

const MAX_EARLY_EVENTS = 50;

export interface EarlyEvents {
  /** Stops recording and returns what was recorded (once; later calls return nothing). */
  take: () => EarlyEvent[];
}

export function recordEarlyEvents(doc: Document): EarlyEvents {
  let events: EarlyEvent[] | null = [];
  const record = (e: Event) => {
    if (!events || events.length >= MAX_EARLY_EVENTS || (e.type !== 'click' && e.type !== 'change')) return;
    const t = e.target as HTMLInputElement | null;
    const files = e.type === 'change' && t?.tagName === 'INPUT' && t.type === 'file' ? Array.from(t.files ?? [], (f) => ({ name: f.name, size: f.size })) : undefined;
    events.push({ type: e.type, target: e.target, at: Date.now(), ...(files ? { files } : {}) });
  };
  doc.addEventListener('click', record, true);
  doc.addEventListener('change', record, true);
  return {
    take: () => {
      doc.removeEventListener('click', record, true);
      doc.removeEventListener('change', record, true);
      const taken = events ?? [];
      events = null;
      return taken;
    },
  };
}
