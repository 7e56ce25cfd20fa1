import { cleanVersion, compareVersions, isOlder, isVersion } from '../../../lib/vitale/version';

describe('versions', () => {
  it.each([
    ['4.67.03', '4.67.3', 0],
    ['4.67.02', '4.67.03', -1],
    ['5.10.04', '5.9', 1],
    ['5.2.6', '5.2.10', -1],
    ['2', '2.0.0', 0],
    ['1.0.0.1', '1.0.0', 1],
  ] as const)('compare %s with %s → %i', (a, b, r) => {
    expect(compareVersions(a, b)).toBe(r);
    expect(compareVersions(b, a)).toBe(-r === 0 ? 0 : -r);
  });

  it('accepts only 1 to 4 numeric parts, bounded', () => {
    for (const ok of ['1', '4.67.03', '5.2.6', '1.2.3.4']) expect(isVersion(ok)).toBe(true);
    for (const bad of ['', 'v1.2', '1.2.3.4.5', '1..2', '1.2.', 'abc', '12345.1', '1.1234567', ' 1.2', 1.2, null, undefined, {}])
      expect(isVersion(bad)).toBe(false);
  });

  it('cleans what a page may write around a version', () => {
    expect(cleanVersion(' 4.67.03 ')).toBe('4.67.03');
    expect(cleanVersion('v2.1.0')).toBe('2.1.0');
    expect(cleanVersion('4.67.03 (build 12)')).toBe('4.67.03');
    expect(cleanVersion('2.1.0-beta')).toBe('2.1.0');
    for (const bad of ['<img src=x onerror=alert(1)>', '2.1.0; DROP', 'x'.repeat(100), '1.2.3.4.5', 42, null, ['1.2']])
      expect(cleanVersion(bad)).toBeUndefined();
  });

  it('never calls a version outdated on a guess', () => {
    expect(isOlder('4.64.01', '4.67.03')).toBe(true);
    expect(isOlder('4.67.03', '4.67.03')).toBe(false);
    expect(isOlder('4.70', '4.67.03')).toBe(false);
    expect(isOlder(undefined, '4.67.03')).toBe(false);
    expect(isOlder('4.64.01', null)).toBe(false);
    expect(isOlder('garbage', '4.67.03')).toBe(false);
  });
});
