/**
 * Checks: tiny pure functions, one per checkable rule (axe-core style). They read facts and the
 * numbers in `rule.params`, never the DOM. Missing facts -> 'cannot-check', never 'pass'.
 * Rules without a check are reminders. A rule names its check with `check` when it shares one
 * (the prescription regimes), otherwise the check is found under the rule's id.
 */
import { cannot, fail, failWith, listParam, numParam, pass, type Check } from './check';
import { daysBetween, lastDayOfMonths } from './dates';
import type { DeclarationData } from './finding-data';
import { extensionOf } from '../file-extension';
import type { Rule } from './schema';

export type { Check, CheckResult } from './check';
export { numParam, listParam } from './check';

const aatOnline: Check = (facts) => {
  const mode = facts.aat?.mode;
  if (mode === undefined) return cannot("Mode de l'arrêt (en ligne ou papier) non détecté.", 'Sick-leave mode (online or paper) not detected.');
  return mode === 'online' ? pass : fail("Arrêt papier : l'AAT en ligne est plus sûr et plus rapide.", 'Paper notice: the online notice is safer and faster.');
};

const aatSecuredCerfa: Check = (facts) => {
  const mode = facts.aat?.mode;
  if (mode === undefined) return cannot("Mode de l'arrêt (en ligne ou papier) non détecté.", 'Sick-leave mode (online or paper) not detected.');
  if (mode === 'online') return pass;
  // Paper: the page cannot see which form will be used, so this is a warning, not a blocking finding.
  return {
    status: 'fail',
    severity: 'warning',
    detail: {
      fr: 'Arrêt papier : uniquement sur le Cerfa sécurisé commandé sur amelipro.',
      en: 'Paper notice: only on the secured Cerfa form ordered on amelipro.',
    },
  };
};

const aatDuration: Check = (facts, rule) => {
  const aat = facts.aat;
  if (!aat?.kind || !aat.start || !aat.end) {
    return cannot("Type d'arrêt (initial ou prolongation) ou dates non détectés.", 'Notice type (initial or extension) or dates not detected.');
  }
  if (aat.end < aat.start) return cannot('Date de fin avant la date de début.', 'End date before start date.');
  const initial = aat.kind === 'initial';
  const last = lastDayOfMonths(aat.start, numParam(rule, initial ? 'maxMonthsInitial' : 'maxMonthsProlongation'));
  if (aat.end <= last) return pass;
  const days = daysBetween(aat.start, aat.end) + 1;
  const limit = numParam(rule, initial ? 'maxDaysInitial' : 'maxDaysProlongation');
  const measured = { kind: 'duration', days, limit, lastDay: last, of: initial ? 'initial' : 'extension' } as const;
  // The cap concerns sick pay for illness (CSS L.321-1): its reach to AT/MP certificates is not confirmed.
  if (aat.scheme === 'atmp') return failWith({ ...measured, standing: 'reach-unconfirmed' }, 'info');
  // Between the calendar-month limit and 31 (62) days: the decree's unit is not confirmed, so no warning.
  if (days <= limit) return failWith({ ...measured, standing: 'at-limit' }, 'info');
  return failWith({ ...measured, standing: 'over' });
};

const aatTeleconsultation: Check = (facts, rule) => {
  const aat = facts.aat;
  if (aat?.teleconsultation === undefined) return cannot('Téléconsultation non détectée.', 'Teleconsultation not detected.');
  if (!aat.teleconsultation) return pass;
  if (!aat.start || !aat.end) return cannot("Dates de l'arrêt non détectées.", 'Sick-leave dates not detected.');
  const limit = numParam(rule, 'maxDays');
  const days = daysBetween(aat.start, aat.end) + 1;
  if (days > limit) return failWith({ kind: 'duration', days, limit, of: 'teleconsultation', standing: 'over' });
  if (aat.kind === 'initial') return pass;
  if (aat.kind === undefined) {
    return cannot(
      "Type d'arrêt non détecté : une prolongation en téléconsultation compte depuis l'arrêt initial.",
      'Notice type not detected: an extension by teleconsultation counts from the initial stoppage.',
    );
  }
  // An extension may not bring the ongoing stoppage beyond the limit: it counts from the initial stoppage.
  if (!aat.initialStart || aat.initialStart > aat.start) {
    return cannot(
      "Prolongation : date de l'arrêt initial non lue, la durée de l'arrêt en cours n'a pas pu être vérifiée.",
      'Extension: the initial stoppage date could not be read, the ongoing leave length could not be checked.',
    );
  }
  const total = daysBetween(aat.initialStart, aat.end) + 1;
  return total <= limit ? pass : failWith({ kind: 'duration', days: total, limit, of: 'teleconsultation-ongoing', standing: 'over', since: aat.initialStart });
};

const reclapsAttachments: Check = (facts, rule) => {
  const files = facts.reclaps?.files;
  if (files === undefined) return cannot('Pièces jointes non détectées.', 'Attachments not detected.');
  const maxFiles = numParam(rule, 'maxFiles');
  const maxBytes = numParam(rule, 'maxTotalBytes');
  const formats = listParam(rule, 'formats');
  const totalBytes = files.reduce((s, f) => s + f.size, 0);
  const refused = files.filter((f) => !formats.includes(extensionOf(f.name))).map((f) => f.name);
  if (files.length <= maxFiles && totalBytes <= maxBytes && !refused.length) return pass;
  return failWith({ kind: 'attachments', files: files.length, maxFiles, totalBytes, maxBytes, refused });
};

const vitaleComponents: Check = (facts) => {
  const extension = facts.vitale?.extension ?? 'unknown';
  const atsam = facts.vitale?.atsam ?? 'unknown';
  if (extension === 'absent' || extension === 'outdated' || atsam === 'outdated') return failWith({ kind: 'vitale-components', extension, atsam });
  if (extension === 'unknown' || atsam === 'unknown') {
    return cannot("État de l'extension ou d'ATSAM inconnu.", 'Extension or ATSAM status unknown.');
  }
  return pass;
};

const declarationWindow: Check = (facts, rule, date) => {
  const ind = facts.indicators;
  if (ind?.declared === undefined || ind.total === undefined) {
    return cannot('Nombre d’indicateurs déclarés non détecté.', 'Number of declared indicators not detected.');
  }
  if (ind.declared >= ind.total) return pass;
  const closesOn = ind.declarationClosesOn ?? rule.until;
  const data: DeclarationData = { kind: 'declaration', declared: ind.declared, total: ind.total, ...(closesOn ? { closesOn } : {}) };
  // Weeks before the close, an information; a warning in the last `warnWithinDays` days, or when no close date is known.
  const left = closesOn ? daysBetween(date, closesOn) : undefined;
  if (left === undefined || left <= numParam(rule, 'warnWithinDays')) return failWith(data);
  // The close date read on the page: the portal's declaration block shows it, with the count, next to where the
  // overlay would be; the information is listed in the toolbar window and the side panel, not put in the page.
  return ind.declarationClosesOn ? { status: 'fail', data, severity: 'info', echoes: 'page' } : failWith(data, 'info');
};

/**
 * Check name (a rule's `check`, else its id) -> check: the checks of the page's facts. The prescription-line checks
 * (checks-prescription.ts) are not here: they come with the prescription reader, which the content script loads only
 * where a medicine field is, and are given to `evaluate` by lib/prescription (`options.checks`); lib/rules/index.ts
 * exports both tables together.
 */
export const checks: Readonly<Record<string, Check>> = {
  'aat.online-preferred': aatOnline,
  'aat.secured-cerfa': aatSecuredCerfa,
  'aat.duration-limit': aatDuration,
  'aat.teleconsultation-3-days': aatTeleconsultation,
  'reclaps.attachments': reclapsAttachments,
  'vitale.atsam-and-extension': vitaleComponents,
  'indicators.declaration-open': declarationWindow,
};

/** The check of a rule (by its `check` name, else its id), if any. */
export function checkFor(rule: Pick<Rule, 'id' | 'check'> | string): Check | undefined {
  const name = typeof rule === 'string' ? rule : (rule.check ?? rule.id);
  return Object.hasOwn(checks, name) ? checks[name] : undefined;
}
