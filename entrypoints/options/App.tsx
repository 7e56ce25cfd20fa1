import { UI } from '../../components/ui-text';
import { tr, type Lang } from '../../lib/i18n';

export function OptionsApp({ lang }: { lang: Lang }) {
  return (
    <>
      <header class="ca-top">
        <img src="/icon/32.png" alt="" />
        <h1>{tr(UI.appName, lang)} — {lang === 'fr' ? 'Options' : 'Options'}</h1>
      </header>
      <main>
        <section>
          <h2>{lang === 'fr' ? 'Profil' : 'Profile'}</h2>
        </section>
      </main>
    </>
  );
}
