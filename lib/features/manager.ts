import type { PageType } from '../pages/types';
import { mostSeriousFirst } from '../rules/severity';
import { copyShape } from '../shape';
import { onWatchError } from '../page-facts/dom';
import { type CannotCheck, type Feature, type FeatureContext, type FeatureOutput, featureOutputShape, type ShownFinding } from './types';
import type { ConventionStakes } from '../indicators/stakes';

export interface ManagerState {
  page: PageType;
  findings: ShownFinding[];
  cannotCheck: CannotCheck[];
  /** Features that threw: their id and a message without page text. */
  failed: { featureId: string; message: string }[];
  /** Features that ran on this page. */
  ran: string[];
  /** The points and payments the page shows (lib/page-facts/indicators.ts), when a feature read some. */
  stakes?: ConventionStakes;
}

export interface ManagerDeps {
  features: readonly Feature[];
  onChange: (state: ManagerState) => void;
  onError?: (featureId: string, message: string) => void;
  isEnabled?: (featureId: string) => boolean;
}

/** What every feature of a page run receives, but its own `report`. */
export type RunEnv = Omit<FeatureContext, 'report'>;

/**
 * What is kept of a feature's error (in the tab state, in the errors store): its class ("TypeError"), never its
 * message, which may quote the page (a patient's name in a selector's text, a NIR in a parse error). Never throws.
 */
export function safeErrorMessage(err: unknown): string {
  try {
    const name = err instanceof Error ? String(err.name) : 'Error';
    return /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(name) ? name : 'Error';
  } catch {
    return 'Error';
  }
}

/**
 * A plain copy of what a feature reported, or null when it does not have the shape of a feature output
 * (`featureOutputShape`: wrong shape, hostile object). The copy keeps only the known fields, so later changes by the
 * feature and cycles never reach the UI.
 */
export const cleanOutput = (out: unknown): FeatureOutput | null => copyShape(featureOutputShape, out) ?? null;

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
      (f) => f.pages.includes(env.page) && (!f.professions || f.professions.includes(env.profile.profession)) && (this.deps.isEnabled?.(f.id) ?? true),
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
        try {
          this.deps.onError?.(feature.id, message);
        } catch {
          // the error sink failing must not break the others
        }
        this.emit();
      };
      onWatchError(controller.signal, fail);
      try {
        const r = feature.run(
          {
            ...env,
            report: (out) => {
              if (controller.signal.aborted || generation !== this.generation) return;
              const clean = cleanOutput(out);
              if (!clean) {
                fail(Object.assign(new Error('Résultat de vérification mal formé'), { name: 'MalformedOutput' }));
                return;
              }
              this.failed.delete(feature.id);
              this.outputs.set(feature.id, clean);
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
    let stakes: ConventionStakes | undefined;
    for (const out of this.outputs.values()) {
      findings.push(...out.findings);
      cannotCheck.push(...out.cannotCheck);
      stakes ??= out.stakes;
    }
    // A feature that broke has checked nothing: said as "impossible de vérifier", never left as a silent pass.
    for (const featureId of this.failed.keys()) {
      const title = this.deps.features.find((f) => f.id === featureId)?.title;
      cannotCheck.push({
        featureId,
        reason: {
          fr: `${title ? `« ${title.fr} » : ` : ''}la vérification s'est interrompue sur une erreur ; rien n'a pu être vérifié sur cette page.`,
          en: `${title ? `"${title.en}": ` : ''}the check stopped on an error; nothing could be checked on this page.`,
        },
      });
    }
    findings.sort(mostSeriousFirst);
    return {
      page: this.current,
      findings,
      cannotCheck,
      failed: [...this.failed].map(([featureId, message]) => ({ featureId, message })),
      ran: [...this.ran],
      ...(stakes ? { stakes } : {}),
    };
  }

  private emit(): void {
    try {
      this.deps.onChange(this.state());
    } catch {
      // the UI failing to draw is not a feature failure, and the next change tries again
    }
  }
}
