/**
 * Carte Vitale reading setup (rules.md R3.1): status of the « Lecture Carte Vitale » web extension and of ATSAM,
 * the "Tester la lecture" button, and the steps to fix. `VitaleStatus` is pure (props in, callback out);
 * `VitaleStatusSection` connects it to the current amelipro tab for the popup and the side panel.
 */
import { useEffect, useState } from 'preact/hooks';
import { tr, withColon, type Lang, type Text } from '../lib/i18n';
import { formatFr, localDayTime } from '../lib/rules/dates';
import { cpamContact, DNS_CONTACT, KNOWN_VERSIONS, LINKS } from '../lib/vitale/data';
import { fetchTabVitaleStatus, loadStoredVitaleStatus, runTabVitaleTest, type VitaleStatusReader } from '../lib/vitale/client';
import type { ComponentStatus, VitaleStatus as Status } from '../lib/vitale/status';
import { BLUE, GREY_TINT, RED_TINT_2 } from '../lib/colors';

export const VITALE_CSS = `
.ca-vitale ul{margin:4px 0;padding-left:18px}
.ca-vitale ol{margin:4px 0;padding-left:20px}
.ca-vitale li{margin:2px 0}
.ca-vitale .ca-test-msg{margin:6px 0;padding:6px 8px;border-radius:4px;background:${GREY_TINT};font-size:13px}
.ca-vitale .ca-test-msg.ca-bad{background:${RED_TINT_2}}
.ca-vitale details{margin-top:6px}
.ca-vitale summary{cursor:pointer;color:${BLUE}}
`;

export const T = {
  title: { fr: 'Lecture de la carte Vitale', en: 'Reading the carte Vitale' },
  cpamFinder: {
    fr: 'le contact de votre CPAM sur ameli.fr (choisissez votre département ; il se règle aussi dans les options)',
    en: 'your CPAM’s contact on ameli.fr (choose your département; it can also be set in the options)',
  },
  extension: { fr: 'Extension « Lecture Carte Vitale »', en: '"Lecture Carte Vitale" extension' },
  extPresent: (v?: string): Text => ({ fr: v ? `installée (version ${v})` : 'installée', en: v ? `installed (version ${v})` : 'installed' }),
  extOutdated: (v: string | undefined, min: string | null): Text => ({
    fr: `à mettre à jour (version ${v ?? '?'}${min ? `, minimum ${min}` : ''})`,
    en: `needs updating (version ${v ?? '?'}${min ? `, minimum ${min}` : ''})`,
  }),
  extAbsent: { fr: 'non détectée', en: 'not detected' },
  extUnknown: { fr: 'pas encore vérifiée (ouvrez une page amelipro)', en: 'not checked yet (open an amelipro page)' },
  atsam: { fr: 'ATSAM', en: 'ATSAM' },
  atsamOk: { fr: 'à jour', en: 'up to date' },
  atsamOutdated: { fr: 'à mettre à jour', en: 'needs updating' },
  atsamAbsent: { fr: 'non détecté sur ce poste', en: 'not detected on this computer' },
  atsamError: { fr: 'problème probable (absent, arrêté ou ancien)', en: 'probable problem (missing, stopped or old)' },
  atsamUnknown: { fr: 'inconnu (cliquez sur « Tester la lecture »)', en: 'unknown (click "Test reading")' },
  // What the page says (the « Lecture Carte Vitale » extension's signals, the portal's messages), read on the page:
  // the page can say anything, so it is reported as such, never as a certified fact.
  lastCheck: (d: string): Text => ({ fr: `Signalé par la page amelipro le ${d}`, en: `Reported by the amelipro page on ${d}` }),
  confirm: {
    fr: "Ce que la page signale n'est pas une vérification certifiée. Pour le confirmer, lancez DiagAM (page d'aide amelipro, pied de page > Configuration) : il contrôle ATSAM et l'extension sur ce poste.",
    en: 'What the page reports is not a certified check. To confirm it, run DiagAM (amelipro help page, footer > Configuration): it checks ATSAM and the extension on this computer.',
  },
  noCheck: { fr: 'Aucune vérification enregistrée.', en: 'No check recorded yet.' },
  test: { fr: 'Tester la lecture', en: 'Test reading' },
  testing: { fr: 'Test en cours…', en: 'Testing…' },
  testOk: { fr: "Réponse reçue de l'extension « Lecture Carte Vitale ».", en: 'The "Lecture Carte Vitale" extension answered.' },
  testOkNoVersion: {
    fr: "L'extension a répondu, sans indiquer les versions d'ATSAM : lancez DiagAM pour les vérifier.",
    en: 'The extension answered without ATSAM versions: run DiagAM to check them.',
  },
  testTimeout: {
    fr: "Aucune réponse de l'extension « Lecture Carte Vitale » en 5 secondes. Si l'extension est installée, ATSAM (service SrvSvCnam) est probablement absent ou arrêté : lancez DiagAM ou réinstallez ATSAM.",
    en: 'No answer from the "Lecture Carte Vitale" extension within 5 seconds. If the extension is installed, ATSAM (SrvSvCnam service) is probably missing or stopped: run DiagAM or reinstall ATSAM.',
  },
  testTimeoutNoExt: {
    fr: "Aucune réponse en 5 secondes : l'extension « Lecture Carte Vitale » n'est pas détectée. Installez-la, puis rechargez la page amelipro.",
    en: 'No answer within 5 seconds: the "Lecture Carte Vitale" extension is not detected. Install it, then reload the amelipro page.',
  },
  testMalformed: {
    fr: "L'extension a répondu, mais dans un format illisible : impossible d'en tirer les versions. Lancez DiagAM pour vérifier ATSAM.",
    en: 'The extension answered in an unreadable format: no version could be read. Run DiagAM to check ATSAM.',
  },
  testUnavailable: {
    fr: 'Pour tester la lecture, ouvrez une page amelipro (espacepro.ameli.fr) dans cet onglet, puis réessayez.',
    en: 'To test reading, open an amelipro page (espacepro.ameli.fr) in this tab, then try again.',
  },
  cardError: {
    fr: 'Un échec de lecture de la carte Vitale a été constaté sur amelipro.',
    en: 'A carte Vitale read failure was seen on amelipro.',
  },
  components: { fr: 'Composants signalés par la réponse', en: 'Components reported by the reply' },
  latest: (v: string): Text => ({ fr: `dernière version connue : ${v}`, en: `latest known: ${v}` }),
  upToDate: { fr: 'à jour', en: 'up to date' },
  fixTitle: { fr: 'Que faire ?', en: 'How to fix it' },
  stepExt: { fr: "Installez l'extension « Lecture Carte Vitale » :", en: 'Install the "Lecture Carte Vitale" extension:' },
  chrome: { fr: 'Chrome / Edge', en: 'Chrome / Edge' },
  firefox: { fr: 'Firefox', en: 'Firefox' },
  stepAtsam: {
    fr: "Installez ou mettez à jour ATSAM, puis lancez DiagAM : page d'aide amelipro (pied de page > Configuration).",
    en: 'Install or update ATSAM, then run DiagAM: amelipro help page (footer > Configuration).',
  },
  helpLink: { fr: "Page d'aide amelipro (ATSAM, DiagAM)", en: 'amelipro help page (ATSAM, DiagAM)' },
  onlyExt: {
    fr: "L'extension seule ne suffit pas : ATSAM doit aussi être à jour.",
    en: 'The extension alone is not enough: ATSAM must be up to date too.',
  },
  reference: (d: string): Text => ({
    fr: `Versions de référence (relevées le ${d}) : ATSAM ${KNOWN_VERSIONS.atsamWindows.latest} Windows / ${KNOWN_VERSIONS.atsamMac.latest} macOS, SrvSvCnam ${KNOWN_VERSIONS.srvSvCnam.latest}, Cryptolib CPS ${KNOWN_VERSIONS.cryptolibCps.latest}.`,
    en: `Reference versions (recorded on ${d}): ATSAM ${KNOWN_VERSIONS.atsamWindows.latest} Windows / ${KNOWN_VERSIONS.atsamMac.latest} macOS, SrvSvCnam ${KNOWN_VERSIONS.srvSvCnam.latest}, Cryptolib CPS ${KNOWN_VERSIONS.cryptolibCps.latest}.`,
  }),
} satisfies Record<string, Text | ((...a: never[]) => Text)>;

function dateTime(iso: string, lang: Lang): string {
  const t = localDayTime(iso);
  if (!t) return iso;
  return lang === 'fr' ? `${formatFr(t.day)} à ${t.time}` : `${t.day} ${t.time}`;
}

function extText(s: Status): { text: Text; cls: string } {
  if (s.extension === 'present' && s.extensionOutdated) return { text: T.extOutdated(s.extensionVersion, KNOWN_VERSIONS.webExtensionMinimum), cls: 'ca-bad' };
  if (s.extension === 'present') return { text: T.extPresent(s.extensionVersion), cls: 'ca-ok' };
  if (s.extension === 'absent') return { text: T.extAbsent, cls: 'ca-bad' };
  return { text: T.extUnknown, cls: 'ca-unknown' };
}

function atsamText(s: Status): { text: Text; cls: string } {
  switch (s.atsam) {
    case 'ok':
      return { text: T.atsamOk, cls: 'ca-ok' };
    case 'outdated':
      return { text: T.atsamOutdated, cls: 'ca-bad' };
    case 'absent':
      return { text: T.atsamAbsent, cls: 'ca-bad' };
    case 'error':
      return { text: T.atsamError, cls: 'ca-bad' };
    default:
      return { text: T.atsamUnknown, cls: 'ca-unknown' };
  }
}

function testMessage(s: Status, unavailable: boolean): { text: Text; bad: boolean } | null {
  if (unavailable) return { text: T.testUnavailable, bad: true };
  switch (s.lastTest?.outcome) {
    case 'ok': {
      const atsamKnown = s.components.some((c) => c.id === 'atsam' || c.id === 'srvsvcnam' || c.id === 'cryptolib');
      return { text: atsamKnown ? T.testOk : T.testOkNoVersion, bad: !atsamKnown };
    }
    case 'timeout':
      return { text: s.extension === 'absent' ? T.testTimeoutNoExt : T.testTimeout, bad: true };
    case 'malformed':
      return { text: T.testMalformed, bad: true };
    case 'unavailable':
      return { text: T.testUnavailable, bad: true };
    default:
      return null;
  }
}

function ComponentLine({ c, lang }: { c: ComponentStatus; lang: Lang }) {
  return (
    <li data-component={c.id} class={c.outdated ? 'ca-bad' : undefined}>
      {c.label} {c.version}
      {c.latest && (c.outdated ? ` — ${tr(T.atsamOutdated, lang)} (${tr(T.latest(c.latest), lang)})` : ` — ${tr(T.upToDate, lang)}`)}
    </li>
  );
}

export interface VitaleStatusProps {
  /** null: nothing known yet (no amelipro tab and nothing stored). */
  status: Status | null;
  onTest?: () => void;
  testing?: boolean;
  /** The test could not run (no amelipro page in the tab). */
  testUnavailable?: boolean;
  lang?: Lang;
  /** The user's département (options): whose CPAM to contact. */
  departement?: string | null;
}

export function VitaleStatus({ status, onTest, testing = false, testUnavailable = false, lang = 'fr', departement = null }: VitaleStatusProps) {
  const contact = cpamContact(departement);
  const s: Status = status ?? { extension: 'unknown', extensionOutdated: false, atsam: 'unknown', components: [] };
  const ext = extText(s);
  const atsam = atsamText(s);
  const msg = testMessage(s, testUnavailable);
  const needsFix = s.extension !== 'present' || s.extensionOutdated || s.atsam !== 'ok' || !!s.cardError;
  return (
    <div class="ca-vitale" data-vitale-extension={s.extension} data-vitale-atsam={s.atsam} data-vitale-test={s.lastTest?.outcome ?? ''}>
      <h2 id="vitale-title">{tr(T.title, lang)}</h2>
      <div class="ca-status" role="status">
        <span data-testid="vitale-extension">
          {tr(T.extension, lang)} : <strong class={ext.cls}>{tr(ext.text, lang)}</strong>
        </span>
        <span data-testid="vitale-atsam">
          {tr(T.atsam, lang)} : <strong class={atsam.cls}>{tr(atsam.text, lang)}</strong>
        </span>
        {s.cardError && <span class="ca-bad">{tr(T.cardError, lang)}</span>}
        <span class="ca-muted" data-testid="vitale-checked">
          {s.checkedAt ? tr(T.lastCheck(dateTime(s.checkedAt, lang)), lang) : tr(T.noCheck, lang)}
        </span>
      </div>
      {s.checkedAt && (
        <p class="ca-muted" data-testid="vitale-confirm">
          {tr(T.confirm, lang)}
        </p>
      )}
      {s.components.length > 0 && (
        <>
          <p class="ca-muted">{withColon(T.components, lang)}</p>
          <ul data-testid="vitale-components">
            {s.components.map((c) => (
              <ComponentLine key={c.id} c={c} lang={lang} />
            ))}
          </ul>
        </>
      )}
      {msg && (
        <p class={`ca-test-msg${msg.bad ? ' ca-bad' : ''}`} data-testid="vitale-test-message" role="alert">
          {tr(msg.text, lang)}
        </p>
      )}
      <p>
        <button type="button" class="ca-btn" data-testid="vitale-test" disabled={testing || !onTest} onClick={() => onTest?.()}>
          {tr(testing ? T.testing : T.test, lang)}
        </button>
      </p>
      <details open={needsFix}>
        <summary>{tr(T.fixTitle, lang)}</summary>
        <ol>
          <li>
            {tr(T.stepExt, lang)}{' '}
            <a href={LINKS.chromeStore} target="_blank" rel="noopener noreferrer">
              {tr(T.chrome, lang)}
            </a>
            {' · '}
            <a href={LINKS.firefoxStore} target="_blank" rel="noopener noreferrer">
              {tr(T.firefox, lang)}
            </a>
          </li>
          <li>
            {tr(T.stepAtsam, lang)}{' '}
            <a href={LINKS.ameliproHelp} target="_blank" rel="noopener noreferrer">
              {tr(T.helpLink, lang)}
            </a>
          </li>
          <li>
            {tr(DNS_CONTACT.text, lang)}{' '}
            {contact.kind === 'email' ? (
              <>
                {tr(contact.name, lang)} : <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </>
            ) : (
              <a href={contact.url} target="_blank" rel="noopener noreferrer" data-testid="cpam-finder">
                {tr(T.cpamFinder, lang)}
              </a>
            )}
          </li>
        </ol>
        <p class="ca-muted">{tr(T.onlyExt, lang)}</p>
        <p class="ca-muted">{tr(T.reference(lang === 'fr' ? formatFr(KNOWN_VERSIONS.recordedOn) : KNOWN_VERSIONS.recordedOn), lang)}</p>
      </details>
    </div>
  );
}

export interface VitaleStatusSectionProps {
  tabId: number | null;
  lang: Lang;
  /** Last stored status (lib/storage client); optional so the section works without storage. */
  storage?: VitaleStatusReader;
  departement?: string | null;
}

/** The popup / side panel section: live status from the tab's content script, else the last stored one. */
export function VitaleStatusSection({ tabId, lang, storage, departement = null }: VitaleStatusSectionProps) {
  const [status, setStatus] = useState<Status | null>(null);
  const [testing, setTesting] = useState(false);
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      const live = await fetchTabVitaleStatus(tabId);
      if (!alive) return;
      if (live.ok) {
        setStatus(live.status);
        // The page decides "absent" 2 s after load: ask again while it is still undecided.
        if (live.status.extension === 'unknown') setTimeout(() => alive && void refresh(), 700);
        return;
      }
      const stored = storage ? await loadStoredVitaleStatus(storage) : null;
      if (alive) setStatus((prev) => prev ?? stored);
    };
    void refresh();
    return () => {
      alive = false;
    };
  }, [tabId, storage]);

  const onTest = async () => {
    setTesting(true);
    setUnavailable(false);
    const r = await runTabVitaleTest(tabId);
    setTesting(false);
    if (r.ok) setStatus(r.status);
    else setUnavailable(true);
  };

  return (
    <>
      <style>{VITALE_CSS}</style>
      <VitaleStatus status={status} onTest={() => void onTest()} testing={testing} testUnavailable={unavailable} lang={lang} departement={departement} />
    </>
  );
}
