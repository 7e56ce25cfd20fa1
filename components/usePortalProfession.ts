/**
 * The profession a portal header named in this browser session (kept by the background in storage.session, in
 * memory only), for the welcome page, the options and the popup to offer. Validated on read like a message.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PORTAL_PROFESSION_KEY } from '../lib/session-keys';
import { tabStateSchema } from '../lib/messages';
import type { PortalProfession } from '../lib/pages/portal-profession';

const schema = tabStateSchema.shape.portalProfession;

export function usePortalProfession(): PortalProfession | null {
  const [seen, setSeen] = useState<PortalProfession | null>(null);
  useEffect(() => {
    let alive = true;
    void Promise.resolve(browser.storage.session?.get(PORTAL_PROFESSION_KEY))
      .then((stored) => {
        const parsed = schema.safeParse(stored?.[PORTAL_PROFESSION_KEY]);
        if (alive && parsed.success && parsed.data) setSeen(parsed.data);
      })
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, []);
  return seen;
}
