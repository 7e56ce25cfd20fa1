import { describe, expect, it } from 'vitest';
import { containsNirLike, findPatientData, maskFreeText, sanitizeErrorMessage } from '../../../lib/storage/privacy';
import { quarantineRaw } from '../../../lib/storage/guard';
import { safeErrorMessage } from '../../../lib/features/manager';
import { EXPORT_FORMAT } from '../../../lib/storage/data';
import { CURRENT_VERSION } from '../../../lib/storage/migrations';
import { makeService, rawDump, snap } from './helpers';

const NIRS = ['2 85 05 75 123 456 78', '1850575123456', '185057512345678', '1.85.05.75.123.456.78', '1 85 05 2A 123 456 78', '2-85-05-75-123-456'];
const NOT_NIRS = ['2026-11-28T10:00:00.000Z', 'rosp.grippe', '0.2.0', '12 345', '2026-11-28', 'v1 2 3'];

/** Digits of the NIR without separators, and names, must appear nowhere in the database. */
async function assertNothingLeaked(factory: IDBFactory, needles: string[]) {
  const dump = JSON.stringify(await rawDump(factory));
  const digitsOnly = dump.replace(/[^0-9A-Za-z]/g, '');
  for (const n of needles) {
    expect(dump).not.toContain(n);
    const compact = n.replace(/[^0-9A-Za-z]/g, '');
    if (/^\d{8,}/.test(compact)) expect(digitsOnly).not.toContain(compact.slice(0, 13));
  }
}

describe('privacy guard', () => {
  it('recognises NIRs with or without separators, 13 or 15 digits, Corsica', () => {
    for (const n of NIRS) expect(containsNirLike(`id ${n} fin`), n).toBe(true);
    for (const n of NOT_NIRS) expect(containsNirLike(n), n).toBe(false);
    expect(findPatientData({ a: [{ b: 'x 1850575123456' }] })).toMatchObject({ path: 'a[0].b' });
    expect(findPatientData({ value: 1850575123456 })).toMatchObject({ path: 'value' });
    expect(findPatientData({ value: 42.5, when: '2026-11-28T10:00:00.000Z' })).toBeNull();
  });

  it('sanitises error messages: NIR, patient name, birth date, prescription text; truncates', () => {
    const m = sanitizeErrorMessage('Bandeau illisible pour DUPONT Jean né le 12/05/1985, NIR 2 85 05 75 123 456 78');
    expect(m).not.toMatch(/DUPONT|Jean|1985|123 456/);
    expect(m).toContain('[NIR masqué]');
    expect(sanitizeErrorMessage('ligne: DOLIPRANE 1000 mg, 1 comprimé 3 fois par jour pendant 5 jours')).toBe('[texte de prescription masqué]');
    expect(sanitizeErrorMessage('Patient Mme Martin introuvable')).not.toContain('Martin');
    expect(sanitizeErrorMessage("Cannot read properties of null (reading 'textContent')")).toBe("Cannot read properties of null (reading 'textContent')");
    expect(sanitizeErrorMessage('JSON parse failed at URL')).toBe('JSON parse failed at URL');
    expect(sanitizeErrorMessage('x'.repeat(500)).length).toBe(200);
  });

  it('one mask for every kept free text, at least as strict as the guard: dashed, tab-separated, full-width and zero-width NIRs, lower-case names, written dates', () => {
    const hidden = [
      '1-85-05-75-123-456-78',
      '1\t85\t05\t75\t123\t456\t78',
      '１ ８５ ０５ ７５ １２３ ４５６ ７８',
      '1\u200b85\u200b05\u200b75\u200b123\u200b456\u200b78',
      '1\u200d8\u20605\ufeff0575123456',
      '1 – 85 – 05 – 75 – 123 – 456 – 78',
    ];
    for (const n of hidden) {
      expect(containsNirLike(`NIR ${n} fin`), JSON.stringify(n)).toBe(true);
      expect(findPatientData({ message: `NIR ${n}` }), JSON.stringify(n)).not.toBeNull();
      const masked = maskFreeText(`Erreur pour ${n} ici`);
      expect(masked.normalize('NFKC').replace(/\D/g, ''), JSON.stringify(n)).not.toMatch(/\d{6}/);
      expect(containsNirLike(quarantineRaw({ raw: n }))).toBe(false);
    }
    const person = sanitizeErrorMessage('patient jean dupont, né le 12 mai 1985');
    expect(person).not.toMatch(/jean|dupont|12 mai|1985/i);
    expect(maskFreeText('Assurée : marie durand née le 1er janvier 1990')).not.toMatch(/marie|durand|1990/i);
    expect(maskFreeText('born on May 12, 1985')).not.toMatch(/1985/);
    // plain technical messages stay readable
    expect(maskFreeText('Le champ ne contient pas de valeur')).toBe('Le champ ne contient pas de valeur');
    // the error text kept by the content script is the class, never the message
    expect(safeErrorMessage(new TypeError('patient jean dupont, né le 12 mai 1985'))).toBe('TypeError');
    expect(safeErrorMessage(Object.assign(new Error('x'), { name: 'jean dupont 1-85-05-75-123-456-78' }))).toBe('Error');
    expect(safeErrorMessage('patient jean dupont')).toBe('Error');
  });

  it('refuses a snapshot with a NIR in its indicator id (and stores nothing of it)', async () => {
    const { service, factory } = makeService();
    for (const nir of NIRS) {
      const r = await service['snapshot.put']({ snapshots: [snap(`ind-${nir.replace(/\s/g, '')}`, '2026-11-01')] });
      expect(r).toMatchObject({ ok: false, error: { code: 'privacy', path: 'snapshots[0].indicatorId' } });
      expect(JSON.stringify(r)).not.toContain(nir.replace(/\s/g, ''));
    }
    await service['snapshot.put']({ snapshots: [snap('ok', '2026-11-01')] });
    await assertNothingLeaked(factory, NIRS);
  });

  it('refuses free text and names where ids are expected', async () => {
    const { service, factory } = makeService();
    expect(await service['snapshot.put']({ snapshots: [snap('DUPONT Jean', '2026-11-01')] })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await service['snooze.set']({ ruleId: 'Amoxicilline 1 g matin et soir', until: '2026-12-01T00:00:00Z' })).toMatchObject({ ok: false });
    expect(await service['snapshot.put']({ snapshots: [snap('ok', '2026-11-01', 1, { note: 'DUPONT Jean' })] })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await service['checklist.start']({ checklistId: 'c', itemIds: ['DUPONT Jean'] })).toMatchObject({ ok: false });
    await assertNothingLeaked(factory, ['DUPONT', 'Amoxicilline']);
  });

  it('refuses settings carrying a NIR', async () => {
    const { service, factory } = makeService();
    const r = await service['settings.save']({ patch: { specialty: '1850575123456', disabledFeatures: ['a', '2 85 05 75 123 456 78'] } });
    expect(r).toMatchObject({ ok: false, error: { code: 'privacy' } });
    await service['settings.save']({ patch: { lang: 'en' } });
    await assertNothingLeaked(factory, NIRS);
  });

  it('records errors without NIR, patient name nor prescription text', async () => {
    const { service, factory } = makeService();
    const r = await service['error.record']({
      featureId: 'prescription-check',
      name: 'Error',
      message: 'Échec sur la ligne de DUPONT Jean (2 85 05 75 123 456 78) : AMOXICILLINE 1 g, 2 gélules matin et soir',
    });
    expect(r.ok).toBe(true);
    await service['error.record']({ featureId: 'banner', message: 'Patient MARTIN Sophie, NIR 1850575123456, introuvable' });
    expect(await service['error.record']({ featureId: 'x-1850575123456', message: 'y' })).toMatchObject({ ok: false, error: { code: 'privacy' } });
    await assertNothingLeaked(factory, [...NIRS, 'DUPONT', 'Jean', 'AMOXICILLINE', 'gélules', 'MARTIN', 'Sophie']);
  });

  it('refuses an import file containing a NIR, naming the record, importing nothing', async () => {
    const { service, factory } = makeService();
    await service['snapshot.put']({ snapshots: [snap('before', '2026-10-01')] });
    const file = {
      format: EXPORT_FORMAT,
      schemaVersion: CURRENT_VERSION,
      exportedAt: '2026-11-28T10:00:00.000Z',
      stores: {
        snapshots: [
          snap('a', '2026-11-01', 1, { capturedAt: '2026-11-01T10:00:00Z' }),
          snap('b-2850575123456 78', '2026-11-01', 1, { capturedAt: '2026-11-01T10:00:00Z' }),
        ],
      },
    };
    const r = await service['data.import']({ text: JSON.stringify(file), mode: 'replace' });
    expect(r).toMatchObject({ ok: false, error: { code: 'privacy', path: 'stores.snapshots[1].indicatorId' } });
    await assertNothingLeaked(factory, NIRS);
    const dump = await rawDump(factory);
    expect(dump['snapshots']).toEqual([expect.objectContaining({ indicatorId: 'before' })]);
  });
});

describe('quarantine entries (reads and migrations share one builder)', () => {
  it('mask NIRs in key, reason and raw copy, and drop the raw copy when patient data remains', async () => {
    const { quarantineEntry } = await import('../../../lib/storage/guard');
    const nir = '1 85 05 75 123 456 78';
    const e = quarantineEntry('snapshots', ['x', nir], { indicatorId: `a ${nir}` }, `bad ${nir}`, '2026-11-28T10:00:00.000Z');
    expect(JSON.stringify(e)).not.toContain('123 456');
    expect(containsNirLike(JSON.stringify(e))).toBe(false);
    const flagged = quarantineEntry('settings', 'settings', { name: 'DUPONT' }, 'privacy', '2026-11-28T10:00:00.000Z', true);
    expect(flagged.raw).not.toContain('DUPONT');
  });

  it('mask the other patient data of free text too (names, birth dates) in a record the scan did not flag', async () => {
    const { quarantineEntry } = await import('../../../lib/storage/guard');
    const e = quarantineEntry(
      'snapshots',
      'M. DUPONT Jean',
      { indicatorId: 'x', note: 'Mme DURAND née le 12/05/1985' },
      'bad record of DUPONT',
      '2026-11-28T10:00:00.000Z',
    );
    for (const field of [e.key, e.raw, e.reason]) {
      expect(field).not.toMatch(/DUPONT|DURAND|Jean|12\/05\/1985/);
    }
    expect(e.raw).toContain('"indicatorId":"x"');
  });
});
