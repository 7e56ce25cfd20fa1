/**
 * The user's clicks and changes as the features see them, whether they listened at the time or the content
 * script's loader kept them while the module loaded (FeatureContext `earlyEvents`): one handler serves both.
 */

export interface UserEvent {
  type: 'click' | 'change';
  target: EventTarget | null;
  /** Date.now() of the event. */
  at: number;
  /** For a file input's change: the selection then (a design system may empty the input right after). */
  files?: { name: string; size: number }[];
}

/**
 * What a feature keeps of a click or change, read at the time it happens (null for any other event).
 * Events dispatched by the page's scripts count too (`isTrusted` false): design systems re-dispatch `change` after
 * a file is dropped on their upload zone, and ignoring it would pass a dropped HEIC photo in silence. What an event
 * can do is bounded: it only makes a check read the page again or add a finding (paper Cerfa clicked, carte Vitale
 * button clicked, file picked); no event hides, snoozes or stops a check.
 */
export function userEvent(e: Event): UserEvent | null {
  if (e.type !== 'click' && e.type !== 'change') return null;
  const t = e.target as HTMLInputElement | null;
  const files =
    e.type === 'change' && t?.tagName === 'INPUT' && t.type === 'file' ? Array.from(t.files ?? [], (f) => ({ name: f.name, size: f.size })) : undefined;
  return { type: e.type, target: e.target, at: Date.now(), ...(files ? { files } : {}) };
}

/**
 * Calls `handler` with the page's `type` events (capture phase) until `signal` aborts: first those made before
 * the features started (kept by the loader), then each new one.
 */
export function onUserEvent(
  ctx: { doc: Document; earlyEvents?: readonly UserEvent[] },
  type: UserEvent['type'],
  signal: AbortSignal,
  handler: (e: UserEvent) => void,
): void {
  for (const e of ctx.earlyEvents ?? []) if (e.type === type) handler(e);
  ctx.doc.addEventListener(
    type,
    (e) => {
      const u = userEvent(e);
      if (u) handler(u);
    },
    { capture: true, signal },
  );
}
