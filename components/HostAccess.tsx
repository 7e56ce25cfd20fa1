/**
 * Says when the browser does not let the extension read amelipro's pages, and asks for that access. Firefox treats
 * an MV3 extension's host permissions as optional (the user may refuse or withdraw them), and Chrome lets the user
 * restrict an extension's site access: either way the content script does not run and nothing is checked, which
 * must not look like "nothing to say". Shown only when access is missing.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AMELIPRO_MATCHES } from '../lib/hosts';
import { tr, type Lang } from '../lib/i18n';

export interface HostPermissions {
  contains(p: { origins: string[] }): Promise<boolean>;
  request(p: { origins: string[] }): Promise<boolean>;
}

export const T = {
  title: { fr: 'Accès à amelipro non accordé', en: 'Access to amelipro not granted' },
  body: {
    fr: 'Le navigateur n’autorise pas l’extension à lire les pages d’amelipro : rien n’y est vérifié.',
    en: 'The browser does not let the extension read amelipro’s pages: nothing is checked there.',
  },
  ask: { fr: 'Autoriser l’accès à amelipro', en: 'Allow access to amelipro' },
  granted: { fr: 'Accès accordé. Rechargez les pages d’amelipro déjà ouvertes.', en: 'Access granted. Reload the amelipro pages already open.' },
  refused: { fr: 'Accès non accordé : rien ne sera vérifié sur amelipro.', en: 'Access not granted: nothing will be checked on amelipro.' },
};

export function HostAccess({ lang, permissions = browser.permissions as HostPermissions }: { lang: Lang; permissions?: HostPermissions }) {
  const [state, setState] = useState<'unknown' | 'granted' | 'missing' | 'just-granted' | 'refused'>('unknown');
  useEffect(() => {
    // cannot tell (no permissions API here): say nothing rather than a false alarm
    let asked: Promise<boolean>;
    try {
      asked = permissions.contains({ origins: AMELIPRO_MATCHES });
    } catch {
      return setState('granted');
    }
    asked.then(
      (ok) => setState(ok ? 'granted' : 'missing'),
      () => setState('granted'),
    );
  }, [permissions]);
  if (state === 'unknown' || state === 'granted') return null;
  // called in the click itself: browsers accept a permission request only during a user action
  const ask = () =>
    void permissions.request({ origins: AMELIPRO_MATCHES }).then(
      (ok) => setState(ok ? 'just-granted' : 'refused'),
      () => setState('refused'),
    );
  return (
    <section aria-labelledby="ameli-access-title" data-testid="ameli-access" data-section="ameli-access">
      <h2 id="ameli-access-title">{tr(T.title, lang)}</h2>
      {state === 'just-granted' ? (
        <p role="status" class="ca-ok">
          {tr(T.granted, lang)}
        </p>
      ) : (
        <>
          <p class="ca-bad">{tr(T.body, lang)}</p>
          {state === 'refused' && <p role="status">{tr(T.refused, lang)}</p>}
          <button type="button" class="ca-btn" onClick={ask}>
            {tr(T.ask, lang)}
          </button>
        </>
      )}
    </section>
  );
}
