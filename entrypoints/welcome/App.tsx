/**
 * The welcome page, opened once at install: what the extension does, what it never does with data, how to pin its
 * button, and the profile (profession, département) that chooses the checks.
 */
import { ProfileForm, type ProfileValues } from '../../components/ProfileForm';
import { usePortalProfession } from '../../components/usePortalProfession';
import { UI } from '../../components/ui-text';
import { useSettings } from '../../components/useSettings';
import { tr, type Lang, type Text } from '../../lib/i18n';
import { storage, type StorageClient } from '../../lib/storage/client';

export const W = {
  title: { fr: 'Bienvenue dans Compagnon amelipro', en: 'Welcome to Compagnon amelipro' },
  doesTitle: { fr: 'Ce qu’il fait', en: 'What it does' },
  does: [
    {
      fr: 'Sur les pages amelipro (arrêt de travail, ordonnance, Ma Convention, réclamations…), il signale ce que la réglementation demande, avec sa source et sa date.',
      en: 'On amelipro pages (sick leave, prescription, Ma Convention, claims…), it points out what the regulations require, with their source and date.',
    },
    {
      fr: 'Il reste discret : un bouton dans un coin de la page, jamais sur un bouton ou un champ du portail ; le panneau ne s’ouvre de lui-même que pour un point bloquant.',
      en: 'It stays quiet: a button in a corner of the page, never over a button or field of the portal; the panel opens by itself only for a blocking finding.',
    },
    {
      fr: 'Avant de transmettre, la fenêtre du bouton de l’extension donne les questions de la page et du patient en cours.',
      en: 'Before submitting, the extension button’s window gives the questions of the current page and patient.',
    },
  ] satisfies Text[],
  neverTitle: { fr: 'Ce qu’il ne fait jamais', en: 'What it never does' },
  never: [
    {
      fr: 'Aucune donnée de patient n’est enregistrée ni envoyée : rien ne quitte votre navigateur.',
      en: 'No patient data is saved or sent: nothing leaves your browser.',
    },
    {
      fr: 'Il ne remplit ni ne transmet rien à votre place : il ne fait que lire la page et vous signaler des points.',
      en: 'It fills in and submits nothing for you: it only reads the page and points things out.',
    },
    {
      fr: 'Seuls vos réglages, l’état des cases cochées et vos indicateurs Ma Convention sont gardés, dans ce navigateur ; vous pouvez tout exporter ou effacer depuis les options.',
      en: 'Only your settings, the state of the ticked boxes and your Ma Convention indicators are kept, in this browser; you can export or erase everything from the options.',
    },
  ] satisfies Text[],
  pinTitle: { fr: 'Épinglez son bouton', en: 'Pin its button' },
  pin: {
    fr: 'Cliquez sur l’icône en forme de pièce de puzzle à droite de la barre d’adresse, puis sur l’épingle à côté de « Compagnon amelipro ».',
    en: 'Click the puzzle-piece icon to the right of the address bar, then the pin next to “Compagnon amelipro”.',
  },
  profileTitle: { fr: 'Votre profil', en: 'Your profile' },
  profileIntro: {
    fr: 'La profession choisit les vérifications (médecin ou pharmacien) ; le département, le contact de votre CPAM. Sans profil, ce sont celles d’un médecin généraliste.',
    en: 'The profession chooses the checks (doctor or pharmacist); the département, your CPAM’s contact. Without a profile, a general practitioner’s checks apply.',
  },
  optionsLink: { fr: 'Tous les réglages sont dans les options.', en: 'Every setting is in the options.' },
} as const;

function Bullets({ items, lang }: { items: readonly Text[]; lang: Lang }) {
  return (
    <ul>
      {items.map((t, i) => (
        <li key={i}>{tr(t, lang)}</li>
      ))}
    </ul>
  );
}

export function WelcomeApp({ lang: browserLang, client = storage }: { lang: Lang; client?: StorageClient }) {
  const view = useSettings(client, browserLang);
  const { settings, lang, loaded } = view;
  const profile: ProfileValues = { profession: settings.profession, specialty: settings.specialty, departement: settings.departement };
  // asked only while no profession is saved (the form offers it only then)
  const portalProfession = usePortalProfession(loaded && settings.profession === null);
  return (
    <>
      <header class="ca-top">
        <img src="/icon/32.png" alt="" />
        <h1>{tr(W.title, lang)}</h1>
      </header>
      <main class="ca-options ca-welcome">
        <section aria-labelledby="does-title" data-section="does">
          <h2 id="does-title">{tr(W.doesTitle, lang)}</h2>
          <Bullets items={W.does} lang={lang} />
        </section>
        <section aria-labelledby="never-title" data-section="never">
          <h2 id="never-title">{tr(W.neverTitle, lang)}</h2>
          <Bullets items={W.never} lang={lang} />
        </section>
        <section aria-labelledby="pin-title" data-section="pin">
          <h2 id="pin-title">{tr(W.pinTitle, lang)}</h2>
          <p>{tr(W.pin, lang)}</p>
        </section>
        <section aria-labelledby="profile-title" data-section="profile">
          <h2 id="profile-title">{tr(W.profileTitle, lang)}</h2>
          <p class="ca-muted">{tr(W.profileIntro, lang)}</p>
          {loaded && (
            <ProfileForm
              initial={profile}
              suggested={portalProfession}
              lang={lang}
              onSave={async (v) => {
                const res = await client.saveSettings(v);
                if (res.ok) view.setLocal(res.value);
                return res.ok ? { ok: true } : { ok: false, message: res.error.message };
              }}
            />
          )}
          <p>
            <a href="/options.html">{tr(W.optionsLink, lang)}</a>
          </p>
        </section>
        <p class="ca-muted">{tr(UI.appName, lang)}</p>
      </main>
    </>
  );
}
