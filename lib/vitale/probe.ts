/**
 * Active test, only on the user's request: posts `{ service: 'version' }` to the page (the web extension's content
 * script listens to window messages) and waits for its reply event. Resolves, never rejects.
 */
import { EVENT_DIAGAM, EVENT_VITALE, parseVersionReply, SERVICE_VERSION, type FoundComponent } from './protocol';

export const PROBE_TIMEOUT_MS = 5000;

export type ProbeResult =
  | { outcome: 'ok'; components: FoundComponent[]; hostMissing: boolean; hostError: boolean }
  | { outcome: 'malformed'; reason: string }
  | { outcome: 'timeout' };

export interface ProbeOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export function runVersionProbe(win: Window, opts: ProbeOptions = {}): Promise<ProbeResult> {
  const timeoutMs = opts.timeoutMs ?? PROBE_TIMEOUT_MS;
  return new Promise<ProbeResult>((resolve) => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (r: ProbeResult) => {
      if (controller.signal.aborted) return;
      controller.abort();
      if (timer !== undefined) clearTimeout(timer);
      resolve(r);
    };
    const onReply = (e: Event) => {
      let detail: unknown = null;
      try {
        detail = (e as CustomEvent).detail;
      } catch {
        detail = null;
      }
      const parsed = parseVersionReply(detail);
      if (parsed.kind === 'ignored') return;
      if (parsed.kind === 'malformed') finish({ outcome: 'malformed', reason: parsed.reason });
      else finish({ outcome: 'ok', components: parsed.components, hostMissing: parsed.hostMissing, hostError: parsed.hostError });
    };
    // Capture on window: sees the event whether it is dispatched on document (the extension's way) or window.
    win.addEventListener(EVENT_VITALE, onReply, { capture: true, signal: controller.signal });
    win.addEventListener(EVENT_DIAGAM, onReply, { capture: true, signal: controller.signal });
    opts.signal?.addEventListener('abort', () => finish({ outcome: 'timeout' }), { signal: controller.signal });
    timer = setTimeout(() => finish({ outcome: 'timeout' }), timeoutMs);
    try {
      win.postMessage({ service: SERVICE_VERSION }, win.location.origin);
    } catch {
      finish({ outcome: 'timeout' });
    }
  });
}
