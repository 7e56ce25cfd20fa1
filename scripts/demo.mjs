/**
 * `npm run demo`: builds the extension, launches Chromium with it and visits every embedded amelipro test page.
 * With a display, the browser stays open for a person to click around; without one, one screenshot per page
 * goes to demo-output/ and what the extension detected is printed per page.
 */
import { spawnSync } from 'node:child_process';
import { ROOT, setupAll } from './setup.mjs';

await setupAll({ firefox: false });
const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const r = spawnSync('npx', ['tsx', 'scripts/demo-run.ts', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
process.exit(r.status ?? 1);
