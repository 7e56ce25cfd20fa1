/**
 * Store packages, reproducible byte for byte:
 *   npm run zip        builds Chrome MV3 and Firefox MV3, then writes to .output/
 *                        compagnon-amelipro-<version>-chrome.zip    (Chrome Web Store)
 *                        compagnon-amelipro-<version>-firefox.zip   (addons.mozilla.org)
 *                        compagnon-amelipro-<version>-sources.zip   (AMO source code: the tracked files needed to rebuild)
 *                      and prints their SHA-256.
 *   npm run zip:check  does it twice and fails if any checksum differs.
 *
 * The archives are written here rather than by `wxt zip` so that nothing depends on the machine: entries sorted
 * by path, a fixed date (1980-01-01), fixed permissions (0644), deflate level 9, and the sources taken from
 * `git ls-files` (no untracked output, caches or reports).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.output');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Tracked files left out of the sources archive: the test suite and its pages are not needed to rebuild. */
const SOURCES_EXCLUDE = [/^tests\//, /^\.ci\//];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, WXT_SOURCEMAP: '' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** A zip archive with no machine-dependent field. `entries`: [path inside the archive, content]. */
export function deterministicZip(entries) {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const DOS_TIME = 0; // 00:00:00
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [path, content] of sorted) {
    const name = Buffer.from(path, 'utf8');
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const method = stored ? 0 : 8;
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((0o100644 << 16) >>> 0), 38); // regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const posix = (p) => p.split(sep).join('/');
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

function zipDir(dir) {
  return deterministicZip(walk(dir).map((f) => [posix(relative(dir, f)), readFileSync(f)]));
}

function sourceFiles() {
  const r = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error('git ls-files failed: the sources archive is made from the tracked files');
  return r.stdout
    .split('\0')
    .filter((f) => f && !SOURCES_EXCLUDE.some((re) => re.test(f)) && existsSync(join(ROOT, f)))
    .map((f) => [f, readFileSync(join(ROOT, f))]);
}

/** Builds both targets and writes the three archives; returns { file: sha256 }. */
export function makeZips() {
  run('npx', ['wxt', 'build']);
  run('npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
  const base = `${pkg.name}-${pkg.version}`;
  const out = {
    [`${base}-chrome.zip`]: zipDir(join(OUT, 'chrome-mv3')),
    [`${base}-firefox.zip`]: zipDir(join(OUT, 'firefox-mv3')),
    [`${base}-sources.zip`]: deterministicZip(sourceFiles()),
  };
  const sums = {};
  for (const [name, buf] of Object.entries(out)) {
    writeFileSync(join(OUT, name), buf);
    sums[name] = sha256(buf);
  }
  return sums;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const first = makeZips();
  for (const [name, sum] of Object.entries(first)) console.log(`${sum}  .output/${name}`);
  if (check) {
    const second = makeZips();
    const diff = Object.keys(first).filter((n) => first[n] !== second[n]);
    if (diff.length) {
      for (const n of diff) console.error(`NOT reproducible: ${n}\n  first  ${first[n]}\n  second ${second[n]}`);
      process.exit(1);
    }
    console.log('zip:check: two builds gave identical archives (Chrome, Firefox, sources).');
  }
}
