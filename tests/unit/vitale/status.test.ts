import { KNOWN_VERSIONS } from '../../../lib/vitale/data';
import {
  assessComponents,
  atsamFromReply,
  detectPlatform,
  isIncomplete,
  latestFor,
  summarize,
  toFacts,
  toStored,
  UNKNOWN_STATUS,
  type VitaleStatus,
} from '../../../lib/vitale/status';
import { fromStored, vitaleStatusSchema } from '../../../lib/vitale/status-schema';
import { vitaleStatusSchema as storeSchema } from '../../../lib/storage/schema';
import { checkFor } from '../../../lib/rules/checks';

const WIN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/150.0 Safari/537.36';
const MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 Chrome/150.0 Safari/537.36';

describe('known versions (data with source and date)', () => {
  it('has the versions of amelipro.md with a source and a date', () => {
    expect(KNOWN_VERSIONS.atsamWindows.latest).toBe('4.67.03');
    expect(KNOWN_VERSIONS.atsamMac.latest).toBe('4.67.02');
    expect(KNOWN_VERSIONS.srvSvCnam.latest).toBe('5.10.04');
    expect(KNOWN_VERSIONS.cryptolibCps.latest).toBe('5.2.6');
    expect(KNOWN_VERSIONS.recordedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(KNOWN_VERSIONS.source).toContain('amelipro.md');
  });
});

describe('assessing a reply', () => {
  it('uses the ATSAM version of the platform; unknown OS → the lower one', () => {
    expect(detectPlatform(WIN)).toBe('windows');
    expect(detectPlatform(MAC)).toBe('mac');
    expect(detectPlatform('X11; Linux')).toBe('other');
    expect(latestFor('atsam', 'windows')).toBe('4.67.03');
    expect(latestFor('atsam', 'mac')).toBe('4.67.02');
    expect(latestFor('atsam', 'other')).toBe('4.67.02');
    const onMac = assessComponents([{ id: 'atsam', version: '4.67.02' }], 'mac');
    expect(onMac[0]).toMatchObject({ outdated: false, latest: '4.67.02' });
    const onWin = assessComponents([{ id: 'atsam', version: '4.67.02' }], 'windows');
    expect(onWin[0]).toMatchObject({ outdated: true, latest: '4.67.03' });
  });

  it('ATSAM state: outdated if any of ATSAM, SrvSvCnam, Cryptolib is older; absent if the host is missing', () => {
    const current = assessComponents(
      [
        { id: 'atsam', version: '4.67.03' },
        { id: 'srvsvcnam', version: '5.10.04' },
        { id: 'cryptolib', version: '5.2.6' },
      ],
      'windows',
    );
    expect(atsamFromReply(current, false, false)).toBe('ok');
    const oldCrypto = assessComponents([{ id: 'cryptolib', version: '5.2.2' }], 'windows');
    expect(atsamFromReply(oldCrypto, false, false)).toBe('outdated');
    expect(atsamFromReply([], true, false)).toBe('absent');
    expect(atsamFromReply([], false, true)).toBe('error');
    expect(atsamFromReply(assessComponents([{ id: 'webextension', version: '2.1.0' }], 'mac'), false, false)).toBe('unknown');
  });

  it('the web extension is not called outdated while no minimum is known', () => {
    expect(KNOWN_VERSIONS.webExtensionMinimum).toBeNull();
    expect(assessComponents([{ id: 'webextension', version: '0.0.1' }], 'windows')[0]).toMatchObject({ outdated: false });
    const withMin = { ...KNOWN_VERSIONS, webExtensionMinimum: '2.0.0' };
    expect(assessComponents([{ id: 'webextension', version: '1.9' }], 'windows', withMin)[0]).toMatchObject({ outdated: true, latest: '2.0.0' });
  });
});

describe('facts for the rule engine', () => {
  const check = checkFor('vitale.atsam-and-extension')!;
  const s = (p: Partial<VitaleStatus>): VitaleStatus => ({ ...UNKNOWN_STATUS, ...p });
  it('maps the status to facts.vitale and the catalogue check decides', () => {
    expect(toFacts(s({ extension: 'absent' }))).toEqual({ extension: 'absent', atsam: 'unknown' });
    expect(toFacts(s({ extension: 'present', extensionVersion: '2.1.0', atsam: 'error' }))).toEqual({
      extension: 'present',
      extensionVersion: '2.1.0',
      atsam: 'outdated',
    });
    expect(toFacts(s({ extension: 'present', atsam: 'absent' })).atsam).toBe('outdated');
    expect(toFacts(s({ extension: 'present', atsam: 'ok' })).atsam).toBe('ok');
    expect(typeof check).toBe('function');
  });
  it('incomplete only when something is known to be wrong', () => {
    expect(isIncomplete(UNKNOWN_STATUS)).toBe(false);
    expect(isIncomplete(s({ extension: 'present' }))).toBe(false);
    expect(isIncomplete(s({ extension: 'absent' }))).toBe(true);
    expect(isIncomplete(s({ extension: 'present', atsam: 'outdated' }))).toBe(true);
    expect(isIncomplete(s({ extension: 'present', extensionOutdated: true }))).toBe(true);
  });
});

describe('storage record', () => {
  it('fits the strict vitaleStatus store shape (outdated ATSAM kept as outdated)', () => {
    const st: VitaleStatus = {
      ...UNKNOWN_STATUS,
      extension: 'present',
      extensionVersion: '2.1.0',
      atsam: 'outdated',
      checkedAt: '2026-11-28T09:00:00.000Z',
      components: [],
    };
    expect(toStored(st)).toEqual({ extension: 'present', extensionVersion: '2.1.0', atsam: 'outdated', checkedAt: '2026-11-28T09:00:00.000Z' });
    expect(storeSchema.safeParse({ id: 'vitale', ...toStored(st) }).success).toBe(true);
    expect(Object.keys(toStored({ ...UNKNOWN_STATUS, extension: 'absent' }))).toEqual(['extension', 'extensionVersion', 'atsam']);
  });
  it('reads a stored record back, rejecting junk', () => {
    expect(fromStored({ id: 'vitale', extension: 'present', extensionVersion: '2.1.0', atsam: 'ok', checkedAt: '2026-11-28T09:00:00.000Z' })).toMatchObject({
      extension: 'present',
      extensionVersion: '2.1.0',
      atsam: 'ok',
      checkedAt: '2026-11-28T09:00:00.000Z',
    });
    expect(fromStored(null)).toBeNull();
    expect(fromStored({ extension: 'maybe', atsam: 'ok' })).toBeNull();
    expect(fromStored({ extension: 'present', extensionVersion: '<x>', atsam: 'ok' })).toBeNull();
  });
  it('the schema the popup uses rejects what a compromised page could send', () => {
    expect(vitaleStatusSchema.safeParse(UNKNOWN_STATUS).success).toBe(true);
    expect(vitaleStatusSchema.safeParse({ ...UNKNOWN_STATUS, extensionVersion: 'x'.repeat(100) }).success).toBe(false);
    expect(
      vitaleStatusSchema.safeParse({ ...UNKNOWN_STATUS, components: Array(11).fill({ id: 'atsam', label: 'ATSAM', version: '1', outdated: false }) }).success,
    ).toBe(false);
  });
  it('summarizes for the demo', () => {
    expect(
      summarize({
        ...UNKNOWN_STATUS,
        extension: 'present',
        extensionVersion: '2.1.0',
        atsam: 'ok',
        lastTest: { outcome: 'ok', at: '2026-11-28T09:00:00.000Z' },
      }),
    ).toBe('extension present 2.1.0, ATSAM ok, last test ok');
  });
});
