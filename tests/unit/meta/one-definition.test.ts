/**
 * One module per shared concept: a value that several files need is written in one place and imported from there.
 * A scan of the sources (lib/, components/, entrypoints/), comments left out.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { files } from '../security/bundle-scan';

const ROOT = join(import.meta.dirname, '../../..');
const SOURCES = ['lib', 'components', 'entrypoints'].flatMap((d) => files(join(ROOT, d), /\.tsx?$/));

const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** The files, other than `owner` and `known`, whose code matches `re`. */
function usesOutside(owner: string, re: RegExp, known: readonly string[] = []): string[] {
  return SOURCES.map((f) => relative(ROOT, f)).filter((f) => f !== owner && !known.includes(f) && re.test(code(readFileSync(join(ROOT, f), 'utf8'))));
}

describe('one definition per concept', () => {
  // the host tag: tests/unit/meta/lint.test.ts (one scan, with the lint's project rules)
  it('colours are written only in lib/colors.ts', () => {
    expect(usesOutside('lib/colors.ts', /#[0-9a-f]{3}(?:[0-9a-f]{3})?\b/i)).toEqual([]);
  });
});
