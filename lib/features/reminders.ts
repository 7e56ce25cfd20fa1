/**
 * Reminders: rules the page cannot check but that matter right there (how to log in, which Cerfa to order).
 * Shown as information, once per page, snoozable like any finding; the catalogue says whether they are in force.
 */
import type { Text } from '../i18n';
import { evaluate } from '../rules/engine';
import { normalize, watch } from '../page-facts/dom';
import { toShown } from './present';
import { defineFeature, type Feature, type FeatureContext, type ShownFinding } from './types';
import type { PageType } from '../pages/types';
import { featureTitle } from './names';

export interface ReminderSpec {
  id: string;
  title: Text;
  pages: readonly PageType[];
  ruleIds: readonly string[];
  /** Only when the page shows what the reminder is about (checked once the page has rendered). */
  when?: (doc: Document) => boolean;
  action?: ShownFinding['action'];
}

export function defineReminderFeature(spec: ReminderSpec): Feature {
  return defineFeature({
    id: spec.id,
    title: spec.title,
    pages: spec.pages,
    ruleIds: spec.ruleIds,
    run(ctx, signal) {
      if (spec.when) {
        // The page may render what the reminder is about after load (single-page app): look again on changes.
        const when = spec.when;
        let shown: boolean | undefined;
        watch(ctx.doc, signal, () => {
          const now = when(ctx.doc);
          if (now === shown) return;
          shown = now;
          ctx.report(now ? { findings: reminderFindings(spec, ctx), cannotCheck: [] } : { findings: [], cannotCheck: [] });
        });
        return;
      }
      ctx.report({ findings: reminderFindings(spec, ctx), cannotCheck: [] });
    },
  });
}

/** The spec's rules in force for the profession on this page, as the engine renders reminders. */
function reminderFindings(spec: ReminderSpec, ctx: FeatureContext): ShownFinding[] {
  const ev = evaluate({ page: ctx.page }, { date: ctx.date, profile: ctx.profile, only: spec.ruleIds, remind: true });
  return ev.findings.map((f) => ({ ...toShown(spec.id, f), ...(spec.action ? { action: spec.action } : {}) }));
}

export const loginReminder = defineReminderFeature({
  id: 'login-strong-auth',
  title: featureTitle('login-strong-auth'),
  pages: ['login'],
  ruleIds: ['amelipro.login-strong-auth'],
});

export const commandesReminder = defineReminderFeature({
  id: 'commandes-secured-cerfa',
  title: featureTitle('commandes-secured-cerfa'),
  pages: ['commandes'],
  ruleIds: ['aat.secured-cerfa'],
  when: (doc) => /arret de travail/.test(normalize(doc.body?.textContent)),
});

export const transmissionChecklist = defineReminderFeature({
  id: 'transmission-checklist',
  title: featureTitle('transmission-checklist'),
  pages: ['transmission'],
  ruleIds: ['teletransmission.supporting-documents'],
  action: { kind: 'open-checklist', label: { fr: 'Ouvrir la liste « Avant de transmettre »', en: 'Open the "Before sending" checklist' } },
});
