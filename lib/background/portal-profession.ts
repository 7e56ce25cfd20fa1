/**
 * Which profession an open amelipro page's header names, asked when an extension page wants to offer it (popup,
 * welcome page, options, while no profession is saved): the content scripts read their page's header only then,
 * never at page load (entrypoints/amelipro.content/header-channel.ts). The asked tab first (the popup's), then the
 * other amelipro tabs. Answers are validated; nothing throws.
 */
import { browser } from 'wxt/browser';
import { ameliproTabIds } from './amelipro-tabs';
import { portalProfessionAnswerSchema } from '../messages';
import type { PortalProfession } from '../pages/portal-profession';

/** How long a tab's content script has to answer (a page still loading, a frozen tab). */
const ANSWER_MS = 1500;

export interface ProfessionTabs {
  /** Ids of the open tabs showing an amelipro page. */
  amelipro: () => Promise<number[]>;
  /** The raw answer of a tab's content script to "portal-profession" (undefined: none). */
  ask: (tabId: number) => Promise<unknown>;
}

const browserTabs: ProfessionTabs = {
  amelipro: ameliproTabIds,
  ask: (tabId) =>
    Promise.race([
      browser.tabs.sendMessage(tabId, { type: 'portal-profession' }),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ANSWER_MS)),
    ]),
};

/** The profession the asked tab's header names, else the first other amelipro tab's; null when none names one. */
export async function findPortalProfession(tabId?: number, tabs: ProfessionTabs = browserTabs): Promise<PortalProfession | null> {
  const answerOf = async (id: number): Promise<PortalProfession | null> => {
    try {
      const parsed = portalProfessionAnswerSchema.safeParse(await tabs.ask(id));
      return parsed.success ? parsed.data.profession : null;
    } catch {
      return null; // no content script there (yet), or the tab closed
    }
  };
  let ids: number[] = [];
  try {
    ids = await tabs.amelipro();
  } catch {
    // tabs unavailable: the asked tab alone
  }
  const order = tabId === undefined ? ids : [tabId, ...ids.filter((id) => id !== tabId)];
  const answers = await Promise.all(order.map(answerOf));
  return answers.find((p) => p !== null) ?? null;
}
