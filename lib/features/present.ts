/** Turns the engine's findings into what the overlay, popup and side panel show. */
import type { Text } from '../i18n';
import type { Finding, CannotCheck as EngineCannotCheck } from '../rules/engine';
import { copyShape } from '../shape';
import { type CannotCheck, type SentFinding, sentGroupShape, type ShownFinding } from './types';

export function toShown(featureId: string, f: Finding): ShownFinding {
  const message: Text = f.transition ? { fr: `${f.message.fr} ${f.transition.fr}`, en: `${f.message.en} ${f.transition.en}` } : f.message;
  const title: Text = f.toVerify ? { fr: `${f.title.fr} (à vérifier)`, en: `${f.title.en} (to verify)` } : f.title;
  return {
    ruleId: f.ruleId,
    featureId,
    severity: f.severity,
    title,
    message,
    ...(f.detail ? { detail: f.detail } : {}),
    ...(f.data ? { data: f.data } : {}),
    link: f.link,
    ...(f.echoes ? { echoes: f.echoes } : {}),
  };
}

export function toCannot(featureId: string, c: EngineCannotCheck, missing: Text[]): CannotCheck {
  const what = missing.length
    ? {
        fr: ` Élément introuvable sur la page : ${missing.map((m) => m.fr).join(', ')}.`,
        en: ` Not found on the page: ${missing.map((m) => m.en).join(', ')}.`,
      }
    : { fr: '', en: '' };
  return { featureId, ruleId: c.ruleId, reason: { fr: `${c.reason.fr}${what.fr}`, en: `${c.reason.en}${what.en}` } };
}

/** Stable JSON of an output, to skip re-rendering when nothing changed. */
export const sameOutput = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The findings as they leave the page with the tab state: without what quotes the page (`pageOnly`, the group's
 * line in words), with the group's key and label (made by the feature) so that the popup and the side panel draw one
 * card per prescription line as the overlay does. A group that would not pass the background's check is left off
 * (the findings then show one by one) rather than have the whole state refused.
 */
export function findingsForTabState(findings: readonly ShownFinding[]): SentFinding[] {
  return findings.map(({ pageOnly: _pageOnly, group, ...f }) => {
    const sent = group && copyShape(sentGroupShape, group);
    return sent ? { ...f, group: sent } : f;
  });
}
