/**
 * Passive detection in one page, plus the results of the active test and of a failed card read: the single
 * source of the page's `VitaleStatus`. No permission is needed: it only reads the web extension's public
 * announcement (hidden div + one event) and ignores every other page event.
 */
import { onPageChange } from '../page-facts/dom';
import { KNOWN_VERSIONS, type KnownVersions } from './data';
import { runVersionProbe, type ProbeResult } from './probe';
import { ANNOUNCE_DIV_ID, EVENT_DIAGAM, parseAnnouncement, readAnnouncementDiv } from './protocol';
import { assessComponents, atsamFromReply, detectPlatform, extensionOutdated, UNKNOWN_STATUS, type VitaleStatus } from './status';

/** With neither signal this long after the page has loaded, the extension is reported absent. */
export const ABSENT_AFTER_MS = 2000;
/** The div is watched for this long at most (the extension may inject it late). */
const WATCH_DIV_MS = 30_000;

export interface MonitorOptions {
  absentAfterMs?: number;
  probeTimeoutMs?: number;
  known?: KnownVersions;
  now?: () => Date;
}

type Listener = (s: VitaleStatus) => void;

/** The announcement event's detail, null when it cannot be read from this world. */
export function announcementDetail(e: Event): unknown {
  try {
    return (e as CustomEvent).detail;
  } catch {
    return null;
  }
}

export class VitaleMonitor {
  private state: VitaleStatus = { ...UNKNOWN_STATUS };
  private listeners = new Set<Listener>();
  private controller: AbortController | null = null;
  private probing: Promise<VitaleStatus> | null = null;
  /** `now` when a test sets the clock. */
  private readonly opts: Required<Omit<MonitorOptions, 'now'>> & { now?: () => Date };

  constructor(
    private readonly win: Window,
    opts: MonitorOptions = {},
  ) {
    this.opts = {
      absentAfterMs: opts.absentAfterMs ?? ABSENT_AFTER_MS,
      probeTimeoutMs: opts.probeTimeoutMs ?? 5000,
      known: opts.known ?? KNOWN_VERSIONS,
      ...(opts.now ? { now: opts.now } : {}),
    };
  }

  get status(): VitaleStatus {
    return this.state;
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Idempotent. */
  start(): void {
    if (this.controller) return;
    const controller = new AbortController();
    this.controller = controller;
    const { signal } = controller;
    const doc = this.win.document;

    this.win.addEventListener(EVENT_DIAGAM, (e) => this.announced(announcementDetail(e)), { capture: true, signal });

    if (!this.checkDiv()) {
      // On the content script's shared change feed (one observer per document for every feature), not an
      // observer of its own: the portal's apps render a lot while loading, and each observer pays for it. (The feed
      // watches <body>; a div put elsewhere is still found by the check made before "absent" is reported.)
      const watching = new AbortController();
      const stop = () => watching.abort();
      onPageChange(doc, watching.signal, () => {
        if (doc.getElementById(ANNOUNCE_DIV_ID) && this.checkDiv()) stop();
      });
      const stopWatching = setTimeout(stop, WATCH_DIV_MS);
      signal.addEventListener('abort', () => {
        stop();
        clearTimeout(stopWatching);
      });
    }

    const armAbsentTimer = () => {
      if (signal.aborted) return;
      const t = setTimeout(() => {
        if (this.state.extension === 'unknown' && !this.checkDiv()) this.update({ extension: 'absent', checkedAt: this.nowIso() });
      }, this.opts.absentAfterMs);
      signal.addEventListener('abort', () => clearTimeout(t));
    };
    if (doc.readyState === 'complete') armAbsentTimer();
    else this.win.addEventListener('load', armAbsentTimer, { once: true, signal });
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
  }

  /**
   * The extension's announcement event was seen (by this monitor's listener, or before the monitor existed:
   * lib/vitale/channel.ts keeps it); `detail` as `announcementDetail` read it.
   */
  announced(detail: unknown): void {
    const a = parseAnnouncement(detail);
    if (a) this.present(a.version);
    // Detail unreadable across worlds (null): the div says the same thing.
    else this.checkDiv();
  }

  /** The active test ("Tester la lecture"). One at a time: a second call gets the running one. */
  test(): Promise<VitaleStatus> {
    if (this.probing) return this.probing;
    this.probing = runVersionProbe(this.win, { timeoutMs: this.opts.probeTimeoutMs })
      .then((r) => this.applyProbe(r))
      .finally(() => {
        this.probing = null;
      });
    return this.probing;
  }

  applyProbe(r: ProbeResult): VitaleStatus {
    const at = this.nowIso();
    if (r.outcome === 'ok') {
      const components = assessComponents(r.components, detectPlatform(this.win.navigator?.userAgent), this.opts.known);
      const ext = components.find((c) => c.id === 'webextension');
      // A reply proves the extension is there, whatever the passive signals said.
      const patch: Partial<VitaleStatus> = {
        extension: 'present',
        components,
        atsam: atsamFromReply(components, r.hostMissing, r.hostError),
        lastTest: { outcome: 'ok', at },
        checkedAt: at,
      };
      if (ext && !this.state.extensionVersion) {
        patch.extensionVersion = ext.version;
        patch.extensionOutdated = extensionOutdated(ext.version, this.opts.known);
      }
      this.update(patch);
    } else if (r.outcome === 'malformed') {
      this.update({ extension: 'present', lastTest: { outcome: 'malformed', at }, checkedAt: at });
    } else {
      // No answer: with the extension there, the native part (ATSAM / SrvSvCnam) is the likely culprit.
      const atsam = this.state.extension === 'present' ? 'error' : this.state.atsam;
      this.update({ atsam, components: [], lastTest: { outcome: 'timeout', at }, checkedAt: at });
    }
    return this.state;
  }

  /** The portal showed a card-read error after the user clicked the carte Vitale button. */
  noteCardError(): void {
    const at = this.nowIso();
    const patch: Partial<VitaleStatus> = { cardError: { at }, checkedAt: at };
    if (this.state.extension === 'present' && this.state.atsam !== 'outdated' && this.state.atsam !== 'absent') patch.atsam = 'error';
    this.update(patch);
  }

  private present(version: string | undefined): void {
    const v = version ?? this.state.extensionVersion;
    if (this.state.extension === 'present' && v === this.state.extensionVersion) return;
    this.update({
      extension: 'present',
      ...(v ? { extensionVersion: v } : {}),
      extensionOutdated: extensionOutdated(v, this.opts.known),
      checkedAt: this.nowIso(),
    });
  }

  private checkDiv(): boolean {
    const d = readAnnouncementDiv(this.win.document);
    if (!d) return false;
    this.present(d.version);
    return true;
  }

  private update(patch: Partial<VitaleStatus>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of [...this.listeners]) {
      try {
        fn(this.state);
      } catch {
        // a listener's failure never stops detection
      }
    }
  }

  private nowIso(): string {
    return (this.opts.now?.() ?? new Date()).toISOString();
  }
}
