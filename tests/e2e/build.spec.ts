/**
 * The content script as built (this spec runs after `npm test` has built both browsers): a small classic loader
 * that imports the module, and the module marked for eager compilation on V8's background thread.
 */
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { CONTENT_MODULE_PATH, CONTENT_MODULE_WITH_READER_PATH, PRESCRIPTION_READER_PATH } from '../../entrypoints/amelipro.content/module-path';
import { ROOT } from './harness';

for (const dir of ['chrome-mv3', 'firefox-mv3']) {
  const out = join(ROOT, '.output', dir);
  test.describe(`${dir} build`, () => {
    test.beforeAll(() => {
      // `npm test` builds both; a lone e2e run may only have the Chrome build
      if (!existsSync(join(out, 'manifest.json')))
        execFileSync('npx', ['wxt', 'build', ...(dir === 'firefox-mv3' ? ['-b', 'firefox', '--mv3'] : [])], { cwd: ROOT, stdio: 'ignore' });
    });

    test('the manifest declares only the small loader, which imports one of the modules', () => {
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      expect(manifest.content_scripts[0].js).toHaveLength(1);
      const code = readFileSync(join(out, manifest.content_scripts[0].js[0]), 'utf8');
      expect(code.length).toBeLessThan(8_000);
      expect(code).toContain(CONTENT_MODULE_PATH);
      expect(code).toContain(CONTENT_MODULE_WITH_READER_PATH);
      expect(code).not.toContain(PRESCRIPTION_READER_PATH);
      expect(code.match(/\bimport\(/g)).toHaveLength(1);
    });

    test('the module is one ES module whose first line is the compile hint', () => {
      const code = readFileSync(join(out, CONTENT_MODULE_PATH), 'utf8');
      expect(code.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
      expect(code).toMatch(/export\s*\{\s*[\w$]+ as startContent\s*\}/);
      // one file, whose only import is the prescription reader, fetched on pages with a medicine field
      expect(code.match(/\bimport\s*\(/g)).toHaveLength(1);
      expect(code).toContain(PRESCRIPTION_READER_PATH);
    });

    test('the module with the reader is the same module, with the line reading inside', () => {
      const code = readFileSync(join(out, CONTENT_MODULE_WITH_READER_PATH), 'utf8');
      expect(code.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
      expect(code).toMatch(/export\s*\{\s*[\w$]+ as startContent\s*\}/);
      // the reader's lexicon is inside (its core's substances, in one string), and the plain module has none of it
      const substances = (JSON.parse(readFileSync(join(ROOT, 'lib/prescription/lexicon-core.json'), 'utf8')) as { substances: string[] }).substances;
      const listed = substances.slice(0, 3).join('.');
      expect(readFileSync(join(out, PRESCRIPTION_READER_PATH), 'utf8')).toContain(listed);
      expect(code).toContain(listed);
      expect(readFileSync(join(out, CONTENT_MODULE_PATH), 'utf8')).not.toContain(listed);
      // its one import is the plain module's own, of the reader, should the reader inside be missing
      expect(code.match(/\bimport\s*\(/g)).toHaveLength(1);
    });

    test('the prescription reader is one ES module with the line reading and its checks, without the catalogue', () => {
      const code = readFileSync(join(out, PRESCRIPTION_READER_PATH), 'utf8');
      expect(code).toMatch(/export\s*\{[^}]*\bas readPrescription\b/);
      expect(code).toMatch(/export\s*\{[^}]*\bas prescriptionChecks\b/);
      expect(code).not.toMatch(/\bimport\s*\(/);
      // no rule text: the catalogue stays in the module (a prescription rule's title)
      expect(code).not.toContain('Ordonnance sécurisée');
    });
  });
}
