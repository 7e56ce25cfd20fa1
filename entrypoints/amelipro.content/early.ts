/**
 * The loader (index.ts) listens from the start: the clicks and changes the user makes while the content script's
 * module loads and its settings arrive are kept, and handed to the features when they start (FeatureContext
 * `earlyEvents`, read through `onUserEvent`), so that a click on "Imprimer le Cerfa" or a file picked in that
 * moment is not missed. Kept in memory only, at most 50, until the features take them.
 */
import { userEvent, type UserEvent } from '../../lib/features/user-events';

const MAX_EARLY_EVENTS = 50;

export interface EarlyEvents {
  /** Stops recording and returns what was recorded (once; later calls return nothing). */
  take: () => UserEvent[];
}

export function recordEarlyEvents(doc: Document): EarlyEvents {
  let events: UserEvent[] | null = [];
  const record = (e: Event) => {
    if (!events || events.length >= MAX_EARLY_EVENTS) return;
    const u = userEvent(e);
    if (u) events.push(u);
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
