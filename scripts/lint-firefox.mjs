/** Runs `web-ext lint` on the Firefox MV3 build and fails on any error (warnings are printed, not fatal). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const dir = '.output/firefox-mv3';
if (!existsSync(`${dir}/manifest.json`)) {
  console.error(`No Firefox build in ${dir}: run "npm run build:firefox" first.`);
  process.exit(1);
}
const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--boring'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
} catch {
  console.error('web-ext lint gave no JSON report:\n' + r.stdout + r.stderr);
  process.exit(1);
}
const { errors = [], warnings = [], notices = [] } = report;
for (const w of warnings) console.log(`warning ${w.code}: ${w.message} (${w.file ?? ''})`);
for (const e of errors) console.log(`ERROR ${e.code}: ${e.message} (${e.file ?? ''})`);
console.log(`web-ext lint: ${errors.length} error(s), ${warnings.length} warning(s), ${notices.length} notice(s)`);
process.exit(errors.length ? 1 : 0);
