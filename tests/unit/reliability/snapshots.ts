/** The rendered test pages (tests/portal/snapshots) as documents, and seeded mutations of them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rng } from './rng';

const PORTAL = join(import.meta.dirname, '../../portal');

export interface TestPage {
  id: string;
  pageType: string;
  url: string;
}

export const PAGES: TestPage[] = JSON.parse(readFileSync(join(PORTAL, 'pages.json'), 'utf8'));

export const snapshotHtml = (id: string): string => readFileSync(join(PORTAL, 'snapshots', `${id}.html`), 'utf8');

export const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/** Removes random subtrees, shuffles the children of random elements, and moves random elements elsewhere. */
export function mutate(doc: Document, r: Rng, steps: number): Document {
  for (let i = 0; i < steps; i++) {
    const all = Array.from(doc.body?.querySelectorAll('*') ?? []);
    if (!all.length) break;
    const el = r.pick(all);
    const op = r.int(0, 4);
    if (op === 0) el.remove();
    else if (op === 1) {
      const kids = r.shuffle(Array.from(el.children));
      for (const k of kids) el.append(k);
    } else if (op === 2) {
      const target = r.pick(all);
      if (!el.contains(target)) target.append(el);
    } else if (op === 3) {
      for (const a of Array.from(el.attributes)) if (r.bool(0.5)) el.removeAttribute(a.name);
    } else {
      el.textContent = r.bool() ? '' : (el.textContent?.split('').reverse().join('') ?? '');
    }
  }
  return doc;
}
