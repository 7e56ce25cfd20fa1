/**
 * Options page: the reminders the user put to sleep ("Ne plus afficher pendant…" in the overlay), each with its rule
 * and the end of the snooze, and the buttons to wake one or all. Snoozes apply on every tab: this is where they are
 * seen and lifted (deciding which one is the user's, so it is done in an extension page, never in the portal page).
 */
import { useEffect, useState } from 'preact/hooks';
import { tr, type Lang, type Text } from '../lib/i18n';
import { rules } from '../lib/rules/engine';
import type { StorageClient } from '../lib/storage/client';
import type { Snooze } from '../lib/storage/schema';
import { fmtDate } from './surface-text';

export const T = {
  title: { fr: 'Rappels mis en sourdine', en: 'Snoozed reminders' },
  intro: {
    fr: 'Ces rappels ne s’affichent plus sur amelipro, dans aucun onglet, jusqu’à la date indiquée.',
    en: 'These reminders are hidden on amelipro, in every tab, until the date shown.',
  },
  none: { fr: 'Aucun rappel mis en sourdine.', en: 'No snoozed reminder.' },
  until: (d: string): Text => ({ fr: `jusqu’au ${d} inclus`, en: `until ${d} included` }),
  lift: { fr: 'Réafficher', en: 'Show again' },
  liftAll: { fr: 'Tout réafficher', en: 'Show all again' },
  failed: { fr: 'Impossible de lire ou de modifier les rappels en sourdine :', en: 'Could not read or change the snoozed reminders:' },
} satisfies Record<string, Text | ((...a: never[]) => Text)>;

const ruleTitle = (ruleId: string): Text | null => {
  const rule = rules.find((r) => r.id === ruleId);
  return rule ? rule.title : null;
};

export function SnoozeList({ client, lang }: { client: StorageClient; lang: Lang }) {
  const [snoozes, setSnoozes] = useState<Snooze[] | null>(null);
  const [error, setError] = useState('');
  const refresh = async () => {
    const r = await client.listSnoozes();
    if (r.ok) setSnoozes(r.value);
    else setError(r.error.message);
  };
  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client]);
  const lift = async (ruleIds: string[]) => {
    for (const id of ruleIds) {
      const r = await client.unsnooze(id);
      if (!r.ok) setError(r.error.message);
    }
    await refresh();
  };
  return (
    <section id="snoozes" aria-labelledby="snoozes-title" data-section="snoozes">
      <h2 id="snoozes-title">{tr(T.title, lang)}</h2>
      <p class="ca-muted">{tr(T.intro, lang)}</p>
      {error && (
        <p class="ca-bad" role="alert">
          {tr(T.failed, lang)} {error}
        </p>
      )}
      {snoozes === null ? (
        <p class="ca-muted">…</p>
      ) : snoozes.length === 0 ? (
        <p data-testid="snoozes-none">{tr(T.none, lang)}</p>
      ) : (
        <>
          <ul aria-labelledby="snoozes-title">
            {snoozes.map((s) => {
              const title = ruleTitle(s.ruleId);
              return (
                <li key={s.ruleId} data-rule-id={s.ruleId}>
                  <strong>{title ? tr(title, lang) : s.ruleId}</strong> — {tr(T.until(fmtDate(s.until.slice(0, 10))), lang)}{' '}
                  <button
                    type="button"
                    class="ca-btn secondary"
                    aria-label={`${tr(T.lift, lang)} : ${title ? tr(title, lang) : s.ruleId}`}
                    onClick={() => void lift([s.ruleId])}
                  >
                    {tr(T.lift, lang)}
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" class="ca-btn secondary" data-testid="snoozes-lift-all" onClick={() => void lift(snoozes.map((s) => s.ruleId))}>
            {tr(T.liftAll, lang)}
          </button>
        </>
      )}
    </section>
  );
}
