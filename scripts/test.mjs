/**
 * `npm test`: set-up, type check, lint and format check (Biome, biome.jsonc), unit tests, builds (Chrome and Firefox), web-ext lint, end-to-end tests (Chromium
 * with the Chrome build, Firefox ESR with the Firefox build: tests/e2e/one-journey.spec.ts runs one journey in both).
 * Every step runs even when an earlier one failed, so one run tells everything; the last line is
 * `N passed, N failed` summing every test and every check step.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, setupAll } from './setup.mjs';

const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const want = (step) => only.length === 0 || only.includes(step);

await setupAll();
mkdirSync(join(ROOT, 'test-results'), { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return r.status === 0;
}
function check(name, ok) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
}
function readJson(file) {
  try {
    return JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
  } catch {
    return null;
  }
}

if (want('typecheck')) check('type check', step('type check', 'npx', ['tsc', '--noEmit']));

// zero warnings: Biome's recommended rules, the project's own (biome.jsonc) and the formatter (`npm run format` fixes it)
if (want('lint')) check('lint', step('lint and format check', 'npx', ['biome', 'check', '--error-on-warnings', '.']));

if (want('unit')) {
  rmSync(join(ROOT, 'test-results/unit.json'), { force: true });
  const ok = step('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
  const report = readJson('test-results/unit.json');
  if (report) {
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    if (report.numFailedTests) failures.push(`${report.numFailedTests} unit test(s)`);
    if (!ok && !report.numFailedTests) check('unit test run (suite error)', false);
  } else check('unit test run (no report)', false);
}

if (want('build') || want('e2e')) {
  check('build chrome', step('build (Chrome MV3)', 'npx', ['wxt', 'build']));
}
if (want('build') || want('e2e')) {
  const ff = step('build (Firefox MV3)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
  check('build firefox', ff);
  if (ff && want('build')) check('web-ext lint', step('web-ext lint (Firefox build)', 'node', ['scripts/lint-firefox.mjs']));
}

if (want('e2e')) {
  rmSync(join(ROOT, 'test-results/e2e.json'), { force: true });
  const ok = step('end-to-end tests (Chromium and Firefox ESR + built extension)', 'npx', ['playwright', 'test']);
  const report = readJson('test-results/e2e.json');
  if (report?.stats) {
    const s = report.stats;
    passed += s.expected ?? 0;
    failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
    if (s.unexpected) failures.push(`${s.unexpected} e2e test(s)`);
    if (!ok && !s.unexpected) check('e2e run (setup error)', false);
  } else check('e2e run (no report)', false);
}

console.log(failures.length ? `\nFailed: ${failures.join(', ')}` : '\nEverything passed.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
