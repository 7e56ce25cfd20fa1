/** The small statistics the bench and the measuring scripts print. */

/** The middle value (the upper one of an even count); NaN for no values. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** The first and third quartiles (the nearest values, no interpolation); NaN for no values. */
export function quartiles(xs: readonly number[]): [number, number] {
  const s = [...xs].sort((a, b) => a - b);
  return [s[Math.floor((s.length - 1) / 4)] ?? NaN, s[Math.ceil(((s.length - 1) * 3) / 4)] ?? NaN];
}
