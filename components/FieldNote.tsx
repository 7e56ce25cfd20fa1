/**
 * The note under a page field (a prescription line's field): one block per line, naming that line's findings once,
 * and the line written out in words when it can be. Drawn into the shadow root the feature placed after the field
 * (lib/features/prescription.ts); the content script injects this renderer as `services.renderFieldNote`.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { FieldNote } from '../lib/features/types';
import { tr, type Lang } from '../lib/i18n';
import { UI } from './ui-text';
import { AMBER, AMBER_TINT, BLUE, BLUE_TINT, INK, RED, RED_TINT, WHITE } from '../lib/colors';
import { mostSerious } from '../lib/rules/severity';

const NOTE_CSS = `:host{all:initial;display:block}
ul{list-style:none;margin:4px 0 12px;padding:0;font:13px/1.4 Arial,"Helvetica Neue",sans-serif;color:${INK}}
li.line{border-left:4px solid ${AMBER};background:${AMBER_TINT};padding:4px 8px;margin-top:4px;border-radius:3px}
li.line.blocking{border-left-color:${RED};background:${RED_TINT}}
li.line.info{border-left-color:${BLUE};background:${BLUE_TINT}}
ul ul{margin:2px 0 0}
strong{font-weight:700}
.words{margin:4px 0 0}
.words q{font-style:italic}
button{font:inherit;font-size:13px;margin-left:6px;padding:0 6px;border:1px solid ${BLUE};background:${WHITE};color:${BLUE};border-radius:3px;cursor:pointer}`;

/** The corrected line, with a button that copies it (on the user's own click only). */
export function InWords({ text, lang }: { text: string; lang: Lang }) {
  const [copied, setCopied] = useState(false);
  return (
    <p class="words" data-in-words="">
      <strong>
        {tr(UI.inWords, lang)}
        {lang === 'fr' ? '\u00a0: ' : ': '}
      </strong>
      <q lang="fr">{text}</q>
      <button
        type="button"
        onClick={(e) => {
          if (!e.isTrusted || !navigator.clipboard) return;
          navigator.clipboard.writeText(text).then(
            () => setCopied(true),
            () => {},
          );
        }}
      >
        {tr(copied ? UI.copied : UI.copy, lang)}
      </button>
    </p>
  );
}

function Note({ note, lang }: { note: FieldNote; lang: Lang }) {
  const colon = lang === 'fr' ? '\u00a0: ' : ': ';
  return (
    // the note's role on a wrapper: on the list itself it would take the list's role away from its items
    <div role="note" aria-label="Compagnon amelipro">
      <ul>
        {note.items.map((item) => {
          const worst = mostSerious(item.findings.map((f) => f.severity));
          return (
            <li key={item.key} class={`line ${worst}`} data-line={item.key}>
              <strong>
                {tr(item.label, lang)} — {tr(UI.severity[worst], lang)}
              </strong>
              <ul>
                {item.findings.map((f) => (
                  <li key={f.ruleId} class={f.severity} data-rule-id={f.ruleId}>
                    {tr(f.title, lang)}
                    {colon}
                    {tr(f.text, lang)}
                  </li>
                ))}
              </ul>
              {item.inWords && <InWords text={item.inWords} lang={lang} />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** `services.renderFieldNote`: draws the note into `mount` (its styles with it), or empties it with `null`. */
export function renderFieldNote(mount: HTMLElement, note: FieldNote | null, lang: Lang): void {
  render(
    note ? (
      <>
        <style>{NOTE_CSS}</style>
        <Note note={note} lang={lang} />
      </>
    ) : null,
    mount,
  );
}
