import { ANNOUNCE_DIV_ID, detailObject, LIMITS, parseAnnouncement, parseVersionReply, readAnnouncementDiv } from '../../../lib/vitale/protocol';

describe('announcement event', () => {
  it('reads the documented announcement, as an object or a JSON string', () => {
    expect(parseAnnouncement({ service: 'diagam_web_extension_is_loaded', version: '2.1.0' })).toEqual({ version: '2.1.0' });
    expect(parseAnnouncement(JSON.stringify({ service: 'diagam_web_extension_is_loaded', version: '2.1.0' }))).toEqual({ version: '2.1.0' });
    expect(parseAnnouncement({ service: 'diagam_web_extension_is_loaded' })).toEqual({});
  });

  it('keeps presence but no version when the version is malformed', () => {
    expect(parseAnnouncement({ service: 'diagam_web_extension_is_loaded', version: '<b>2</b>' })).toEqual({});
    expect(parseAnnouncement({ service: 'diagam_web_extension_is_loaded', version: 210 })).toEqual({});
    expect(parseAnnouncement({ service: 'diagam_web_extension_is_loaded', version: '9'.repeat(500) })).toBeNull();
  });

  it('ignores anything else', () => {
    for (const d of [
      null,
      undefined,
      42,
      'diagam_web_extension_is_loaded',
      '{"service":',
      [],
      [{ service: 'diagam_web_extension_is_loaded' }],
      { service: 'vitale', version: '1.0' },
      { service: ['diagam_web_extension_is_loaded'] },
      { Service: 'diagam_web_extension_is_loaded' },
      'x'.repeat(LIMITS.jsonChars + 1),
    ])
      expect(parseAnnouncement(d)).toBeNull();
  });

  it('survives hostile objects (throwing getters)', () => {
    const hostile = Object.defineProperty({}, 'service', {
      get: () => {
        throw new Error('boom');
      },
    });
    expect(parseAnnouncement(hostile)).toBeNull();
    expect(parseVersionReply(hostile)).toEqual({ kind: 'malformed', reason: 'unreadable' });
  });
});

describe('announcement div', () => {
  afterEach(() => document.body.replaceChildren());
  const add = (tag: string, text: string) => {
    const el = document.createElement(tag);
    el.id = ANNOUNCE_DIV_ID;
    el.textContent = text;
    el.style.display = 'none';
    document.body.append(el);
  };
  it('reads the version from the hidden div', () => {
    add('div', '2.1.0');
    expect(readAnnouncementDiv(document)).toEqual({ version: '2.1.0' });
  });
  it('ignores a missing div, another element, junk or huge text', () => {
    expect(readAnnouncementDiv(document)).toBeNull();
    add('span', '2.1.0');
    expect(readAnnouncementDiv(document)).toBeNull();
    document.body.replaceChildren();
    add('div', 'not a version');
    expect(readAnnouncementDiv(document)).toBeNull();
    document.body.replaceChildren();
    add('div', '1'.repeat(200));
    expect(readAnnouncementDiv(document)).toBeNull();
  });
});

describe('version reply (format unknown: parsed defensively)', () => {
  it('finds components by key, nested, in name/version pairs, and the web extension', () => {
    const r = parseVersionReply({
      service: 'version',
      dest_host: 'vitale',
      webextension: '2.1.0',
      composants: [
        { nom: 'ATSAM', version: '4.67.03' },
        { nom: 'SrvSvCnam', version: '5.10.04' },
      ],
      cryptolib_cps: { version: '5.2.6' },
      statut: 'OK',
    });
    expect(r).toEqual({
      kind: 'reply',
      hostMissing: false,
      hostError: false,
      components: [
        { id: 'webextension', version: '2.1.0' },
        { id: 'atsam', version: '4.67.03' },
        { id: 'srvsvcnam', version: '5.10.04' },
        { id: 'cryptolib', version: '5.2.6' },
      ],
    });
  });

  it('accepts flat keys and a JSON string', () => {
    const r = parseVersionReply(JSON.stringify({ atsamVersion: '4.66.01', version_srvsvcnam: '5.9.1', CryptolibCPS: '5.2.2', version: '1.3' }));
    expect(r.kind).toBe('reply');
    if (r.kind === 'reply')
      expect(r.components.map((c) => `${c.id} ${c.version}`)).toEqual(['atsam 4.66.01', 'srvsvcnam 5.9.1', 'cryptolib 5.2.2', 'host 1.3']);
  });

  it('recognises a missing native host without keeping its text', () => {
    const r = parseVersionReply({ service: 'version', error: 'Specified native messaging host not found.' });
    expect(r).toEqual({ kind: 'reply', components: [], hostMissing: true, hostError: false });
    const e = parseVersionReply({ erreur: 'Erreur de communication' });
    expect(e).toEqual({ kind: 'reply', components: [], hostMissing: false, hostError: true });
  });

  it('ignores replies to other services (card reads, the announcement)', () => {
    expect(parseVersionReply({ service: 'vitale', nir: '1 84 12 75 123 456 78', nom: 'TESTARD' })).toEqual({ kind: 'ignored' });
    expect(parseVersionReply({ service: 'diagam_web_extension_is_loaded', version: '2.1.0' })).toEqual({ kind: 'ignored' });
  });

  it('never takes patient-like data for a version', () => {
    const r = parseVersionReply({ service: 'version', nir: '184127512345678', nom: 'TESTARD', atsam: '4.67.03' });
    expect(r).toEqual({ kind: 'reply', components: [{ id: 'atsam', version: '4.67.03' }], hostMissing: false, hostError: false });
  });

  it.each([
    ['null (unreadable across worlds)', null, 'unreadable'],
    ['a number', 42, 'not-an-object'],
    ['not JSON', '<<réponse illisible>>', 'not-an-object'],
    ['an array', [{ atsam: '4.67.03' }], 'not-an-object'],
    ['a non-string service', { service: 7, atsam: '4.67.03' }, 'bad-service'],
    ['no version at all', { service: 'version', foo: 'bar' }, 'no-version'],
    ['wrong types', { atsam: true, srvsvcnam: { v: 5 }, cryptolib: null, diagam: ['x', {}] }, 'no-version'],
    ['a huge string', 'x'.repeat(LIMITS.jsonChars + 1), 'too-big'],
  ])('malformed: %s', (_name, detail, reason) => {
    expect(parseVersionReply(detail)).toEqual({ kind: 'malformed', reason });
  });

  it('stops on huge objects and deep nesting', () => {
    const wide: Record<string, unknown> = {};
    for (let i = 0; i < 120; i++) wide[`k${i}`] = Array.from({ length: 50 }, () => 'x');
    expect(parseVersionReply(wide)).toEqual({ kind: 'malformed', reason: 'too-big' });
    let deep: Record<string, unknown> = { atsam: '4.67.03' };
    for (let i = 0; i < 20; i++) deep = { nested: deep };
    expect(parseVersionReply(deep)).toEqual({ kind: 'malformed', reason: 'no-version' });
    const cyclic: Record<string, unknown> = { service: 'version' };
    cyclic.self = cyclic;
    expect(parseVersionReply(cyclic).kind).toBe('malformed');
  });

  it('detailObject never returns arrays or primitives', () => {
    expect(detailObject('[1]')).toBeNull();
    expect(detailObject('"x"')).toBeNull();
    expect(detailObject({ a: 1 })).toEqual({ a: 1 });
  });
});
