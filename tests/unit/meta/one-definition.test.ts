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
  it('the overlay host tag is written only in lib/host-tag.ts', () => {
    // the tag alone, not the longer names that start with it (database name, export format, other tags)
    const known = [
      'lib/storage/schema.ts', // the database's name: the same words, another concept
      'lib/features/prescription.ts', // TODO: HOST_TAG once the prescription page reading has moved out of this file
    ];
    expect(usesOutside('lib/host-tag.ts', /compagnon-amelipro(?![-\w])/, known)).toEqual([]);
  });

  it('colours are written only in lib/colors.ts', () => {
    // TODO: lib/features/prescription.ts too, once its note's UI has moved out of the file
    expect(usesOutside('lib/colors.ts', /#[0-9a-f]{3}(?:[0-9a-f]{3})?\b/i, ['lib/features/prescription.ts'])).toEqual([]);
  });
});
