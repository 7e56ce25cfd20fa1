/**
 * The build of the code whose 10 ms the content script's budget translates: the code of 28/11/2026 (6ae646e), which
 * measured 6.6 to 9.8 ms on the machine that set the 10 ms (docs/performance.md, « Les limites »). `npm run bench
 * content` measures it beside this build, loads alternated, so that the limit is translated in every run, on the
 * machine at hand. Built once per machine from the repository's history (a temporary git worktree, this checkout's
 * node_modules) and kept in node_modules/.cache; `BENCH_REFERENCE=dir` names another build instead.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../../tests/e2e/harness';

export const REFERENCE_COMMIT = '6ae646efd7d42a55a9f55cfa0b8ff2314003d26d';

/** The reference build's directory (its manifest.json inside); throws, saying why, when it cannot be built. */
export function referenceBuild(): string {
  const named = process.env.BENCH_REFERENCE;
  if (named) {
    if (!existsSync(join(named, 'manifest.json'))) throw new Error(`BENCH_REFERENCE=${named}: no manifest.json there`);
    return named;
  }
  const out = join(ROOT, 'node_modules/.cache/compagnon-bench', `reference-${REFERENCE_COMMIT.slice(0, 12)}`, 'chrome-mv3');
  if (existsSync(join(out, 'manifest.json'))) return out;
  const tree = join(mkdtempSync(join(tmpdir(), 'compagnon-reference-')), 'tree');
  try {
    execFileSync('git', ['worktree', 'add', '--detach', tree, REFERENCE_COMMIT], { cwd: ROOT, stdio: 'pipe' });
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
    execFileSync('npx', ['wxt', 'build'], { cwd: tree, stdio: 'pipe' });
    mkdirSync(dirname(out), { recursive: true });
    cpSync(join(tree, '.output/chrome-mv3'), out, { recursive: true });
    return out;
  } catch (err) {
    const said = err instanceof Error && 'stderr' in err ? String((err as { stderr: unknown }).stderr).trim() : String(err);
    throw new Error(`the reference build (${REFERENCE_COMMIT.slice(0, 7)}, 28/11/2026) could not be made: ${said.slice(-500)}`);
  } finally {
    try {
      execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT, stdio: 'ignore' });
    } catch {
      // not added: nothing to remove
    }
    rmSync(dirname(tree), { recursive: true, force: true });
  }
}
