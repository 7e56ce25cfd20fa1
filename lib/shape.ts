/**
 * A value's shape, declared once for both sides of the runtime messages. The content script cannot carry zod (its
 * size budget, and no `Function(` in it): it checks and copies values with `copyShape`, a few lines without zod. The
 * extension pages and the background validate the same shapes with the zod schemas `schemaOf` builds from them
 * (lib/messages.ts). Objects keep only their declared fields (unknown fields are dropped, as zod's `z.object` does).
 */

export type Node =
  | { k: 'string'; max: number; pattern?: RegExp }
  | { k: 'int'; min: number; max: number }
  | { k: 'number'; min: number; max: number }
  | { k: 'enum'; values: readonly string[] }
  | { k: 'optional'; inner: Node }
  | { k: 'array'; item: Node; max: number }
  | ObjectNode
  | { k: 'union'; key: string; options: readonly ObjectNode[] };
export interface ObjectNode {
  k: 'object';
  fields: Readonly<Record<string, Node>>;
}

/** A shape with the TypeScript type of the values it accepts. */
export interface Shape<T> {
  readonly node: Node;
  /** Type only: never set. */
  readonly type?: T;
}
interface OptionalShape<T> extends Shape<T | undefined> {
  readonly optional: true;
}
type Fields = Record<string, Shape<unknown>>;
export interface ObjectShape<F extends Fields> extends Shape<ObjectOf<F>> {
  readonly node: ObjectNode;
  readonly fields: F;
}
export type Infer<S> = S extends Shape<infer T> ? T : never;
type Flat<T> = { [K in keyof T]: T[K] } & {};
type ObjectOf<F extends Fields> = Flat<
  { [K in keyof F as F[K] extends OptionalShape<unknown> ? never : K]: Infer<F[K]> } & {
    [K in keyof F as F[K] extends OptionalShape<unknown> ? K : never]?: Exclude<Infer<F[K]>, undefined>;
  }
>;

export const str = (max: number, pattern?: RegExp): Shape<string> => ({ node: { k: 'string', max, ...(pattern ? { pattern } : {}) } });
export const int = (min: number, max: number): Shape<number> => ({ node: { k: 'int', min, max } });
/** A calendar day written YYYY-MM-DD. */
export const isoDay = str(10, /^\d{4}-\d{2}-\d{2}$/);
/** A finite number (an amount in euros). */
export const num = (min: number, max: number): Shape<number> => ({ node: { k: 'number', min, max } });
export const oneOf = <const V extends readonly string[]>(values: V): Shape<V[number]> => ({ node: { k: 'enum', values } });
export const optional = <T>(s: Shape<T>): OptionalShape<T> => ({ node: { k: 'optional', inner: s.node }, optional: true });
export const array = <T>(item: Shape<T>, max: number): Shape<T[]> => ({ node: { k: 'array', item: item.node, max } });
export function object<F extends Fields>(fields: F): ObjectShape<F> {
  return { node: { k: 'object', fields: Object.fromEntries(Object.entries(fields).map(([key, s]) => [key, s.node])) }, fields };
}
/** The same object without some of its fields. */
export function omit<F extends Fields, K extends keyof F & string>(s: ObjectShape<F>, keys: readonly K[]): ObjectShape<Omit<F, K>> {
  const fields: Fields = { ...s.fields };
  for (const key of keys) delete fields[key];
  return object(fields as Omit<F, K>);
}
/** One of several objects, told apart by the value of their `key` field (a one-value `oneOf`). */
export const union = <S extends ObjectShape<Fields>>(key: string, options: readonly S[]): Shape<Infer<S>> => ({
  node: { k: 'union', key, options: options.map((o) => o.node) },
});

const FAIL = Symbol('fail');

function copy(n: Node, v: unknown): unknown {
  switch (n.k) {
    case 'string':
      return typeof v === 'string' && v.length <= n.max && (!n.pattern || n.pattern.test(v)) ? v : FAIL;
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) && v >= n.min && v <= n.max ? v : FAIL;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && v >= n.min && v <= n.max ? v : FAIL;
    case 'enum':
      return typeof v === 'string' && n.values.includes(v) ? v : FAIL;
    case 'optional':
      return v === undefined ? undefined : copy(n.inner, v);
    case 'array': {
      if (!Array.isArray(v) || v.length > n.max) return FAIL;
      const out: unknown[] = [];
      for (const x of v) {
        const c = copy(n.item, x);
        if (c === FAIL) return FAIL;
        out.push(c);
      }
      return out;
    }
    case 'object': {
      if (!v || typeof v !== 'object') return FAIL;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(n.fields)) {
        const c = copy(field, (v as Record<string, unknown>)[key]);
        if (c === FAIL) return FAIL;
        if (c !== undefined) out[key] = c;
      }
      return out;
    }
    case 'union': {
      if (!v || typeof v !== 'object') return FAIL;
      const tag = (v as Record<string, unknown>)[n.key];
      const option = n.options.find((o) => copy(o.fields[n.key] ?? { k: 'enum', values: [] }, tag) !== FAIL);
      return option ? copy(option, v) : FAIL;
    }
  }
}

/**
 * A plain copy of `v` with only the shape's fields, or undefined when `v` does not have the shape (or is hostile:
 * a getter or a proxy that throws). The copy shares nothing with `v`: later changes to `v` never reach it.
 */
export function copyShape<T>(s: Shape<T>, v: unknown): T | undefined {
  try {
    const c = copy(s.node, v);
    return c === FAIL ? undefined : (c as T);
  } catch {
    return undefined;
  }
}
