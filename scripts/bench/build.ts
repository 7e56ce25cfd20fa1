/** Build time and the size of each entry point (raw and gzip) of the Chrome build. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { limit } from './budget';
import type { Figure } from './types';
import { CONTENT_FILES_ON_DEMAND, CONTENT_MODULE_WITH_READER_PATH, PRESCRIPTION_READER_PATH } from '../../entrypoints/amelipro.content/module-path';

const OUT = '.output/chrome-mv3';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

export async function bench(): Promise<Figure[]> {
  const t0 = performance.now();
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const buildMs = performance.now() - t0;
  const figures: Figure[] = [{ area: 'build', name: 'build time (chrome-mv3)', value: Math.round(buildMs), unit: 'ms' }];
  let total = 0;
  let contentGz = 0;
  let readerGz = 0;
  let withReaderGz = 0;
  for (const file of files(OUT)
    .filter((f) => /\.(js|html|css)$/.test(f))
    .sort()) {
    const buf = readFileSync(file);
    total += buf.length;
    const name = relative(OUT, file);
    const gz = gzipSync(buf).length;
    // the classic script the manifest declares and the module it imports: both load on every amelipro page; the
    // prescription reader the module imports only where a medicine field is, and the module with the reader inside
    // that the loader imports instead where a line is written at load, measured on their own below
    if (name.startsWith('content-scripts/') && !CONTENT_FILES_ON_DEMAND.includes(name)) contentGz += gz;
    if (name === PRESCRIPTION_READER_PATH) readerGz = gz;
    if (name === CONTENT_MODULE_WITH_READER_PATH) withReaderGz = gz;
    figures.push({ area: 'build', name: `${name} (raw)`, value: +(buf.length / 1024).toFixed(1), unit: 'KB' });
    figures.push({ area: 'build', name: `${name} (gzip)`, value: +(gz / 1024).toFixed(1), unit: 'KB' });
  }
  figures.push({
    area: 'build',
    name: 'content script, loader + module (gzip)',
    value: +(contentGz / 1024).toFixed(1),
    unit: 'KB',
    limit: limit('contentScriptGzipKB'),
  });
  figures.push({ area: 'build', name: 'prescription reader, on pages with a medicine field (gzip)', value: +(readerGz / 1024).toFixed(1), unit: 'KB' });
  figures.push({
    area: 'build',
    name: 'module with the reader inside, instead of the module where a line is written at load (gzip)',
    value: +(withReaderGz / 1024).toFixed(1),
    unit: 'KB',
  });
  figures.push({ area: 'build', name: 'total js/html/css (raw)', value: +(total / 1024).toFixed(1), unit: 'KB' });
  return figures;
}
