import type { PageType } from '../pages/types';
import type { CannotCheck, Feature, FeatureContext, FeatureOutput, ShownFinding } from './types';

export interface ManagerState {
  page: PageType;
  findings: ShownFinding[];
  cannotCheck: CannotCheck[];
  /** Features that threw: their id and a message without page text. */
  failed: { featureId: string; message: string }[];
  /** Features that ran on this page. */
  ran: string[];
}

export interface ManagerDeps {
  features: readonly Feature[];
  onChange: (state: ManagerState) => void;
  onError?: (featureId: string, message: string) => void;
  isEnabled?: (featureId: string) => boolean;
}

/** What every feature of a page run receives, but its own `report`. */
export type RunEnv = Omit<FeatureContext, 'report'>;

/** Error text safe to keep: the error's class and message, digits runs masked, bounded. */
export function safeErrorMessage(err: unknown): string {
  const raw = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return raw.replace(/\d[\d .]{5,}\d/g, '[nombre masqué]').slice(0, 200);
}

/**
 * Runs each feature that applies to the page with its own AbortSignal, isolates failures
 * (one feature throwing affects neither the others nor the page), and re-runs everything on `start`.
 */
export class FeatureManager {
  private controllers = new Map<string, AbortController>();
  private outputs = new Map<string, FeatureOutput>();
  private failed = new Map<string, string>();
  private current: PageType = 'unknown';
  private ran: string[] = [];
  private generation = 0;

  constructor(private readonly deps: ManagerDeps) {}

  start(env: RunEnv): void {
    this.stop();
    const generation = ++this.generation;
    this.current = env.page;
    const applicable = this.deps.features.filter(
      (f) =>
        f.pages.includes(env.page) &&
        (!f.professions || f.professions.includes(env.profile.profession)) &&
        (this.deps.isEnabled?.(f.id) ?? true),
    );
    this.ran = applicable.map((f) => f.id);
    for (const feature of applicable) {
      const controller = new AbortController();
      this.controllers.set(feature.id, controller);
      const fail = (err: unknown) => {
        if (generation !== this.generation) return;
        const message = safeErrorMessage(err);
        this.failed.set(feature.id, message);
        this.outputs.delete(feature.id);
        this.deps.onError?.(feature.id, message);
        this.emit();
      };
      try {
        const r = feature.run(
          {
            ...env,
            report: (out) => {
              if (controller.signal.aborted || generation !== this.generation) return;
              this.outputs.set(feature.id, out);
              this.emit();
            },
          },
          controller.signal,
        );
        if (r && typeof (r as Promise<void>).catch === 'function') (r as Promise<void>).catch(fail);
      } catch (err) {
        fail(err);
      }
    }
    this.emit();
  }

  stop(): void {
    for (const c of this.controllers.values()) c.abort();
    this.controllers.clear();
    this.outputs.clear();
    this.failed.clear();
    this.ran = [];
  }

  state(): ManagerState {
    const findings: ShownFinding[] = [];
    const cannotCheck: CannotCheck[] = [];
    for (const out of this.outputs.values()) {
      findings.push(...out.findings);
      cannotCheck.push(...out.cannotCheck);
    }
    const order = { blocking: 0, warning: 1, info: 2 } as const;
    findings.sort((a, b) => order[a.severity] - order[b.severity]);
    return {
      page: this.current,
      findings,
      cannotCheck,
      failed: [...this.failed].map(([featureId, message]) => ({ featureId, message })),
      ran: [...this.ran],
    };
  }

  private emit(): void {
    this.deps.onChange(this.state());
  }
}
