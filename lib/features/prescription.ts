/**
 * Free-text medicine fields (the prescription form, and any portal field labelled as a medicine / treatment):
 * each is checked live as the user types (debounced by `watch`), with the prescription-line reader the content
 * script loads on demand (`services.loadPrescriptionReader`) and the catalogue's checks. One note under each field
 * (drawn by the injected `services.renderFieldNote`: lib/ has no UI) and one overlay card per line say what is
 * wrong on each line, and the line written out in words when it can be. The text typed is never stored and never
 * leaves the page.
 */
import type { Text } from '../i18n';
import { checkReadLines, PRESCRIPTION_RULE_IDS, type PrescriptionLine } from '../prescription/check';
import type { PrescriptionReader } from '../prescription/read';
import { findRule } from '../rules/engine';
import { markOwn, watch } from '../page-facts/dom';
import { sameOutput } from './present';
import { defineFeature, type CannotCheck, type FeatureContext, type FeatureOutput, type FieldNote, type ShownFinding } from './types';
import { featureTitle } from './names';
import { medicineFields } from '../page-facts/prescription-fields';

const NOTE_TAG = 'compagnon-amelipro-note';
/** The notes this script made: an element of the same name placed by the page is never adopted. */
const ownNotes = new WeakSet<Element>();
/** The note shown right under a field: its own shadow root (drawn by `services.renderFieldNote`), after the design system's field wrapper. */
function noteFor(field: HTMLElement, create: boolean): HTMLElement | null {
  const anchor = (field.closest('.v-input') as HTMLElement | null) ?? field;
  const next = anchor.nextElementSibling;
  if (next && ownNotes.has(next)) return next as HTMLElement;
  if (!create) return null;
  const host = markOwn(field.ownerDocument.createElement(NOTE_TAG));
  const shadow = host.attachShadow({ mode: 'open' });
  ownNotes.add(host);
  shadow.append(field.ownerDocument.createElement('div'));
  anchor.after(host);
  return host;
}

const mountOf = (host: HTMLElement): HTMLElement => host.shadowRoot!.lastElementChild as HTMLElement;

const lineLabel = (field: number, line: number, lines: number): Text =>
  lines > 1 ? { fr: `Ligne ${field + 1}.${line + 1}`, en: `Line ${field + 1}.${line + 1}` } : { fr: `Ligne ${field + 1}`, en: `Line ${field + 1}` };

/** One overlay card per line: every finding of the line in the same group, with the line written out in words. */
function shownOf(lines: PrescriptionLine[], field: number): ShownFinding[] {
  const checked = lines.filter((l) => l.findings.length);
  return checked.flatMap((l, i) => {
    const label = lineLabel(field, i, checked.length);
    const key = `prescription-line-${field + 1}-${i + 1}`;
    return l.findings.map((f) => ({
      ruleId: f.ruleId,
      featureId: 'prescription-lines',
      severity: f.severity,
      title: f.title,
      message: findRule(f.ruleId)?.message ?? { fr: '', en: '' },
      pageOnly: f.text,
      group: { key, label, ...(l.inWords ? { pageOnly: { fr: l.inWords, en: l.inWords } } : {}) },
      ...(f.link ? { link: f.link } : {}),
    }));
  });
}

function noteOf(lines: PrescriptionLine[], field: number): FieldNote {
  const checked = lines.filter((l) => l.findings.length);
  return {
    items: checked.map((l, i) => ({
      key: `${field + 1}-${i + 1}`,
      label: lineLabel(field, i, checked.length),
      findings: l.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, title: f.title, text: f.text })),
      ...(l.inWords ? { inWords: l.inWords } : {}),
    })),
  };
}

const READER_FAILED: Text = {
  fr: "La lecture des lignes d'ordonnance n'a pas pu être chargée : les lignes ne peuvent pas être vérifiées.",
  en: 'The prescription-line reader could not be loaded: the lines cannot be checked.',
};
const NO_FIELD: Text = {
  fr: 'Champ de saisie des médicaments introuvable sur cette page : les lignes ne peuvent pas être vérifiées.',
  en: 'Medicine input field not found on this page: the lines cannot be checked.',
};

/** The reader, loaded once per run; `update` runs again when it arrives (or when loading fails). */
function readerLoader(ctx: FeatureContext, signal: AbortSignal, update: () => void) {
  let reader: PrescriptionReader | null = null;
  let state: 'idle' | 'loading' | 'failed' = 'idle';
  return {
    get: (): PrescriptionReader | 'loading' | 'failed' => {
      if (reader) return reader;
      if (state === 'idle') {
        const load = ctx.services.loadPrescriptionReader;
        state = load ? 'loading' : 'failed';
        load?.().then(
          (r) => {
            reader = r;
            if (!signal.aborted) update();
          },
          () => {
            state = 'failed';
            if (!signal.aborted) update();
          },
        );
      }
      return reader ?? (state === 'loading' ? 'loading' : 'failed');
    },
  };
}

export const prescriptionFeature = defineFeature({
  id: 'prescription-lines',
  title: featureTitle('prescription-lines'),
  pages: ['prescription', 'transmission', 'aat', 'atmp', 'home'],
  ruleIds: PRESCRIPTION_RULE_IDS,
  run(ctx, signal) {
    const noted = new Set<HTMLElement>();
    const removeNote = (host: HTMLElement) => {
      ctx.services.renderFieldNote?.(mountOf(host), null, ctx.lang);
      host.remove();
    };
    signal.addEventListener('abort', () => {
      for (const host of noted) removeNote(host);
      noted.clear();
    });
    let last: FeatureOutput | null = null;
    const update = () => {
      const fields = medicineFields(ctx.doc, ctx.page === 'prescription');
      const cannotCheck: CannotCheck[] =
        ctx.page === 'prescription' && fields.length === 0
          ? [{ featureId: 'prescription-lines', ruleId: 'secure-prescription.required', reason: NO_FIELD }]
          : [];
      // the reader is fetched once a medicine field holds text (an empty prescription has nothing to check); until
      // it has arrived nothing is reported (the findings come with it), and if it cannot be loaded the lines are said
      // not to be checked
      const reader = fields.some((f) => f.value.trim() !== '') ? loader.get() : null;
      if (reader === 'loading') return;
      if (reader === 'failed') cannotCheck.push({ featureId: 'prescription-lines', ruleId: 'secure-prescription.required', reason: READER_FAILED });
      const shown: ShownFinding[] = [];
      const keep = new Set<HTMLElement>();
      if (reader && reader !== 'failed') {
        const context = { date: ctx.date, profession: ctx.profile.profession };
        fields.forEach((field, index) => {
          const result = checkReadLines(reader.readPrescription(field.value, ctx.profile.profession), context, reader.prescriptionChecks);
          const found = shownOf(result.lines, index);
          if (found.length && ctx.services.renderFieldNote) {
            const host = noteFor(field, true)!;
            ctx.services.renderFieldNote(mountOf(host), noteOf(result.lines, index), ctx.lang);
            keep.add(host);
            noted.add(host);
          }
          shown.push(...found);
        });
      }
      for (const host of noted) {
        if (!keep.has(host)) {
          removeNote(host);
          noted.delete(host);
        }
      }
      const out: FeatureOutput = { findings: shown, cannotCheck };
      if (last && sameOutput(last, out)) return;
      last = out;
      ctx.report(out);
    };
    const loader = readerLoader(ctx, signal, update);
    watch(ctx.doc, signal, update, 300);
  },
});
