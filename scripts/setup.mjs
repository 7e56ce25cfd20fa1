/**
 * Idempotent set-up for a fresh clone of this Debian machine: npm dependencies, Debian's Chromium and Firefox ESR,
 * the test pages.
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

export function firefoxPath() {
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}

/** Installs a Debian package when `path` is missing (apt's index is refreshed first: a fresh machine has none). */
function ensureDebianPackage(pkg, path, label) {
  if (existsSync(path)) return;
  const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
  run(`${sudo}apt-get update -qq`);
  run(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg}`);
  if (!existsSync(path)) throw new Error(`${label} is still missing at ${path}`);
}

export function ensureChromium() {
  ensureDebianPackage('chromium', chromiumPath(), 'Chromium');
}

/** Firefox ESR for the Firefox end-to-end tests (driven by puppeteer-core over WebDriver BiDi). */
export function ensureFirefox() {
  ensureDebianPackage('firefox-esr', firefoxPath(), 'Firefox ESR');
}

export async function ensurePortal() {
  const { ensurePortalBuilt } = await import('../tests/portal/router.mjs');
  ensurePortalBuilt();
}

export async function setupAll({ portal = true, firefox = true } = {}) {
  ensureNodeModules();
  ensureChromium();
  if (firefox) ensureFirefox();
  if (portal) await ensurePortal();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await setupAll();
}
