/**
 * The tab state the background keeps when the content script could not start on an amelipro page (its module
 * did not load, or its start threw). Zod-free: the popup reads it before its first paint.
 */
import type { TabState } from './messages';

/** The feature id under which a tab state says that the content script itself could not start. */
export const STARTUP_FAILED = 'compagnon-startup';

/** The state of a tab where the content script could not start: nothing checked, said as such. */
export function startupFailedState(updatedAt: string): TabState {
  return {
    page: 'unknown',
    findings: [],
    cannotCheck: [
      {
        featureId: STARTUP_FAILED,
        reason: {
          fr: 'Compagnon amelipro n’a pas pu démarrer sur cette page : rien n’y a été vérifié. Rechargez la page ; si cela se reproduit, réinstallez l’extension.',
          en: 'Compagnon amelipro could not start on this page: nothing was checked there. Reload the page; if it happens again, reinstall the extension.',
        },
      },
    ],
    failed: [{ featureId: STARTUP_FAILED, message: 'start' }],
    ran: [],
    snoozed: 0,
    updatedAt,
  };
}

/** The "could not start" entry of a tab state, if that is what it says. */
export function startupFailure(state: TabState | null | undefined): TabState['cannotCheck'][number] | undefined {
  return state?.cannotCheck.find((c) => c.featureId === STARTUP_FAILED);
}
