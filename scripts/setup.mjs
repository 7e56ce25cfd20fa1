/**
 * Idempotent set-up for a fresh clone of this Debian machine: npm dependencies, Debian's Chromium, the test pages.
 * Used by `npm test`, `npm run demo` and `.ci/run`. Node builtins only (it runs before node_modules exists).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(cmd, opts = {}) {
  console.log(`$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit', cwd: ROOT, ...opts });
}

export function ensureNodeModules() {
  if (!existsSync(join(ROOT, 'node_modules/.bin/wxt'))) run('npm ci --no-audit --no-fund');
}

export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function ensureChromium() {
  if (existsSync(chromiumPath())) return;
  const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
  run(`${sudo}apt-get update -qq`);
  run(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`);
  if (!existsSync(chromiumPath())) throw new Error(`Chromium is still missing at ${chromiumPath()}`);
}

export async function ensurePortal() {
  const { ensurePortalBuilt } = await import('../tests/portal/router.mjs');
  ensurePortalBuilt();
}

export async function setupAll({ portal = true } = {}) {
  ensureNodeModules();
  ensureChromium();
  if (portal) await ensurePortal();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await setupAll();
}
