/** Version strings of the carte Vitale components: strict format, numeric comparison. Pure. */

/** 1 to 4 numeric parts ("4.67.03", "5.2.6", "1.0"); same format as the storage schema accepts. */
export const VERSION_RE = /^\d{1,4}(\.\d{1,6}){0,3}$/;
export const VERSION_MAX_LENGTH = 30;

export function isVersion(s: unknown): s is string {
  return typeof s === 'string' && s.length <= VERSION_MAX_LENGTH && VERSION_RE.test(s);
}

/** Trims, drops a leading "v" and a trailing build label ("4.67.03 (build 12)" → "4.67.03"); undefined if not a version. */
export function cleanVersion(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > 60) return undefined;
  const m = /^\s*v?(\d{1,4}(?:\.\d{1,6}){0,3})(?:\s*(?:\(.{0,30}\)|[-+ ][\w.-]{0,30}))?\s*$/i.exec(raw);
  return m && isVersion(m[1]) ? m[1] : undefined;
}

/** Numeric comparison part by part, missing parts count as 0 ("4.67.03" = "4.67.3"; "5.10.04" > "5.9"). */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** `version` is older than `minimum`. Unknown either side → false (never "outdated" on a guess). */
export function isOlder(version: string | undefined | null, minimum: string | undefined | null): boolean {
  if (!isVersion(version) || !isVersion(minimum)) return false;
  return compareVersions(version, minimum) < 0;
}
