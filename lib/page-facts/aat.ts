/**
 * What the sick-leave notice says (online AAT, and the older AT/MP certificate): the notice type, its dates, the
 * teleconsultation box, and whether a click asked for the paper Cerfa. Read by labels and roles; decides nothing.
 */
import type { Text } from '../i18n';
import type { Facts } from '../rules/facts';
import { findControlByLabel, findControlsByLabel, labelFor, labelText, memoPerTask, normalize } from './dom';
import type { Extraction } from './extraction';
import { parseFrDate } from './read';

type AatFacts = NonNullable<Facts['aat']>;

/** The label text of a radio/checkbox input (label[for], aria-labelledby, or the label beside it); once per task. */
const choiceLabel = memoPerTask((input: Element): string => {
  const doc = input.ownerDocument;
  const parts: string[] = [];
  if (input.id) {
    const l = labelFor(input);
    if (l) parts.push(labelText(l));
    const m = /^(.*)-input-(\d+)$/.exec(input.id);
    if (m) parts.push(labelText(doc.getElementById(`${m[1]}-label-${m[2]}`)));
  }
  const by = input.getAttribute('aria-labelledby');
  if (by) for (const id of by.split(/\s+/)) parts.push(labelText(doc.getElementById(id)));
  parts.push(labelText(input.closest('label')));
  const box = input.closest('.v-radio, .v-selection-control, .radio, .p2-radio, li, div');
  if (box) parts.push(labelText(box.querySelector('label')));
  if (input.nextSibling?.textContent) parts.push(normalize(input.nextSibling.textContent));
  return parts.filter(Boolean).join(' ');
});

/**
 * Of the fields carrying the same label (a page may render one twice, e.g. a hidden responsive copy first), the
 * first one filled in; else the first. Reading an empty copy would make a filled-in problem look unfilled.
 */
function filledFirst<T extends { value: string }>(controls: T[]): T | null {
  return controls.find((c) => c.value.trim() !== '') ?? controls[0] ?? null;
}

/** The label of the last checkbox before `el` in page order (the box that opens the section `el` belongs to). */
function precedingBoxLabel(el: Element): string {
  let last: Element | null = null;
  for (const box of Array.from(el.ownerDocument.querySelectorAll('input[type="checkbox"], [role="checkbox"]'))) {
    if (box.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) last = box;
    else break;
  }
  if (!last) return '';
  return last instanceof HTMLInputElement ? choiceLabel(last) : normalize(last.textContent);
}

const kindOf = (label: string, value = ''): AatFacts['kind'] | undefined =>
  // a relapse (AT/MP "de rechute") starts a new notice: it counts as an initial one
  /prolongation/.test(label) || value === 'prolongation'
    ? 'prolongation'
    : /initial|rechute/.test(label) || value === 'initial' || value === 'rechute'
      ? 'initial'
      : undefined;

/**
 * The notice type: native radios, the design system's `[role=radio]` items, or a select labelled "Type d'arrêt"
 * (a native one, or a Vuetify select whose options live at the end of `<body>`: its chosen item is shown in the field).
 */
function readKind(doc: Document): { kind?: AatFacts['kind']; found: boolean } {
  let found = false;
  for (const r of Array.from(doc.querySelectorAll<HTMLElement>('input[type="radio"], [role="radio"]'))) {
    const native = r instanceof HTMLInputElement;
    const kind = native ? kindOf(choiceLabel(r), normalize(r.value)) : kindOf(normalize(r.textContent) + ' ' + normalize(r.getAttribute('aria-label')));
    if (!kind) continue;
    found = true;
    if (native ? r.checked : r.getAttribute('aria-checked') === 'true') return { kind, found };
  }
  if (found) return { found };
  const select = findControlByLabel(doc, /type d'arret|nature de l'arret/);
  if (!select) return { found };
  // Vuetify: the chosen item's text is shown in the field, its value in a hidden <select> beside the input
  const field = select.closest('.v-input, .v-field, .v-select') ?? select.parentElement;
  const native = select instanceof HTMLSelectElement ? select : field?.querySelector('select');
  const shown = [
    normalize(native?.selectedOptions[0]?.textContent),
    select instanceof HTMLSelectElement ? '' : normalize(select.value),
    normalize(field?.querySelector('.v-select__selection-text, .v-select__selection')?.textContent),
  ].join(' ');
  return { kind: kindOf(shown, native?.selectedOptions.length ? normalize(native.value) : ''), found: true };
}

function readCheckbox(doc: Document, re: RegExp): { checked?: boolean; found: boolean } {
  for (const el of Array.from(doc.querySelectorAll('[role="checkbox"], input[type="checkbox"]'))) {
    const label = el instanceof HTMLInputElement ? choiceLabel(el) : normalize(el.textContent) + ' ' + normalize(el.getAttribute('aria-label'));
    if (!re.test(label)) continue;
    const checked = el instanceof HTMLInputElement ? el.checked : el.getAttribute('aria-checked') === 'true';
    return { checked, found: true };
  }
  return { found: false };
}

const INITIAL_DATE: Text = { fr: "date de l'arrêt initial", en: 'initial stoppage date' };

/** Term → value pairs of a summary (dl/dt/dd or th/td), normalised terms. */
export function readTerms(doc: Document): Map<string, string> {
  const terms = new Map<string, string>();
  for (const dt of Array.from(doc.querySelectorAll('dt, th[scope="row"]'))) {
    const dd = dt.tagName === 'DT' ? dt.nextElementSibling : dt.parentElement?.querySelector('td');
    if (dd) terms.set(labelText(dt).replace(/\s*:\s*$/, ''), (dd.textContent ?? '').replace(/\s+/g, ' ').trim());
  }
  return terms;
}

/** The notice as shown on a summary page before transmission ("du JJ/MM/AAAA au JJ/MM/AAAA"). */
function extractAatSummary(doc: Document, paperRequested: boolean): Extraction | null {
  const terms = readTerms(doc);
  const kindText = [...terms].find(([k]) => /type d'arret/.test(k))?.[1];
  const period = [...terms].find(([k, v]) => /arret/.test(k) && /\bdu\b.*\bau\b/i.test(v))?.[1];
  if (!kindText && !period) return null;
  const aat: AatFacts = { mode: paperRequested ? 'paper' : 'online', scheme: 'maladie' };
  const k = normalize(kindText);
  if (/prolongation/.test(k)) aat.kind = 'prolongation';
  else if (/initial/.test(k)) aat.kind = 'initial';
  const m = /du\s+(\d{1,2}\/\d{1,2}\/\d{4})\s+au\s+(\d{1,2}\/\d{1,2}\/\d{4})/i.exec(period ?? '');
  const start = parseFrDate(m?.[1]);
  const end = parseFrDate(m?.[2]);
  if (start) aat.start = start;
  if (end) aat.end = end;
  const initialTerm = [...terms].find(([key]) => /arret initial/.test(key))?.[1];
  const initialStart = parseFrDate(initialTerm);
  if (aat.kind === 'prolongation' && initialStart) aat.initialStart = initialStart;
  const tele = [...terms].find(([key]) => /teleconsultation/.test(key))?.[1];
  if (tele !== undefined) aat.teleconsultation = /^oui/i.test(tele.trim());
  const missing: Text[] = [];
  if (!aat.kind) missing.push({ fr: "type d'arrêt (initial ou prolongation)", en: 'notice type (initial or extension)' });
  if (!start || !end) missing.push({ fr: "dates de l'arrêt", en: 'sick-leave dates' });
  if (tele === undefined) missing.push({ fr: 'mention « téléconsultation »', en: '"teleconsultation" mention' });
  if (aat.kind === 'prolongation' && initialTerm === undefined) missing.push(INITIAL_DATE);
  return { facts: { aat }, missing };
}

export function extractAat(doc: Document, paperRequested: boolean, page: 'aat' | 'atmp' = 'aat'): Extraction {
  if (page === 'atmp') {
    // AT/MP certificate: no sick leave when its "Arrêt de travail" box is unticked; the leave runs from the certificate date.
    const arret = readCheckbox(doc, /^(?!.*soins).*\barret de travail\b/);
    if (arret.found && !arret.checked) return { facts: {}, missing: [] };
  }
  if (!doc.querySelector('input, textarea')?.closest('form, main, body') || !findControlByLabel(doc, /date de debut|debut de l'arret|arret du\b/)) {
    const summary = extractAatSummary(doc, paperRequested);
    if (summary) return summary;
  }
  const missing: Text[] = [];
  const kind = readKind(doc);
  if (!kind.found) missing.push({ fr: "type d'arrêt (initial ou prolongation)", en: 'notice type (initial or extension)' });
  const startEl =
    filledFirst(findControlsByLabel(doc, /date de debut|debut de l'arret|arret du\b/)) ??
    (page === 'atmp' ? filledFirst(findControlsByLabel(doc, /^date du certificat/)) : null);
  // On the AT/MP certificate "Jusqu'au" also ends the "Soins sans arrêt de travail" period: never read that one as
  // the leave's end (it would make a missing or renamed leave end look like an unfilled field, a silent pass).
  const endRe = /jusqu'au|date de fin|fin de l'arret/;
  const endEl = filledFirst(
    page === 'atmp' ? findControlsByLabel(doc, endRe).filter((c) => !/\bsoins\b/.test(precedingBoxLabel(c))) : findControlsByLabel(doc, endRe),
  );
  if (!startEl) missing.push({ fr: "date de début de l'arrêt", en: 'start date' });
  if (!endEl) missing.push({ fr: "date de fin de l'arrêt", en: 'end date' });
  const tele = readCheckbox(doc, /teleconsultation/);
  const aat: AatFacts = { mode: paperRequested ? 'paper' : 'online', scheme: page === 'atmp' ? 'atmp' : 'maladie' };
  if (kind.kind) aat.kind = kind.kind;
  if (kind.kind === 'prolongation') {
    // an extension counts from the initial stoppage (teleconsultation limit): its date field, when the page has one
    const initialEl = filledFirst(findControlsByLabel(doc, /date de l'arret initial|arret initial du\b|debut de l'arret initial/));
    const initialStart = parseFrDate(initialEl?.value);
    if (initialStart) aat.initialStart = initialStart;
    if (!initialEl && page === 'aat') missing.push(INITIAL_DATE);
  }
  const start = parseFrDate(startEl?.value);
  const end = parseFrDate(endEl?.value);
  if (start) aat.start = start;
  if (end) aat.end = end;
  if (tele.found) aat.teleconsultation = !!tele.checked;
  else if (page === 'aat') missing.push({ fr: 'case « téléconsultation »', en: '"teleconsultation" box' });
  return { facts: { aat }, missing };
}

export const isPaperAction = (el: Element | null): boolean => {
  const btn = el?.closest('button, a, [role="button"], input[type="submit"], input[type="button"]');
  if (!btn) return false;
  const text = normalize(btn.textContent) + ' ' + normalize(btn.getAttribute('aria-label')) + ' ' + normalize((btn as HTMLInputElement).value);
  return /cerfa|formulaire papier|version papier|imprimer l'avis/.test(text);
};
