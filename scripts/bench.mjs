/** `npm run bench [area…]`: set-up as for the tests (npm ci, Chromium, test pages), then every bench module. */
import { spawnSync } from 'node:child_process';
import { ROOT, setupAll } from './setup.mjs';

await setupAll({ firefox: false });
const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const r = spawnSync('npx', ['tsx', 'scripts/bench/index.ts', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
process.exit(r.status ?? 1);
