/** The open tabs showing an amelipro page (the hosts of lib/hosts.ts, which are the extension's host permissions). */
import { browser } from 'wxt/browser';
import { AMELIPRO_MATCHES } from '../hosts';

export async function ameliproTabIds(): Promise<number[]> {
  return (await browser.tabs.query({ url: AMELIPRO_MATCHES })).flatMap((t) => (t.id === undefined ? [] : [t.id]));
}
