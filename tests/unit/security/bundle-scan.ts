/**
 * The bundle scan shared by the unit test (tests/unit/security/code-scan.test.ts) and the e2e security spec
 * (which runs after the builds). See the unit test's header for the allowed, reviewed patterns.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, ext));
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

/** Allowed, reviewed occurrences (see the header); each is cut out before the forbidden patterns are searched. */
export const ALLOWED_IN_BUNDLES: { name: string; re: RegExp; contentScript: boolean }[] = [
  // Preact's support for `dangerouslySetInnerHTML` (never used by the sources: the source scan forbids it).
  {
    name: 'Preact dangerouslySetInnerHTML',
    re: /(\w+)&&\((\w+)\.__html==\1\.__html\|\|\2\.__html==(\w+)\.innerHTML\)\|\|\(\3\.innerHTML=\2\.__html\)/g,
    contentScript: true,
  },
  { name: 'zod Function probe', re: /try\{return Function\(``\),!0\}catch\{return!1\}/g, contentScript: false },
  { name: 'Vite modulepreload', re: /function (\w+)\((\w+)\)\{if\(\2\.ep\)return;\2\.ep=!0;let (\w+)=\w+\(\2\);fetch\(\2\.href,\3\)\}/g, contentScript: false },
  { name: 'WXT shadow-root CSS by URL', re: /`url`in (\w+)\?await fetch\(\1\.url\)/g, contentScript: true },
  {
    name: 'WXT content-script CSS file',
    re: /let (\w+)=[\w$.]+\.runtime\.getURL\(`\/content-scripts\/[\w-]+\.css`\);try\{return await\(await fetch\(\1\)\)/g,
    contentScript: true,
  },
];

export const BUNDLE_FORBIDDEN: [string, RegExp][] = [
  ['HTML from a string', /\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment)\b|document\.write/],
  ['eval', /(^|[^\w$.])eval\s*\(/],
  ['Function constructor', /(^|[^\w$.])(new\s+)?Function\s*\(/],
  ['fetch', /(^|[^\w$.])fetch\s*\(/],
  ['XMLHttpRequest', /XMLHttpRequest/],
  ['WebSocket', /new WebSocket/],
  ['EventSource', /new EventSource/],
  ['sendBeacon', /sendBeacon/],
  ['importScripts', /importScripts\s*\(/],
  ['remote script URL', /(https?:)?\/\/[\w.-]+\.[a-z]{2,}\/[^\s"'`]*\.m?js\b/],
  ['remote import', /\bimport\s*\(\s*[`'"](https?:)?\/\//],
  ['string timer', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
];

/** Problems found in one build directory, and how many times each allowed pattern was seen. */
export function scanBundles(dir: string): { hits: string[]; seen: Map<string, number> } {
  const hits: string[] = [];
  const seen = new Map<string, number>();
  for (const file of files(dir, /\.(js|html)$/)) {
    let text = readFileSync(file, 'utf8');
    const isContent = relative(dir, file).startsWith('content-scripts');
    for (const a of ALLOWED_IN_BUNDLES) {
      text = text.replace(a.re, () => {
        if (isContent && !a.contentScript) hits.push(`${relative(dir, file)}: ${a.name} in the content script`);
        seen.set(a.name, (seen.get(a.name) ?? 0) + 1);
        return ' ';
      });
    }
    for (const [what, re] of BUNDLE_FORBIDDEN) {
      const m = re.exec(text);
      if (m) hits.push(`${relative(dir, file)} ${what}: …${text.slice(Math.max(0, m.index - 80), m.index + 80)}…`);
    }
  }
  const content = files(join(dir, 'content-scripts'), /\.js$/)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  if (/Function\(/.test(content)) hits.push('content script: Function( present (zod or eval-like code in the content script)');
  if ((seen.get('zod Function probe') ?? 0) > 1) hits.push('zod Function probe in more than one chunk');
  return { hits, seen };
}
