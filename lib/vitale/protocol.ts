/**
 * The public page protocol of the GIE SESAM-Vitale web extension « Lecture Carte Vitale » (amelipro.md), and
 * defensive parsers for what comes back. Only these documented signals are read; everything else is ignored.
 *
 * - Announcement: a hidden `div#lecture-vitale-native-messaging-webextension-version` (text = its version) and one
 *   `CustomEvent('evenement_reponse_diagam')` with `detail.service === 'diagam_web_extension_is_loaded'`.
 * - Request: `window.postMessage({ service: 'version' })`; reply: `CustomEvent('evenement_reponse_vitale')`
 *   (or `evenement_reponse_diagam`). The reply format is not documented: it is parsed as unknown data.
 *
 * Isolated worlds (checked in Chromium 156 with two extensions, see tests/e2e/vitale.spec.ts): a `detail` object
 * set in another world reaches our content script as a structured clone; a `detail` that cannot be cloned (e.g.
 * it holds a function) reads as `null`. Strings always cross. So `detail` is accepted as an object or as a JSON
 * string, and the announcement falls back to the div when `detail` is unreadable.
 *
 * Privacy: a reply may travel on the same event as a card read (patient data). The parsers keep nothing but
 * component names and version numbers, and a yes/no "native host missing"; never the raw reply.
 */
import { cleanVersion } from './version';

export const ANNOUNCE_DIV_ID = 'lecture-vitale-native-messaging-webextension-version';
export const EVENT_DIAGAM = 'evenement_reponse_diagam';
export const EVENT_VITALE = 'evenement_reponse_vitale';
export const SERVICE_LOADED = 'diagam_web_extension_is_loaded';
export const SERVICE_VERSION = 'version';

/** Bounds for anything read from the page. */
export const LIMITS = { jsonChars: 20_000, depth: 4, nodes: 400, stringChars: 200, divChars: 60 } as const;

export type ComponentId = 'atsam' | 'srvsvcnam' | 'cryptolib' | 'diagam' | 'webextension' | 'host';

export const COMPONENT_LABELS: Record<ComponentId, string> = {
  atsam: 'ATSAM',
  srvsvcnam: 'SrvSvCnam',
  cryptolib: 'Cryptolib CPS',
  diagam: 'DiagAM',
  webextension: 'Extension « Lecture Carte Vitale »',
  host: 'Module de lecture (hôte natif)',
};

export interface FoundComponent {
  id: ComponentId;
  version: string;
}

/** `detail` as a plain object: an object (cloned across worlds) or a JSON string; anything else → null. */
export function detailObject(detail: unknown): Record<string, unknown> | null {
  let value: unknown = detail;
  if (typeof detail === 'string') {
    if (detail.length > LIMITS.jsonChars) return null;
    try {
      value = JSON.parse(detail);
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return value as Record<string, unknown>;
}

/** The hidden div: its version, or null when the div is missing or its text is not a version. */
export function readAnnouncementDiv(doc: Document): { version: string } | null {
  const el = doc.getElementById(ANNOUNCE_DIV_ID);
  if (el?.tagName !== 'DIV') return null;
  const text = el.textContent ?? '';
  if (text.length > LIMITS.divChars) return null;
  const version = cleanVersion(text);
  return version ? { version } : null;
}

/** The `diagam_web_extension_is_loaded` event: `{ version? }`, or null when it is not that announcement. */
export function parseAnnouncement(detail: unknown): { version?: string } | null {
  try {
    const obj = detailObject(detail);
    if (!obj) return null;
    if (obj.service !== SERVICE_LOADED) return null;
    const raw = obj.version;
    if (typeof raw === 'string' && raw.length > LIMITS.divChars) return null;
    const version = cleanVersion(typeof raw === 'string' ? raw : undefined);
    return version ? { version } : {};
  } catch {
    // hostile object (throwing getter, proxy): not an announcement
    return null;
  }
}

export type ReplyParse =
  | { kind: 'reply'; components: FoundComponent[]; hostMissing: boolean; hostError: boolean }
  | { kind: 'malformed'; reason: 'unreadable' | 'not-an-object' | 'too-big' | 'bad-service' | 'no-version' }
  | { kind: 'ignored' };

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function componentOf(name: string): ComponentId | undefined {
  const k = squash(name);
  if (!k || k.length > 60) return undefined;
  if (k.includes('atsam')) return 'atsam';
  if (k.includes('svcnam') || k.includes('srvsv')) return 'srvsvcnam';
  if (k.includes('cryptolib')) return 'cryptolib';
  if (k.includes('diagam')) return 'diagam';
  if (k.includes('webextension') || k.includes('extension')) return 'webextension';
  if (k === 'version' || k === 'versionhote' || k === 'hostversion' || k === 'nativeversion' || k === 'versionnative') return 'host';
  return undefined;
}

const HOST_MISSING = /native messaging host not found|host not found|hote natif introuvable|not installed|non install/;
const ERROR_KEY = /^(error|erreur|err|message|msg|status|statut|code|lasterror)$/;

/**
 * Parses a reply to `{ service: 'version' }`. The format is unknown: component versions are recognised by key
 * ("atsam", "version_srvsvcnam", "cryptolibVersion", …) or by `{ nom|name|composant, version }` pairs, to a bounded
 * depth. Replies for other services (card read, announcement) are `ignored`.
 */
export function parseVersionReply(detail: unknown): ReplyParse {
  try {
    return parseReply(detail);
  } catch {
    return { kind: 'malformed', reason: 'unreadable' };
  }
}

function parseReply(detail: unknown): ReplyParse {
  if (typeof detail === 'string' && detail.length > LIMITS.jsonChars) return { kind: 'malformed', reason: 'too-big' };
  let root: Record<string, unknown> | null;
  try {
    root = detailObject(detail);
  } catch {
    return { kind: 'malformed', reason: 'unreadable' };
  }
  if (!root) return { kind: 'malformed', reason: detail === null || detail === undefined ? 'unreadable' : 'not-an-object' };
  const service = root.service;
  if (service !== undefined && typeof service !== 'string') return { kind: 'malformed', reason: 'bad-service' };
  if (typeof service === 'string' && service !== SERVICE_VERSION) return { kind: 'ignored' };

  const found = new Map<ComponentId, string>();
  let hostMissing = false;
  let hostError = false;
  let nodes = 0;
  let tooBig = false;
  const add = (id: ComponentId | undefined, raw: unknown) => {
    if (!id || found.has(id)) return;
    const v = cleanVersion(typeof raw === 'number' ? String(raw) : raw);
    if (v) found.set(id, v);
  };
  const walk = (value: unknown, key: string, depth: number, parentName?: ComponentId) => {
    if (tooBig) return;
    if (++nodes > LIMITS.nodes) {
      tooBig = true;
      return;
    }
    if (typeof value === 'string' || typeof value === 'number') {
      if (typeof value === 'string' && value.length > LIMITS.stringChars) return;
      const k = squash(key);
      if (typeof value === 'string' && ERROR_KEY.test(k)) {
        const text = value
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase();
        if (HOST_MISSING.test(text)) hostMissing = true;
        else if (/error|erreur|exception|failed|echec|impossible/.test(text)) hostError = true;
        return;
      }
      if (k === 'version' && parentName) add(parentName, value);
      else add(componentOf(key), value);
      return;
    }
    if (depth >= LIMITS.depth || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 50)) walk(item, key, depth + 1);
      return;
    }
    const obj = value as Record<string, unknown>;
    const nameField = [obj.nom, obj.name, obj.composant, obj.component, obj.libelle].find((n) => typeof n === 'string' && n.length <= 60) as string | undefined;
    const named = (nameField ? componentOf(nameField) : undefined) ?? (depth > 0 ? componentOf(key) : undefined);
    for (const [k, v] of Object.entries(obj).slice(0, 100)) walk(v, k, depth + 1, named);
  };
  try {
    walk(root, '', 0);
  } catch {
    return { kind: 'malformed', reason: 'unreadable' };
  }
  if (tooBig) return { kind: 'malformed', reason: 'too-big' };
  const components = [...found].map(([id, version]) => ({ id, version }));
  if (!components.length && !hostMissing && !hostError) return { kind: 'malformed', reason: 'no-version' };
  return { kind: 'reply', components, hostMissing, hostError };
}
