/**
 * The shape of the imports: no module of lib/, components/ or entrypoints/ imports itself back through others, type
 * imports included (a cycle of types is still two concepts defined in terms of each other, and the next value import
 * along it breaks module start-up order).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_OMITTED_RULE_FIELDS } from '../../../entrypoints/amelipro.content/module-path';
import { contentRuleIds } from '../../../entrypoints/amelipro.content/shipped-rules';
import { FEATURES } from '../../../lib/features/registry';
import { hasCheck, rules } from '../../../lib/rules';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const FOLDERS = ['lib', 'components', 'entrypoints'];

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith('.') ? resolve(dirname(from), spec) : spec.startsWith('~/') || spec.startsWith('@/') ? resolve(ROOT, spec.slice(2)) : undefined;
  if (!base) return undefined; // a package
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((c) => existsSync(c) && statSync(c).isFile());
}

/** What a module's text imports, as written (import and export … from, side-effect imports, dynamic import of a literal). */
function importSpecs(text: string, { types = true } = {}): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)]
    .filter((m) => types || !/^\s*(?:import|export)\s+type\s/.test(m[0]))
    .map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** Module → the project modules it imports (import and export … from, type-only included unless `types: false`). */
function importGraph({ types = true } = {}): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of FOLDERS.flatMap((f) => sources(join(ROOT, f)))) {
    const specs = importSpecs(readFileSync(file, 'utf8'), { types });
    graph.set(file, [...new Set(specs.map((s) => resolveImport(file, s)).filter((x) => x !== undefined))]);
  }
  return graph;
}

/** The imports of a lib/ module that point up to the UI: Preact (any of its entry points) or components/. */
function uiImports(file: string, text: string): string[] {
  return importSpecs(text).filter((spec) => {
    if (/^preact(?:\/|$)/.test(spec)) return true;
    const target = resolveImport(file, spec);
    return target !== undefined && relative(ROOT, target).split(/[\\/]/)[0] === 'components';
  });
}

/** Every project module reachable from `start` through its imports. */
function reachable(graph: Map<string, string[]>, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const todo = [start];
  while (todo.length) {
    for (const next of graph.get(todo.pop()!) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      todo.push(next);
    }
  }
  return seen;
}

/** The strongly connected components of more than one module (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1) found.push(scc);
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** The text of a call's arguments, from just after its opening parenthesis to the one that closes it. */
function callArguments(text: string, from: number): string {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(from, i);
  }
  return text.slice(from);
}

describe('imports', () => {
  it('form no cycle in lib/, components/ and entrypoints/ (type imports included)', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(100);
    expect(
      cycles(graph).map((c) =>
        c
          .map((f) => relative(ROOT, f))
          .sort()
          .join(' → '),
      ),
    ).toEqual([]);
  });

  it('lib/ never imports the UI: neither Preact nor components/ (imports only point down)', () => {
    const files = sources(join(ROOT, 'lib'));
    expect(files.length).toBeGreaterThan(50);
    const up = files.flatMap((file) => uiImports(file, readFileSync(file, 'utf8')).map((spec) => `${relative(ROOT, file)} → ${spec}`));
    expect(up).toEqual([]);
  });

  it('the page-facts layer reads the page and decides nothing: it imports no feature, no rule engine, no catalogue, no check; the rules never import it', () => {
    const graph = importGraph();
    const rel = (f: string) => relative(ROOT, f).split(/[\\/]/).join('/');
    const facts = [...graph.keys()].filter((f) => rel(f).startsWith('lib/page-facts/'));
    expect(facts.length).toBeGreaterThanOrEqual(8);
    const decides = /^lib\/(features\/|rules\/(engine|checks|checks-prescription|catalogue\/))/;
    const up = facts.flatMap((f) => (graph.get(f) ?? []).filter((t) => decides.test(rel(t))).map((t) => `${rel(f)} → ${rel(t)}`));
    expect(up).toEqual([]);
    const intoFacts = [...graph]
      .filter(([f]) => rel(f).startsWith('lib/rules/'))
      .flatMap(([f, ts]) => ts.filter((t) => rel(t).startsWith('lib/page-facts/')).map((t) => `${rel(f)} → ${rel(t)}`));
    expect(intoFacts).toEqual([]);
    // and the features read the page through it: none of them queries the DOM by label itself
    const features = [...graph.keys()].filter((f) => rel(f).startsWith('lib/features/'));
    const own = features.filter((f) => /function (labelOf|labelText|findControlByLabel|extract[A-Z]\w*)\(/.test(readFileSync(f, 'utf8')));
    expect(own.map(rel)).toEqual([]);
  });

  it('the UI-import finder sees Preact and components/ in every form of import', () => {
    const file = join(ROOT, 'lib/features/example.ts');
    const text = [
      "import { h } from 'preact';",
      "import { useState } from 'preact/hooks';",
      "import type { Lang } from '../i18n';",
      "export { UI } from '../../components/ui-text';",
      "const Box = () => import('../../components/PrescriptionBox');",
    ].join('\n');
    expect(uiImports(file, text)).toEqual(['preact', 'preact/hooks', '../../components/ui-text', '../../components/PrescriptionBox']);
  });

  it('the prescription reader the content script loads on demand carries neither the rule engine nor the catalogue', () => {
    // what ships: value imports (a type import is erased)
    const graph = importGraph({ types: false });
    const from = reachable(graph, join(ROOT, 'lib/prescription/reader.ts'));
    expect(from.has(join(ROOT, 'lib/prescription/read.ts'))).toBe(true);
    expect([...from].map((f) => relative(ROOT, f)).filter((f) => /^lib\/rules\/(engine|catalogue\/)/.test(f))).toEqual([]);
    // and the content module does not import it: it fetches it (entrypoints/amelipro.content/services.ts)
    const content = [...reachable(graph, join(ROOT, 'entrypoints/amelipro.content/runtime.ts'))].map((f) => relative(ROOT, f));
    expect(content).toContain('lib/features/prescription.ts');
    expect(content.filter((f) => /^lib\/prescription\/(read|reader|lexicon|match|mentions)\.ts$|^lib\/rules\/checks-prescription\.ts$/.test(f))).toEqual([]);
  });

  it('the content module reads none of the rule fields its catalogue leaves out (wxt.config.ts)', () => {
    expect(CONTENT_OMITTED_RULE_FIELDS.length).toBeGreaterThan(0);
    // the catalogue's files and its schema define and validate the fields (at build time): they are not readers
    const content = [...reachable(importGraph({ types: false }), join(ROOT, 'entrypoints/amelipro.content/runtime.ts'))].filter(
      (f) => !/^lib\/rules\/(catalogue\/|schema\.ts$)/.test(relative(ROOT, f)),
    );
    expect(content.length).toBeGreaterThan(30);
    const reads = content.flatMap((file) =>
      CONTENT_OMITTED_RULE_FIELDS.filter((field) => new RegExp(`\\.${field}\\b`).test(readFileSync(file, 'utf8'))).map(
        (field) => `${relative(ROOT, file)}: ${field}`,
      ),
    );
    expect(reads).toEqual([]);
  });

  it("the content module ships only its features' rules (wxt.config.ts), and evaluates no other", () => {
    const shipped = contentRuleIds();
    // every rule with a check, and every rule a feature shows; not the popup's checklist items or the side panel's advice
    expect(rules.filter((r) => hasCheck(r.id) && !shipped.has(r.id)).map((r) => r.id)).toEqual([]);
    expect(FEATURES.flatMap((f) => f.ruleIds).filter((id) => !shipped.has(id))).toEqual([]);
    expect(shipped.size).toBeLessThan(rules.length);
    // each evaluation in the content module is limited to a feature's own rules (`only`): a rule left out is never asked for
    const content = [...reachable(importGraph({ types: false }), join(ROOT, 'entrypoints/amelipro.content/runtime.ts'))].filter(
      (f) => relative(ROOT, f) !== 'lib/rules/engine.ts',
    );
    const calls = content.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/\bevaluate\(/g)].map((m) => ({ file: relative(ROOT, file), only: /\bonly:/.test(callArguments(text, m.index + m[0].length)) }));
    });
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.filter((c) => !c.only)).toEqual([]);
  });

  it('the cycle finder finds a cycle', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(g).map((c) => c.sort())).toEqual([['a', 'b', 'c']]);
  });
});
