/** How serious a rule or a finding is: one type and one order for the whole extension (no zod here). */
export const SEVERITIES = ['blocking', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

const ORDER: Record<Severity, number> = { blocking: 0, warning: 1, info: 2 };

export const isSeverity = (s: unknown): s is Severity => typeof s === 'string' && Object.hasOwn(ORDER, s);

/** Sort comparator: the most serious first. */
export const mostSeriousFirst = (a: { severity: Severity }, b: { severity: Severity }): number => ORDER[a.severity] - ORDER[b.severity];

/** The less serious of two severities (a check may lower a rule's severity, never raise it). */
export function lessSerious(a: Severity, b: Severity | undefined): Severity {
  return b !== undefined && ORDER[b] > ORDER[a] ? b : a;
}

/** The most serious of several severities ('info' for none). */
export function mostSerious(severities: readonly Severity[]): Severity {
  return severities.reduce<Severity>((w, s) => (ORDER[s] < ORDER[w] ? s : w), 'info');
}
