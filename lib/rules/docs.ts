/** Documentation generated from the catalogue (docs/rules.md table between `<!-- rules:start -->` and `<!-- rules:end -->`). */
import type { Profession } from '../pages/types';
import { rules } from './engine';
import type { Lang } from './i18n';
import type { Rule } from './schema';
import { formatSourceCompact } from './source';

const PROFESSION_LABEL: Record<Profession, Record<Lang, string>> = {
  'medecin-generaliste': { fr: 'MG', en: 'GP' },
  'medecin-specialiste': { fr: 'MS', en: 'Spec.' },
  pharmacien: { fr: 'Pharm.', en: 'Pharm.' },
};

const SEVERITY_LABEL: Record<Rule['severity'], Record<Lang, string>> = {
  blocking: { fr: 'bloquant', en: 'blocking' },
  warning: { fr: 'alerte', en: 'warning' },
  info: { fr: 'info', en: 'info' },
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function period(rule: Rule, lang: Lang): string {
  let p = rule.until ? `${rule.from} → ${rule.until}` : lang === 'fr' ? `depuis le ${rule.from}` : `from ${rule.from}`;
  if (rule.transition) {
    p += lang === 'fr' ? ` (tolérance jusqu'au ${rule.transition.until})` : ` (tolerance until ${rule.transition.until})`;
  }
  return p;
}

/** Markdown table of every rule (id, title, who, period, severity, source), in catalogue order. */
export function renderRulesMarkdown(lang: Lang = 'fr'): string {
  const head = lang === 'fr' ? ['id', 'règle', 'pour', 'période', 'gravité', 'source'] : ['id', 'rule', 'who', 'period', 'severity', 'source'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rules) {
    const title = r.title[lang];
    const verify = r.confidence === 'low' ? (lang === 'fr' ? ' (à vérifier)' : ' (to verify)') : '';
    const who = r.professions.map((p) => PROFESSION_LABEL[p][lang]).join(', ');
    lines.push(
      `| \`${r.id}\` | ${cell(title)}${verify} | ${who} | ${period(r, lang)} | ${SEVERITY_LABEL[r.severity][lang]} | ${cell(formatSourceCompact(r.source))} |`,
    );
  }
  return lines.join('\n') + '\n';
}
