/**
 * Checks: tiny pure functions, one per checkable rule (axe-core style). They read facts and the
 * numbers in `rule.params`, never the DOM. Missing facts -> 'cannot-check', never 'pass'.
 * Rules without a check are reminders. A rule names its check with `check` when it shares one
 * (the prescription regimes), otherwise the check is found under the rule's id.
 */
import { cannot, fail, listParam, numParam, pass, type Check, type CheckResult } from './check';
import { daysBetween, formatFr, lastDayOfMonths } from './dates';
import { declarationText, type DeclarationData } from './finding-data';
import type { Text } from './i18n';
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
  const maxDays = numParam(rule, initial ? 'maxDaysInitial' : 'maxDaysProlongation');
  const what = initial ? { fr: 'arrêt initial', en: 'initial notice' } : { fr: 'prolongation', en: 'extension' };
  const data = { kind: 'duration', days, limit: maxDays, lastDay: last } as const;
  if (aat.scheme === 'atmp') {
    // The cap concerns sick pay for illness (CSS L.321-1): its reach to AT/MP certificates is not confirmed.
    return {
      status: 'fail',
      severity: 'info',
      data,
      detail: {
        fr: `${days} jours (${what.fr}) : au-delà du ${formatFr(last)}. Le plafond vise les arrêts maladie ; son application aux AT/MP n'est pas confirmée : à vérifier.`,
        en: `${days} days (${what.en}): beyond ${last}. The cap concerns sick leave for illness; whether it applies to work accidents is not confirmed: to be verified.`,
      },
    };
  }
  if (days <= maxDays) {
    // Between the calendar-month limit and 31 (62) days: the decree's unit is not confirmed, so no warning.
    return {
      status: 'fail',
      severity: 'info',
      data,
      detail: {
        fr: `${days} jours (${what.fr}) : à la limite, vérifiez. Au-delà du ${formatFr(last)} si le plafond se compte en mois, dans les ${maxDays} jours s'il se compte en jours ; au besoin, justifiez la durée sur l'avis.`,
        en: `${days} days (${what.en}): at the limit, check. Beyond ${last} if the cap counts in months, within ${maxDays} days if it counts in days; if needed, justify the length on the notice.`,
      },
    };
  }
  return fail(
    `${days} jours (${what.fr}) : au-delà du plafond (${formatFr(last)}, ${maxDays} jours au plus) ; pour dépasser, justifiez la durée sur l'avis.`,
    `${days} days (${what.en}): beyond the cap (${last}, ${maxDays} days at most); to exceed it, justify the length on the notice.`,
    data,
  );
};

const aatTeleconsultation: Check = (facts, rule) => {
  const aat = facts.aat;
  if (aat?.teleconsultation === undefined) return cannot('Téléconsultation non détectée.', 'Teleconsultation not detected.');
  if (!aat.teleconsultation) return pass;
  if (!aat.start || !aat.end) return cannot("Dates de l'arrêt non détectées.", 'Sick-leave dates not detected.');
  const max = numParam(rule, 'maxDays');
  const unless = {
    fr: 'sauf médecin traitant ou impossibilité de consulter en présentiel',
    en: 'unless you are the regular doctor or the patient cannot come in person',
  };
  const days = daysBetween(aat.start, aat.end) + 1;
  if (days > max) {
    return fail(`${days} jours en téléconsultation (maximum ${max} ${unless.fr}).`, `${days} days by teleconsultation (maximum ${max} ${unless.en}).`, {
      kind: 'duration',
      days,
      limit: max,
    });
  }
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
  return total <= max
    ? pass
    : fail(
        `Prolongation en téléconsultation : l'arrêt en cours irait à ${total} jours depuis le ${formatFr(aat.initialStart)} (maximum ${max} ${unless.fr}).`,
        `Extension by teleconsultation: the ongoing leave would reach ${total} days since ${aat.initialStart} (maximum ${max} ${unless.en}).`,
        { kind: 'duration', days: total, limit: max },
      );
};

const reclapsAttachments: Check = (facts, rule) => {
  const files = facts.reclaps?.files;
  if (files === undefined) return cannot('Pièces jointes non détectées.', 'Attachments not detected.');
  const maxFiles = numParam(rule, 'maxFiles');
  const maxBytes = numParam(rule, 'maxTotalBytes');
  const formats = listParam(rule, 'formats');
  const problems: Text[] = [];
  if (files.length > maxFiles) {
    problems.push({ fr: `${files.length} fichiers (maximum ${maxFiles})`, en: `${files.length} files (maximum ${maxFiles})` });
  }
  const total = files.reduce((s, f) => s + f.size, 0);
  if (total > maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    problems.push({ fr: `${mb(total)} Mo au total (maximum ${mb(maxBytes)} Mo)`, en: `${mb(total)} MB in total (maximum ${mb(maxBytes)} MB)` });
  }
  const refused = files.filter((f) => !formats.includes(extensionOf(f.name))).map((f) => f.name);
  if (refused.length) {
    problems.push({ fr: `format refusé : ${refused.join(', ')}`, en: `format not accepted: ${refused.join(', ')}` });
  }
  if (!problems.length) return pass;
  return fail(problems.map((p) => p.fr).join(' ; ') + '.', problems.map((p) => p.en).join('; ') + '.');
};

const vitaleComponents: Check = (facts) => {
  const v = facts.vitale;
  const ext = v?.extension ?? 'unknown';
  const atsam = v?.atsam ?? 'unknown';
  const problems: Text[] = [];
  if (ext === 'absent') problems.push({ fr: 'extension « Lecture Carte Vitale » absente', en: '"Lecture Carte Vitale" extension missing' });
  if (ext === 'outdated') problems.push({ fr: 'extension « Lecture Carte Vitale » à mettre à jour', en: '"Lecture Carte Vitale" extension needs updating' });
  if (atsam === 'outdated') problems.push({ fr: 'ATSAM à mettre à jour', en: 'ATSAM needs updating' });
  if (problems.length) return fail(problems.map((p) => p.fr).join(' ; ') + '.', problems.map((p) => p.en).join('; ') + '.');
  if (ext === 'unknown' || atsam === 'unknown') {
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
  const result: CheckResult = { status: 'fail', detail: declarationText(data, date), data };
  // Weeks before the close, a reminder on the corner button is enough; the panel opens in the last days.
  const left = closesOn ? daysBetween(date, closesOn) : undefined;
  return left !== undefined && left > numParam(rule, 'warnWithinDays') ? { ...result, severity: 'info' } : result;
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
