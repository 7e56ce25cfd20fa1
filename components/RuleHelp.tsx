/**
 * Side panel: searchable help over the whole rule catalogue (title, message, source, dates, link), accent- and
 * case-insensitive. `focusId` (from `sidepanel.html?help=<rule id>`, the popup's "Aide" links) shows that entry first.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { tr, withColon, type Lang } from '../lib/i18n';
import { helpEntries, searchHelp, type HelpEntry } from '../lib/checklist/help';
import { RuleCard } from './RuleCard';
import { PROFESSION_LABELS, S, fmtDate } from './surface-text';

export interface RuleHelpProps {
  date: string;
  lang: Lang;
  focusId?: string | null;
  /** Without a query, show this many entries first (then a "show all" button); a search shows every match. */
  limit?: number;
}

export const helpAnchor = (ruleId: string) => `help-${ruleId.replace(/[^a-z0-9]+/g, '-')}`;

function HelpArticle({ e, lang, focused, date }: { e: HelpEntry; lang: Lang; focused: boolean; date: string }) {
  const dates =
    e.phase === 'upcoming'
      ? tr(S.startsFrom(fmtDate(e.from)), lang)
      : tr(S.since(fmtDate(e.from)), lang) + (e.until ? ` ${tr(S.until(fmtDate(e.until)), lang)}` : '');
  return (
    <RuleCard
      ruleId={e.id}
      lang={lang}
      id={helpAnchor(e.id)}
      class={`ca-help-entry${focused ? ' ca-focused' : ''}`}
      {...(focused ? { tabIndex: -1 } : {})}
      help
      title={e.title}
      toVerify={e.confidence === 'low'}
      meta={
        <p class="ca-meta">
          <span class={`ca-phase ca-phase-${e.phase}`}>{tr(S.phase[e.phase], lang)}</span> · {dates} · {withColon(S.forWhom, lang)}{' '}
          {e.professions.map((p) => tr(PROFESSION_LABELS[p], lang)).join(', ')}
        </p>
      }
      message={e.message}
      source={e.source}
      link={e.link}
    >
      {e.transition && e.transition.until >= date && (
        <p class="ca-detail">
          {withColon(S.tolerance(fmtDate(e.transition.from), fmtDate(e.transition.until)), lang)} {tr(e.transition.message, lang)}
        </p>
      )}
      {e.confidence === 'low' && <p class="ca-detail">{tr(S.lowConfidence, lang)}</p>}
    </RuleCard>
  );
}

export function RuleHelp({ date, lang, focusId, limit = 12 }: RuleHelpProps) {
  const [all, setAll] = useState(false);
  const entries = useMemo(() => helpEntries(date), [date]);
  const [query, setQuery] = useState('');
  // The list (every rule) is drawn just after the first paint, so the panel shows up at once.
  const [ready, setReady] = useState(Boolean(focusId));
  useEffect(() => {
    if (ready) return;
    const t = setTimeout(() => setReady(true), 0);
    return () => clearTimeout(t);
  }, [ready]);
  const found = useMemo(() => {
    const hits = searchHelp(entries, query);
    if (!focusId || query) return hits;
    const f = hits.find((e) => e.id === focusId);
    return f ? [f, ...hits.filter((e) => e !== f)] : hits;
  }, [entries, query, focusId]);

  useEffect(() => {
    if (!focusId) return;
    const el = document.getElementById(helpAnchor(focusId));
    el?.scrollIntoView({ block: 'start' });
    el?.focus({ preventScroll: true });
  }, [focusId, ready]);

  return (
    <div class="ca-help">
      <label for="help-search">{tr(S.searchLabel, lang)}</label>
      <input id="help-search" type="search" value={query} autocomplete="off" onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      <p class="ca-muted" role="status" aria-live="polite" data-testid="help-count">
        {tr(S.results(found.length), lang)}
      </p>
      <ul class="ca-list ca-help-list">
        {(ready || query ? (all || query ? found : found.slice(0, limit)) : []).map((e) => (
          <HelpArticle key={e.id} e={e} lang={lang} date={date} focused={!query && e.id === focusId} />
        ))}
      </ul>
      {!all && !query && found.length > limit && (
        <p>
          <button type="button" class="ca-btn secondary" onClick={() => setAll(true)}>
            {tr(S.showAll(found.length), lang)}
          </button>
        </p>
      )}
    </div>
  );
}
