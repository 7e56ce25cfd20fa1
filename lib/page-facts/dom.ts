/** Small DOM helpers for features: label-based lookups that survive Vuetify's generated ids, and debounced watching. */

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Accent-free, lower case, spaces collapsed. (An ASCII text has no accent to take off: no decomposition.) */
export const normalize = (s: string | null | undefined): string => {
  if (!s) return '';
  const bare = NON_ASCII.test(s) ? s.normalize('NFD').replace(COMBINING_MARKS, '') : s;
  return bare.replace(/\s+/g, ' ').trim().toLowerCase();
};

/** Where an error in a later (debounced) call of a feature's `watch` goes: set by the feature manager per run. */
const watchErrorHandlers = new WeakMap<AbortSignal, (err: unknown) => void>();
export const onWatchError = (signal: AbortSignal, handler: (err: unknown) => void): void => {
  watchErrorHandlers.set(signal, handler);
};

/**
 * Calls `fn` now and again (debounced) whenever the document changes or the user types/changes a field,
 * until `signal` aborts. One observer and two listeners per call, all removed on abort. An error in a later
 * call goes to the handler registered for `signal` (the feature is then shown as failed, not left as it was).
 */
/**
 * One observer and three listeners per document, shared by every watcher: the browser builds mutation records
 * for each observer, so several features watching the same page would pay for the same records several times.
 */
interface ChangeHub {
  subscribers: Set<() => void>;
  stop: () => void;
}
const hubs = new WeakMap<Document, ChangeHub>();

/** The elements the extension put in the page (overlay host, notes under fields): by identity, not by name. */
const ownNodes = new WeakSet<Node>();

/** Marks an element the extension puts in the page: inserting, moving or removing it is not a change of the page. */
export function markOwn<T extends Node>(node: T): T {
  ownNodes.add(node);
  return node;
}

/** True when a mutation only adds, moves or removes the extension's own elements. */
function byUs(r: MutationRecord): boolean {
  if (r.type !== 'childList' || r.addedNodes.length + r.removedNodes.length === 0) return false;
  for (let k = 0; k < r.addedNodes.length; k++) if (!ownNodes.has(r.addedNodes[k]!)) return false;
  for (let k = 0; k < r.removedNodes.length; k++) if (!ownNodes.has(r.removedNodes[k]!)) return false;
  return true;
}

/** Calls `notify` (synchronously, undebounced) on every change of `doc` until `signal` aborts. */
export function onPageChange(doc: Document, signal: AbortSignal, notify: () => void): void {
  if (signal.aborted) return;
  let hub = hubs.get(doc);
  if (!hub) {
    const subscribers = new Set<() => void>();
    const fire = () => {
      for (const s of [...subscribers]) s();
    };
    const view = doc.defaultView;
    // The extension's own insertions (the overlay, a note under a field) do not make every feature read the page again.
    const observer = view ? new view.MutationObserver((records) => (records.every(byUs) ? undefined : fire())) : null;
    // Structure, text and checked states; not classes (the design system toggles them on hover and focus).
    observer?.observe(doc.body ?? doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-checked', 'value', 'checked'],
    });
    doc.addEventListener('input', fire, true);
    doc.addEventListener('change', fire, true);
    doc.addEventListener('click', fire, true);
    const created: ChangeHub = {
      subscribers,
      stop: () => {
        observer?.disconnect();
        doc.removeEventListener('input', fire, true);
        doc.removeEventListener('change', fire, true);
        doc.removeEventListener('click', fire, true);
        hubs.delete(doc);
      },
    };
    hub = created;
    hubs.set(doc, created);
  }
  const current = hub;
  current.subscribers.add(notify);
  signal.addEventListener('abort', () => {
    current.subscribers.delete(notify);
    if (current.subscribers.size === 0) current.stop();
  });
}

/**
 * Runs a watcher's callback outside `watch`'s own calls (e.g. when the side panel opens): an error goes to the
 * handler of `signal` (the feature manager's, see onWatchError), as it would from `watch`.
 */
export function runWatched(signal: AbortSignal, fn: () => void): void {
  if (signal.aborted) return;
  try {
    fn();
  } catch (err) {
    const handler = watchErrorHandlers.get(signal);
    if (!handler) throw err;
    handler(err);
  }
}

export function watch(doc: Document, signal: AbortSignal, fn: () => void, debounceMs = 250): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (signal.aborted) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      runWatched(signal, fn);
    }, debounceMs);
  };
  onPageChange(doc, signal, schedule);
  signal.addEventListener('abort', () => {
    if (timer !== undefined) clearTimeout(timer);
  });
  fn();
}

/**
 * Text of a label element without the design system's screen-reader suffix ("* Champ obligatoire"), normalised.
 * Once per element and task: the readers of a form look at the same labels from several fields.
 */
export function labelText(el: Element | null): string {
  return el ? labelTextOnce(el) : '';
}
const labelTextOnce = memoPerTask((el: Element): string =>
  normalize(el.textContent)
    .replace(/\*?\s*champ obligatoire/g, '')
    .replace(/\*/g, '')
    .trim(),
);

/**
 * Finds the field whose label matches `re` (normalised, accent-free, lower case). Looks at <label for>,
 * aria-labelledby, aria-label and the label inside the same Vuetify field. Skips our own overlay.
 */
export function findControlByLabel(root: ParentNode, re: RegExp): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null {
  return findControlsByLabel(root, re, 1)[0] ?? null;
}

/**
 * `fn` memoised per element for the current task: a feature reads several fields by label in one synchronous
 * pass, and each lookup used to recompute every control's label. The memo is dropped at the next microtask, so a
 * later pass (after the page changed) reads the page afresh.
 */
export function memoPerTask<E extends object, V>(fn: (el: E) => V): (el: E) => V {
  let memo: WeakMap<E, V> | null = null;
  return (el) => {
    if (!memo) {
      memo = new WeakMap();
      queueMicrotask(() => {
        memo = null;
      });
    }
    if (memo.has(el)) return memo.get(el)!;
    const v = fn(el);
    memo.set(el, v);
    return v;
  };
}

/**
 * The document's `<label for>` elements by the id they name (the first in page order, as `label[for="…"]` finds):
 * one pass per task instead of one document-wide query per control.
 */
const labelsByFor = memoPerTask((doc: Document): Map<string, Element> => {
  const byFor = new Map<string, Element>();
  for (const l of Array.from(doc.querySelectorAll('label[for]'))) {
    const id = l.getAttribute('for')!;
    if (!byFor.has(id)) byFor.set(id, l);
  }
  return byFor;
});

/** The `<label for>` naming `el`'s id (the first in page order), or null. */
export function labelFor(el: Element): Element | null {
  return el.id ? (labelsByFor(el.ownerDocument).get(el.id) ?? null) : null;
}

/** The normalised labels of a form control: <label for>, aria-labelledby, aria-label, the label in its field. */
const labelsOf = memoPerTask((c: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string[] => {
  const doc = c.ownerDocument;
  const labels: string[] = [];
  const l = labelFor(c);
  if (l) labels.push(labelText(l));
  const by = c.getAttribute('aria-labelledby');
  if (by) for (const id of by.split(/\s+/)) labels.push(labelText(doc.getElementById(id)));
  if (c.getAttribute('aria-label')) labels.push(normalize(c.getAttribute('aria-label')));
  const field = c.closest('.v-input, .v-field, .form-group, .p2-field, fieldset, p, div');
  const inner = field?.querySelector('label');
  if (inner) labels.push(labelText(inner));
  return labels;
});

/**
 * The fields a value is typed or chosen in (text, date, number, a list…): a lookup by label never means a radio
 * button, a checkbox (their labels are read as choices: lib/page-facts/aat.ts), a button or a file picker. Skipping them
 * also spares computing their labels (half the controls of the AT/MP certificate are radio buttons and boxes).
 */
const FIELDS =
  'input:not([type="hidden" i], [type="radio" i], [type="checkbox" i], [type="button" i], [type="submit" i], [type="reset" i], [type="image" i], [type="file" i]), textarea, select';

/** Every field whose label matches `re`, in page order (at most `limit`). */
export function findControlsByLabel(root: ParentNode, re: RegExp, limit = Infinity): (HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement)[] {
  const found: (HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement)[] = [];
  for (const c of Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(FIELDS))) {
    if (labelsOf(c).some((l) => l && re.test(l))) {
      found.push(c);
      if (found.length >= limit) break;
    }
  }
  return found;
}

/** The elements of these names that have no element child. */
export const leafSelector = (names: readonly string[]): string => names.map((n) => `${n}:not(:has(> *))`).join(', ');
const LEAF_BLOCKS = leafSelector(['p', 'div', 'span']);

/**
 * The `p`, `div` and `span` elements under `root` that have no element child and whose text contains one of
 * `fragments` (lower-case, compared without case: use accent-free fragments such as "clar" for "déclarés"), in page
 * order. A cheap pre-selection: the caller then normalises and reads them exactly as before. One selector query that
 * picks the leaves (testing every block for children in script costs about twice as much: docs/performance.md) and a
 * test per leaf.
 */
export function leavesWithText(root: ParentNode, fragments: readonly string[]): Element[] {
  if (fragments.length === 0) return [];
  // the leaves chosen by the selector: only they get a script-side object (the page's other blocks are many)
  const candidates = Array.from(root.querySelectorAll(LEAF_BLOCKS));
  if (root.nodeType === 1 && (root as Element).matches(LEAF_BLOCKS)) candidates.unshift(root as Element);
  const out: Element[] = [];
  for (const el of candidates) {
    const text = (el.textContent ?? '').toLowerCase();
    if (fragments.some((f) => text.includes(f))) out.push(el);
  }
  return out;
}

/** The text content of the page's headings, normalised. */
export function headings(doc: Document): string {
  return normalize(Array.from(doc.querySelectorAll('h1, h2, h3'), (h) => h.textContent).join(' | '));
}
