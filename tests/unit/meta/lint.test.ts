// @vitest-environment node
/**
 * The project's own lint rules (biome.jsonc, `npm run lint`):
 * - no `as unknown as` in product code (lib/, components/, entrypoints/): a GritQL plugin of Biome, checked here on
 *   a probe project with the real configuration;
 * - lines of at most 160 characters: the formatter's lineWidth, probed the same way;
 * - the overlay's host tag written as a literal in one product module only (everything else imports HOST_TAG):
 *   Biome cannot scope a rule to "every file but one", so this test scans the sources.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '../../..');
const BIOME = join(ROOT, 'node_modules/.bin/biome');
const PRODUCT = ['lib', 'components', 'entrypoints'];

/** Runs Biome with the project's configuration on a throw-away project made of `files`. */
function biomeOn(command: 'lint' | 'format', files: Record<string, string>): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'biome-probe-'));
  try {
    for (const f of ['biome.jsonc', 'scripts/lint/no-as-unknown-as.grit']) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      copyFileSync(join(ROOT, f), join(dir, f));
    }
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const r = spawnSync(BIOME, [command, '--vcs-enabled=false', '--error-on-warnings', '--reporter=github', '.'], { cwd: dir, encoding: 'utf8' });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** String literals (quotes or backticks) that contain the host tag as a whole tag name. */
const HOST_TAG_LITERAL = /(['"`])[^'"`\n]*(?<![\w-])compagnon-amelipro(?![\w@.-])[^'"`\n]*\1/;
/** Same word, other concept: the IndexedDB database's name. */
const NOT_THE_TAG = /^export const DB_NAME = 'compagnon-amelipro';$/;

function hostTagLiterals(files: string[]): string[] {
  const hits: string[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.replace(/^\s*(\/\/|\*|\/\*).*$/, ''); // comments may name the tag
        if (HOST_TAG_LITERAL.test(code) && !NOT_THE_TAG.test(code.trim())) hits.push(`${relative(ROOT, file)}:${i + 1}`);
      });
  }
  return hits;
}

describe('project lint rules', () => {
  it('`as unknown as` fails the lint in product code, not in tests', () => {
    const cast = 'export const n = JSON.parse("1") as unknown as string;\n';
    const r = biomeOn('lint', { 'lib/probe.ts': cast, 'tests/probe.ts': cast });
    expect(r.ok, r.output).toBe(false);
    expect(r.output).toMatch(/lib\/probe\.ts.*as unknown as/);
    expect(r.output).not.toMatch(/tests\/probe\.ts/);
    expect(biomeOn('lint', { 'lib/probe.ts': 'export const n: unknown = JSON.parse("1");\n' }).ok).toBe(true);
  });

  it('a line over 160 characters fails the format check; one of 160 passes', () => {
    const line = (width: number) => {
      const head = "export const s = '";
      return `${head}${'x'.repeat(width - head.length - 2)}';\n`;
    };
    expect(line(160).length).toBe(161);
    expect(biomeOn('format', { 'lib/probe.ts': line(160) }).ok).toBe(true);
    const long = `export const f = (a: string, b: string) => [a, b, ${Array.from({ length: 14 }, (_, i) => `'item-${i}'`).join(', ')}];\n`;
    expect(long.length).toBeGreaterThan(161);
    expect(biomeOn('format', { 'lib/probe.ts': long }).ok).toBe(false);
  });

  it('the host tag is written as a literal in exactly one product module', () => {
    const hits = hostTagLiterals(PRODUCT.flatMap((d) => sources(join(ROOT, d))));
    expect(
      hits.map((h) => h.replace(/:\d+$/, '')),
      'import HOST_TAG instead of writing the tag',
    ).toEqual(['lib/host-tag.ts']);
  });

  it('the host tag scan sees a literal in a selector, a call and a template, and not another tag or the database name', () => {
    for (const s of ["x.closest('compagnon-amelipro')", 'q("compagnon-amelipro [data-x]")', 'q(`div > compagnon-amelipro`)']) {
      expect(HOST_TAG_LITERAL.test(s), s).toBe(true);
    }
    for (const s of ["q('compagnon-amelipro-note')", "id: 'compagnon-amelipro@compagnon-amelipro.org'", 'const tag = HOST_TAG;']) {
      expect(HOST_TAG_LITERAL.test(s), s).toBe(false);
    }
    expect(NOT_THE_TAG.test("export const DB_NAME = 'compagnon-amelipro';")).toBe(true);
  });
});
