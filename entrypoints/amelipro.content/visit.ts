/**
 * The visit (see TabState.visit): the patient's name as the page shows it is compared here, in memory, and never
 * sent; only the counter moves.
 */
export interface Visit {
  /** True when the page now shows another patient than before (the first patient shown is not a change). */
  changed: () => boolean;
  /** This tab's visit id: a random base and the number of patient changes. */
  id: () => string;
}

export function trackVisit(doc: Document): Visit {
  const base = Math.random().toString(36).slice(2, 10) || 'v';
  let count = 0;
  let lastPatient: string | null = null;
  return {
    changed() {
      const shown = patientShown(doc);
      if (shown === null || shown === lastPatient) return false;
      const changed = lastPatient !== null;
      lastPatient = shown;
      if (changed) count++;
      return changed;
    },
    id: () => `${base}-${count}`,
  };
}

/**
 * The patient the page shows, as text, for comparison in memory only: the design system's patient banner name,
 * or the older screens' patient name. Null when none is shown.
 */
function patientShown(doc: Document): string | null {
  const el = doc.querySelector('.amelipro-patient-banner__patient-info__name, .p2-nom-patient');
  const text = el?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}
