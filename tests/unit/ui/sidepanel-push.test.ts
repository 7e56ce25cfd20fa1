/** The side panel shows what the content script computed, pushed to it: it neither polls nor asks every tab. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const app = readFileSync(join(__dirname, '../../../entrypoints/sidepanel/App.tsx'), 'utf8');

describe('side panel state', () => {
  it('has no timer and does not query every tab', () => {
    expect(app).not.toMatch(/setInterval|setTimeout/);
    expect(app).not.toMatch(/tabs\.query\(\{\s*\}\)/);
    expect(app).not.toMatch(/\bevaluate\(/);
  });

  it('listens to the state the background pushes (storage.session changes)', () => {
    expect(app).toMatch(/storage\.onChanged\.addListener/);
    expect(app).toMatch(/tabSessionKey\(/);
    expect(app).toMatch(/DEADLINES_CHANGED_KEY/);
  });
});
