import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { FindingList } from '../../../components/FindingList';
import { RuleCard, ruleCardOf } from '../../../components/RuleCard';
import { getRule } from '../../../lib/rules';
import { RuleHelp } from '../../../components/RuleHelp';
import { durationFinding } from './helpers';

const texts = (el: Element, selector: string) => Array.from(el.querySelectorAll(selector)).map((e) => e.textContent);

describe('RuleCard: one drawing of a rule for every surface', () => {
  it('title, what is between, message, what applies, source, then the controls around the link, in that order', () => {
    const { container } = render(
      <ul>
        <RuleCard
          ruleId="aat.duration-limit"
          lang="fr"
          class="ca-finding ca-warning"
          tag={<span class="ca-sev">Attention</span>}
          title={{ fr: 'Durée', en: 'Length' }}
          toVerify
          meta={<p class="ca-meta">depuis le 01/09/2026</p>}
          message={{ fr: 'Un mois au plus.', en: 'One month at most.' }}
          source={{ fr: 'Décret', en: 'Decree' }}
          link="https://www.ameli.fr/medecin"
          before={<button type="button">Liste</button>}
          after={<button type="button">Masquer</button>}
        >
          <p class="ca-detail">45 jours</p>
        </RuleCard>
      </ul>,
    );
    const card = container.querySelector('li')!;
    expect(card.getAttribute('data-rule-id')).toBe('aat.duration-limit');
    expect(card.className).toBe('ca-finding ca-warning');
    expect(card.querySelector('.ca-head')?.textContent).toBe('AttentionDurée (à vérifier)');
    expect(Array.from(card.children).map((c) => c.className)).toEqual(['ca-head', 'ca-meta', 'ca-msg', 'ca-detail', 'ca-source', 'ca-actions']);
    expect(card.querySelector('.ca-source')?.textContent).toMatch(/^Source\s:\sDécret$/);
    expect(texts(card, '.ca-actions > *')).toEqual(['Liste', 'En savoir plus', 'Masquer']);
    const a = card.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://www.ameli.fr/medecin');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('in English; without link or controls, no actions row; without source, no source line', () => {
    const { container } = render(
      <ul>
        <RuleCard ruleId="x.y" lang="en" class="ca-finding ca-info" title={{ fr: 'Titre', en: 'Title' }} message={{ fr: 'Message', en: 'Message en' }} />
      </ul>,
    );
    const card = container.querySelector('li')!;
    expect(card.querySelector('.ca-title')?.textContent).toBe('Title');
    expect(card.querySelector('.ca-msg')?.textContent).toBe('Message en');
    expect(card.querySelector('.ca-actions')).toBeNull();
    expect(card.querySelector('.ca-source')).toBeNull();
  });

  it('a help entry: the title is a heading, the rule id is data-help-id (data-rule-id marks what applies to the page)', () => {
    const { container } = render(
      <ul>
        <RuleCard ruleId="x.y" lang="fr" class="ca-help-entry" help id="help-x-y" title={{ fr: 'Titre', en: 'Title' }} />
      </ul>,
    );
    const card = container.querySelector('li')!;
    expect(card.getAttribute('data-help-id')).toBe('x.y');
    expect(card.hasAttribute('data-rule-id')).toBe(false);
    expect(card.id).toBe('help-x-y');
    expect(card.querySelector('h4.ca-title')?.textContent).toBe('Titre');
  });

  it('a finding (overlay, popup, side panel) and a help entry are drawn by it: same parts, same order', () => {
    const finding = render(
      <FindingList findings={[{ ...durationFinding, link: 'https://www.ameli.fr/medecin' }]} lang="fr" sourceOf={() => ({ fr: 'Décret', en: 'Decree' })} />,
    ).container.querySelector('[data-rule-id="aat.duration-limit"]')!;
    expect(Array.from(finding.children).map((c) => c.className)).toEqual(['ca-head', 'ca-msg', 'ca-detail', 'ca-source', 'ca-actions']);
    expect(finding.querySelector('.ca-source')?.textContent).toMatch(/^Source\s:\sDécret$/);
    const help = render(<RuleHelp date="2026-11-28" lang="fr" focusId="aat.duration-limit" />).container.querySelector('[data-help-id="aat.duration-limit"]')!;
    expect(Array.from(help.children).map((c) => c.className)).toEqual(['ca-title', 'ca-meta', 'ca-msg', 'ca-source', 'ca-actions']);
    expect(help.querySelector('.ca-actions a')?.textContent).toBe('En savoir plus');
  });

  it("a catalogue rule (the side panel's reminders and upcoming rules): its title, message, link and confidence", () => {
    const rule = getRule('aat.duration-limit');
    const card = render(
      <ul>
        <RuleCard {...ruleCardOf(rule)} lang="en" class="ca-finding ca-info" />
      </ul>,
    ).container.querySelector('li')!;
    expect(card.getAttribute('data-rule-id')).toBe(rule.id);
    expect(card.querySelector('.ca-title')?.textContent).toBe(rule.title.en + (rule.confidence === 'low' ? ' (to verify)' : ''));
    expect(card.querySelector('.ca-msg')?.textContent).toBe(rule.message.en);
    expect(card.querySelector('a')?.getAttribute('href')).toBe(rule.link);
  });
});
