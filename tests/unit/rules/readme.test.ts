// @vitest-environment node
/**
 * docs/rules.md must contain exactly the table generated from the catalogue between the markers.
 * `UPDATE_DOCS=1 npx vitest run tests/unit/rules/readme.test.ts` rewrites that section instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRulesMarkdown } from '../../../lib/rules';

const RULES_DOC = fileURLToPath(new URL('../../../docs/rules.md', import.meta.url));
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

function section(): string {
  return `${START}\n${renderRulesMarkdown('fr')}${END}`;
}

describe('docs/rules.md rule table', () => {
  it('matches the catalogue', () => {
    let text = readFileSync(RULES_DOC, 'utf8');
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    if (process.env.UPDATE_DOCS === '1') {
      if (start < 0 || end < start) {
        text = `${text.replace(/\s*$/, '')}\n\n## Règles vérifiées\n\n${section()}\n`;
      } else {
        text = text.slice(0, start) + section() + text.slice(end + END.length);
      }
      writeFileSync(RULES_DOC, text);
      return;
    }
    expect(start, `docs/rules.md lacks ${START}: run with UPDATE_DOCS=1`).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    expect(text.slice(start, end + END.length), 'docs/rules.md rule table is stale: run with UPDATE_DOCS=1').toBe(section());
  });

  it('renders an English table too', () => {
    const en = renderRulesMarkdown('en');
    expect(en).toMatch(/^\| id \| rule \| who \| period \| severity \| source \|/);
    expect(en).toContain('`aat.duration-limit`');
  });
});
