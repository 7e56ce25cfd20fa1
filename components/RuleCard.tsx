/**
 * A rule as every surface draws it (a finding in the overlay, the popup and the side panel; the side panel's
 * reminders, upcoming rules and help): its title, its message, what applies here, its source and its "en savoir
 * plus" link, in that order, with the controls of the surface around the link.
 */
import type { ComponentChildren } from 'preact';
import { tr, withColon, type Lang, type Text } from '../lib/i18n';
import type { Rule } from '../lib/rules/schema';
import { UI } from './ui-text';

export interface RuleCardProps {
  ruleId: string;
  lang: Lang;
  title: Text;
  /** The list item's classes (its colour): `ca-finding ca-<severity>` for a finding. */
  class: string;
  /** A help entry's anchor and focus (the side panel's `?help=<rule id>`). */
  id?: string;
  tabIndex?: number;
  /**
   * An entry of the help list: the title is a heading, and the rule id is `data-help-id` (`data-rule-id` marks what
   * applies to the page: findings, reminders, upcoming rules).
   */
  help?: boolean;
  /** Before the title: a finding's severity. */
  tag?: ComponentChildren;
  /** Low confidence: "(à vérifier)" after the title. */
  toVerify?: boolean;
  /** Between the title and the message: the help's phase and dates, an upcoming rule's first day. */
  meta?: ComponentChildren;
  message?: Text;
  /** After the message: what the check saw, the tolerance, a note. */
  children?: ComponentChildren;
  source?: Text;
  link?: string;
  /** Controls before the link (a finding's action) and after it (hide, snooze). */
  before?: ComponentChildren;
  after?: ComponentChildren;
}

/** A catalogue rule's own parts of its card (the side panel's reminders and upcoming rules). */
export const ruleCardOf = (r: Pick<Rule, 'id' | 'title' | 'message' | 'link' | 'confidence'>) =>
  ({ ruleId: r.id, title: r.title, message: r.message, link: r.link, toVerify: r.confidence === 'low' }) satisfies Partial<RuleCardProps>;

export function RuleCard({ source, ...p }: RuleCardProps) {
  const lang = p.lang;
  const title = (
    <>
      {tr(p.title, lang)}
      {p.toVerify && ` ${tr(UI.toVerify, lang)}`}
    </>
  );
  return (
    <li id={p.id} class={p.class} {...(p.help ? { 'data-help-id': p.ruleId } : { 'data-rule-id': p.ruleId })} tabIndex={p.tabIndex}>
      {p.help ? (
        <h4 class="ca-title">{title}</h4>
      ) : (
        <div class="ca-head">
          {p.tag}
          <strong class="ca-title">{title}</strong>
        </div>
      )}
      {p.meta}
      {p.message && <p class="ca-msg">{tr(p.message, lang)}</p>}
      {p.children}
      {source && (
        <p class="ca-source">
          {withColon(UI.sourceLabel, lang)} {tr(source, lang)}
        </p>
      )}
      {(p.before || p.link || p.after) && (
        <div class="ca-actions">
          {p.before}
          {p.link && (
            <a href={p.link} target="_blank" rel="noopener noreferrer">
              {tr(UI.learnMore, lang)}
            </a>
          )}
          {p.after}
        </div>
      )}
    </li>
  );
}
