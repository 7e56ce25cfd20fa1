/**
 * Carte Vitale reading setup (rules.md R3.1): on pages with the carte Vitale button (home) and the help page,
 * reports facts.vitale to the engine (rule `vitale.atsam-and-extension`), recognises the portal's card-read
 * error after a click on the button, keeps the last known status through `services.setVitaleStatus`, and shows
 * a discreet note under the button (own shadow root) when the setup is known to be incomplete.
 */
import type { Text } from '../i18n';
import { tr, withColon } from '../i18n';
import { adviseCardError, CARD_ADVICE, findCardReadError, VITAL_CARD_BUTTON } from '../vitale/card-error';
import { getVitaleMonitor, setVitalePersist } from '../vitale/channel';
import { LINKS } from '../vitale/data';
import type { VitaleMonitor } from '../vitale/monitor';
import { isIncomplete, toFacts, type VitaleStatus } from '../vitale/status';
import { markOwn, watch } from '../page-facts/dom';
import { evaluateExtraction } from './page-rules';
import { sameOutput } from './present';
import { defineFeature, type FeatureContext, type FeatureOutput } from './types';

/** The note under the carte Vitale button. */
export const NOTE_TEXT = {
  title: { fr: 'Compagnon amelipro — lecture de la carte Vitale', en: 'Compagnon amelipro — carte Vitale reading' },
  link: { fr: 'Que faire ?', en: 'How to fix it' },
} satisfies Record<string, Text>;
import { featureTitle } from './names';
import { onUserEvent } from './user-events';
import { BLUE, NOTE_BORDER, NOTE_INK, NOTE_TINT } from '../colors';

const SPEC = { id: 'vitale-setup', ruleIds: ['vitale.atsam-and-extension'] } as const;
/** A card-read error counts only if it appears this soon after a click on the carte Vitale button. */
const CLICK_WINDOW_MS = 30_000;
export const NOTE_TAG = 'compagnon-vitale-note';
/** The notes this script made: an element of the same name made by the page is never adopted, moved or removed. */
const ownNotes = new WeakSet<Element>();
const ownNote = (doc: Document): HTMLElement | null => [...doc.querySelectorAll<HTMLElement>(NOTE_TAG)].find((e) => ownNotes.has(e)) ?? null;

export type NoteKind = 'extension-absent' | 'extension-outdated' | 'atsam-outdated' | 'atsam-absent' | 'atsam-error' | 'card-error';

export function noteKind(s: VitaleStatus): NoteKind | null {
  if (s.extension === 'absent') return s.cardError ? 'card-error' : 'extension-absent';
  if (s.cardError) return 'card-error';
  if (s.extensionOutdated) return 'extension-outdated';
  if (s.atsam === 'outdated') return 'atsam-outdated';
  if (s.atsam === 'absent') return 'atsam-absent';
  if (s.atsam === 'error') return 'atsam-error';
  return null;
}

function outdatedList(s: VitaleStatus): string {
  return s.components
    .filter((c) => c.outdated)
    .map((c) => `${c.label} ${c.version} < ${c.latest}`)
    .join(', ');
}

/** What the note and the finding's detail say (French first). */
export function diagnosis(s: VitaleStatus): Text | null {
  const kind = noteKind(s);
  switch (kind) {
    case null:
      return null;
    case 'card-error':
      return CARD_ADVICE[adviseCardError(s)];
    case 'extension-absent':
      return {
        fr: 'Extension « Lecture Carte Vitale » non détectée : installez-la depuis le magasin de votre navigateur (Chrome Web Store pour Chrome et Edge, addons.mozilla.org pour Firefox), puis rechargez la page. ATSAM doit aussi être à jour.',
        en: '"Lecture Carte Vitale" extension not detected: install it from your browser\'s store (Chrome Web Store for Chrome and Edge, addons.mozilla.org for Firefox), then reload the page. ATSAM must be up to date too.',
      };
    case 'extension-outdated':
      return {
        fr: `Extension « Lecture Carte Vitale » ancienne (version ${s.extensionVersion ?? '?'}) : mettez-la à jour depuis le magasin de votre navigateur.`,
        en: `Old "Lecture Carte Vitale" extension (version ${s.extensionVersion ?? '?'}): update it from your browser's store.`,
      };
    case 'atsam-outdated': {
      const list = outdatedList(s);
      return {
        fr: `ATSAM à mettre à jour${list ? ` (${list})` : ''} : téléchargez la dernière version depuis la page d'aide amelipro, puis lancez DiagAM.`,
        en: `ATSAM needs updating${list ? ` (${list})` : ''}: download the latest version from the amelipro help page, then run DiagAM.`,
      };
    }
    case 'atsam-absent':
      return {
        fr: "ATSAM ne semble pas installé sur ce poste : installez-le depuis la page d'aide amelipro, puis lancez DiagAM.",
        en: 'ATSAM does not seem to be installed on this computer: install it from the amelipro help page, then run DiagAM.',
      };
    case 'atsam-error':
      return {
        fr: "L'extension est installée mais ATSAM (service SrvSvCnam) ne répond pas : lancez DiagAM, ou réinstallez ATSAM depuis la page d'aide amelipro.",
        en: 'The extension is installed but ATSAM (SrvSvCnam service) does not answer: run DiagAM, or reinstall ATSAM from the amelipro help page.',
      };
  }
}

const NOTE_CSS = `
:host{all:initial;display:block;margin-top:6px;max-width:100%}
.note{box-sizing:border-box;font:12px/1.4 Arial,"Helvetica Neue",sans-serif;color:${NOTE_INK};background:${NOTE_TINT};border:1px solid ${NOTE_BORDER};border-radius:4px;padding:6px 8px;overflow-wrap:anywhere}
.note strong{font-weight:bold}
a{color:${BLUE}}
`;

/** The note under the carte Vitale button, in its own shadow root; updated in place, removed when not needed. */
export function renderNote(doc: Document, s: VitaleStatus, lang: 'fr' | 'en'): void {
  const button = doc.querySelector(VITAL_CARD_BUTTON);
  const kind = noteKind(s);
  let host = ownNote(doc);
  if (!kind || !button) {
    host?.remove();
    return;
  }
  const text = diagnosis(s);
  if (!text) return;
  const link = kind === 'extension-absent' || kind === 'extension-outdated' ? LINKS.chromeStore : LINKS.ameliproHelp;
  const signature = `${kind}|${lang}|${tr(text, lang)}`;
  if (host && host.previousElementSibling === button && host.getAttribute('data-signature') === signature) return;
  if (!host) {
    host = markOwn(doc.createElement(NOTE_TAG));
    host.attachShadow({ mode: 'open' });
    ownNotes.add(host);
  }
  if (host.previousElementSibling !== button) button.insertAdjacentElement('afterend', host);
  host.setAttribute('data-signature', signature);
  host.setAttribute('data-vitale-note', kind);
  const root = host.shadowRoot!;
  root.replaceChildren();
  const style = doc.createElement('style');
  style.textContent = NOTE_CSS;
  const box = doc.createElement('div');
  box.className = 'note';
  box.setAttribute('role', 'note');
  const title = doc.createElement('strong');
  title.textContent = `${withColon(NOTE_TEXT.title, lang)} `;
  const body = doc.createElement('span');
  body.textContent = tr(text, lang) + ' ';
  const a = doc.createElement('a');
  a.href = link;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = tr(NOTE_TEXT.link, lang);
  box.append(title, body, a);
  root.append(style, box);
}

function withDiagnosis(out: FeatureOutput, s: VitaleStatus): FeatureOutput {
  const d = diagnosis(s);
  if (!d) return out;
  // The check's own detail ("extension … absente.") first, then what to do.
  const join = (f: FeatureOutput['findings'][number]): Text => (f.detail ? { fr: `${f.detail.fr} ${d.fr}`, en: `${f.detail.en} ${d.en}` } : d);
  return { ...out, findings: out.findings.map((f) => ({ ...f, detail: join(f) })) };
}

export function vitaleOutput(ctx: Pick<FeatureContext, 'page' | 'date' | 'profile'>, s: VitaleStatus): FeatureOutput {
  const out = evaluateExtraction(SPEC, ctx, { facts: { vitale: toFacts(s) }, missing: [] });
  return withDiagnosis(out, s);
}

export const vitaleFeature = defineFeature({
  id: SPEC.id,
  title: featureTitle('vitale-setup'),
  pages: ['home', 'aide', 'aat', 'atmp'],
  ruleIds: SPEC.ruleIds,
  run(ctx, signal) {
    const doc = ctx.doc;
    const win = doc.defaultView;
    if (!win) return;
    // On the sick-leave pages the check matters only where the carte Vitale button is: the monitor (its listeners,
    // its timers, the status it saves) starts when the button is there, not before.
    const always = ctx.page === 'home' || ctx.page === 'aide';
    const sink = ctx.services.setVitaleStatus;
    let monitor: VitaleMonitor | null = null;
    const monitorNow = (): VitaleMonitor => {
      if (monitor) return monitor;
      // (the popup's channel is the content script's runtime's: started before any feature)
      const started = getVitaleMonitor(win);
      monitor = started;
      setVitalePersist(sink ? (stored) => sink({ ...stored }) : undefined, win);
      const unsubscribe = started.subscribe(update);
      signal.addEventListener('abort', unsubscribe);
      return started;
    };

    let clickedAt = 0;
    let errorSeenForClick = false;
    onUserEvent(ctx, 'click', signal, (e) => {
      const t = e.target as Element | null;
      if (t && typeof t.closest === 'function' && t.closest(VITAL_CARD_BUTTON)) {
        clickedAt = e.at;
        errorSeenForClick = false;
      }
    });

    let last: FeatureOutput | null = null;
    function update(): void {
      if (signal.aborted) return;
      const relevant = always || !!doc.querySelector(VITAL_CARD_BUTTON);
      const s = relevant ? monitorNow().status : null;
      const out = s ? vitaleOutput(ctx, s) : { findings: [], cannotCheck: [] };
      if (!last || !sameOutput(last, out)) {
        last = out;
        ctx.report(out);
      }
      if (s && (isIncomplete(s) || s.cardError)) renderNote(doc, s, ctx.lang);
      else ownNote(doc)?.remove();
    }
    signal.addEventListener('abort', () => ownNote(doc)?.remove());
    watch(doc, signal, () => {
      if (monitor && clickedAt && !errorSeenForClick && Date.now() - clickedAt < CLICK_WINDOW_MS && findCardReadError(doc)) {
        errorSeenForClick = true;
        monitor.noteCardError();
        return; // noteCardError → update through the subscription
      }
      update();
    });
  },
});
