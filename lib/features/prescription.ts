/**
 * Free-text medicine fields (the prescription form, and any portal field labelled as a medicine / treatment):
 * each is checked live with `checkPrescription` as the user types (debounced by `watch`); findings appear next
 * to the field and in the overlay. The text typed is never stored and never leaves the page.
 */
import { h, render } from 'preact';
import type { Text } from '../i18n';
import { checkPrescription, type PrescriptionFinding } from '../prescription';
import { findRule } from '../rules/engine';
import { labelFor, labelText, markOwn, normalize, watch } from './dom';
import { sameOutput } from './present';
import { defineFeature, type FeatureOutput, type ShownFinding } from './types';
import { UI } from '../../components/ui-text';
import { featureTitle } from './names';
import { HOST_TAG } from '../host-tag';

const MEDICINE_LABEL = /\bmedicaments?\b|\bordonnance\b|\btraitements?\b|\bposologie\b|\bprescriptions? (de|du) medicament/;
const NOT_MEDICINE = /\bdate\b|\bmotif\b|\bnir\b|\bnom\b|\bprenom\b|\badresse\b|\bnumero\b|\bald\b/;

function labelOf(field: HTMLElement): string {
  const doc = field.ownerDocument;
  const parts: string[] = [];
  const by = field.getAttribute('aria-labelledby');
  if (by) for (const id of by.split(/\s+/)) parts.push(labelText(doc.getElementById(id)));
  parts.push(labelText(labelFor(field)));
  parts.push(normalize(field.getAttribute('aria-label')), normalize(field.getAttribute('placeholder')));
  return parts.filter(Boolean).join(' ');
}

/**
 * The free-text fields where medicines are written, in page order. On the prescription page (`prescriptionPage`)
 * every free-text field is a medicine line unless its label says otherwise, so that a line whose label changed
 * (or has none) is still checked rather than silently skipped.
 */
export function medicineFields(doc: Document, prescriptionPage = false): HTMLTextAreaElement[] {
  return Array.from(doc.querySelectorAll<HTMLTextAreaElement>('textarea')).filter((t) => {
    if (t.getAttribute('aria-hidden') === 'true' || t.readOnly || t.closest(HOST_TAG)) return false;
    const label = labelOf(t);
    return (prescriptionPage || MEDICINE_LABEL.test(label)) && !NOT_MEDICINE.test(label);
  });
}

const NOTE_TAG = 'compagnon-amelipro-note';
/** The notes this script made: an element of the same name placed by the page is never adopted. */
const ownNotes = new WeakSet<Element>();
const NOTE_CSS = `:host{all:initial;display:block}
ul{list-style:none;margin:4px 0 12px;padding:0;font:13px/1.4 Arial,"Helvetica Neue",sans-serif;color:#1d1d1b}
li{border-left:4px solid #a15c00;background:#fff7e8;padding:4px 8px;margin-top:4px;border-radius:3px}
li.blocking{border-left-color:#b3261e;background:#fdf1f0}
li.info{border-left-color:#0c419a;background:#f5f8fd}
strong{font-weight:700}`;

/** The note shown right under a field: its own shadow root, placed after the design system's field wrapper. */
function noteFor(field: HTMLElement, create: boolean): HTMLElement | null {
  const anchor = (field.closest('.v-input') as HTMLElement | null) ?? field;
  const next = anchor.nextElementSibling;
  if (next && ownNotes.has(next)) return next as HTMLElement;
  if (!create) return null;
  const host = markOwn(field.ownerDocument.createElement(NOTE_TAG));
  const shadow = host.attachShadow({ mode: 'open' });
  ownNotes.add(host);
  const style = field.ownerDocument.createElement('style');
  style.textContent = NOTE_CSS;
  shadow.append(style, field.ownerDocument.createElement('div'));
  anchor.after(host);
  return host;
}

function renderNote(host: HTMLElement, findings: PrescriptionFinding[], lang: 'fr' | 'en'): void {
  const mount = host.shadowRoot!.lastElementChild as HTMLElement;
  render(
    h(
      'ul',
      { role: 'note', 'aria-label': 'Compagnon amelipro' },
      findings.map((f) =>
        h('li', { class: f.severity, 'data-rule-id': f.ruleId }, h('strong', null, `${UI.severity[f.severity][lang]} : `), f.text[lang]),
      ),
    ),
    mount,
  );
}

function removeNote(host: Element): void {
  const mount = (host as HTMLElement).shadowRoot?.lastElementChild;
  if (mount) render(null, mount);
  host.remove();
}

const ruleMessage = (ruleId: string): Text => {
  const rule = findRule(ruleId);
  return rule ? { fr: rule.message, en: rule.en.message } : { fr: '', en: '' };
};

export const prescriptionFeature = defineFeature({
  id: 'prescription-lines',
  title: featureTitle('prescription-lines'),
  pages: ['prescription', 'transmission', 'aat', 'atmp', 'home'],
  run(ctx, signal) {
    const noted = new Set<HTMLElement>();
    signal.addEventListener('abort', () => {
      for (const host of noted) removeNote(host);
      noted.clear();
    });
    let last: FeatureOutput | null = null;
    watch(ctx.doc, signal, () => {
      const fields = medicineFields(ctx.doc, ctx.page === 'prescription');
      const shown: ShownFinding[] = [];
      const keep = new Set<HTMLElement>();
      fields.forEach((field, index) => {
        const result = checkPrescription(field.value, { date: ctx.date, profession: ctx.profile.profession });
        const findings = result.lines.flatMap((l) => l.findings);
        if (findings.length) {
          const host = noteFor(field, true)!;
          renderNote(host, findings, ctx.lang);
          keep.add(host);
          noted.add(host);
        }
        for (const f of findings) {
          shown.push({
            ruleId: f.ruleId,
            featureId: 'prescription-lines',
            severity: f.severity,
            title: f.title,
            message: ruleMessage(f.ruleId),
            pageOnly: { fr: `Ligne ${index + 1} : ${f.text.fr}`, en: `Line ${index + 1}: ${f.text.en}` },
            ...(f.link ? { link: f.link } : {}),
          });
        }
      });
      for (const host of noted) {
        if (!keep.has(host)) {
          removeNote(host);
          noted.delete(host);
        }
      }
      const out: FeatureOutput = {
        findings: shown,
        cannotCheck:
          ctx.page === 'prescription' && fields.length === 0
            ? [
                {
                  featureId: 'prescription-lines',
                  ruleId: 'secure-prescription.required',
                  reason: {
                    fr: 'Champ de saisie des médicaments introuvable sur cette page : les lignes ne peuvent pas être vérifiées.',
                    en: 'Medicine input field not found on this page: the lines cannot be checked.',
                  },
                },
              ]
            : [],
      };
      if (last && sameOutput(last, out)) return;
      last = out;
      ctx.report(out);
    }, 300);
  },
});
