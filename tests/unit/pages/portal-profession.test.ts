import { describe, expect, it } from 'vitest';
import { professionFromLabel, readHeader } from '../../../lib/pages/portal-profession';
import { SPECIALTIES } from '../../../components/ProfileForm';
import { PAGES, parse, snapshotHtml } from '../reliability/snapshots';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

describe('professionFromLabel', () => {
  it.each([
    ['Médecine générale', 'medecin-generaliste', null],
    ['Médecine générale - Dijon', 'medecin-generaliste', null],
    ['MEDECIN GENERALISTE', 'medecin-generaliste', null],
    ['Pharmacien titulaire', 'pharmacien', null],
    ['Pharmacienne adjointe', 'pharmacien', null],
    ['Psychiatrie', 'medecin-specialiste', 'psychiatrie'],
    ['Cardiologie et maladies vasculaires', 'medecin-specialiste', 'cardiologie'],
    ['Oto-rhino-laryngologie et chirurgie cervico-faciale', 'medecin-specialiste', 'orl'],
    ['Gynécologie médicale', 'medecin-specialiste', 'gynecologie'],
    ['Néphrologie', 'medecin-specialiste', 'autre'],
  ])('%s → %s / %s', (label, profession, specialty) => {
    expect(professionFromLabel(label)).toEqual({ profession, specialty });
  });

  it.each(['Médecin', 'Pharmacie des Tilleuls', 'Cabinet médical des Tilleuls', 'Dr Hélène TESTARD', 'Thomas FICTIF', '', 'Arrêt de travail'])(
    '%j names no profession',
    (label) => expect(professionFromLabel(label)).toBeNull(),
  );

  it('every specialty it can name is one the options offer', () => {
    const labels = [
      'Cardiologie',
      'Dermatologie',
      'Endocrinologie',
      'Gastro-entérologie',
      'Gynécologie',
      'Neurologie',
      'Ophtalmologie',
      'ORL',
      'Pédiatrie',
      'Pneumologie',
      'Psychiatrie',
      'Radiologie',
      'Rhumatologie',
      'Urologie',
    ];
    for (const l of labels) expect(Object.keys(SPECIALTIES)).toContain(professionFromLabel(l)?.specialty);
  });
});

describe('readHeader on the rendered test pages', () => {
  const pages = PAGES.filter((p) => existsSync(join(import.meta.dirname, '../../portal/snapshots', `${p.id}.html`)));

  it('reads the general practitioner in the header of the doctor pages, the pharmacist on the pharmacist pages', () => {
    const seen = Object.fromEntries(pages.map((p) => [p.id, readHeader(parse(snapshotHtml(p.id)))?.profession ?? null]));
    expect(seen.aat).toBe('medecin-generaliste');
    expect(seen.home).toBe('medecin-generaliste');
    expect(seen.prescription).toBe('medecin-generaliste');
    expect(seen['convention-pharmacien']).toBe('pharmacien');
    // the login page has no practitioner yet
    expect(seen.login).toBeNull();
  });

  it('the older screens: the name block of the "entete", with the town after the specialty', () => {
    const doc = parse(
      '<div id="p2-entete"><div class="p2-ps">Dr Hélène TESTARD<br><span>Médecine générale - Dijon</span></div></div><main><p>Pharmacien titulaire</p></main>',
    );
    expect(readHeader(doc)).toEqual({ profession: 'medecin-generaliste', specialty: null });
  });

  it('by what the header says, not by its ids or classes; outside the banner, nothing is read', () => {
    const doc = parse('<header><nav><div><p class="x1">Psychiatrie</p><p>Dr Jeanne FICTIVE</p></div></nav></header><main><p>Médecine générale</p></main>');
    expect(readHeader(doc)).toEqual({ profession: 'medecin-specialiste', specialty: 'psychiatrie' });
    expect(readHeader(parse('<main><p>Médecine générale</p></main>'))).toBeNull();
  });

  it('a banner absent, not rendered yet, or naming only a person: nothing', () => {
    expect(readHeader(parse('<header><div></div></header>'))).toBeNull();
    expect(readHeader(parse('<header><p>Dr Jeanne FICTIVE</p><p>Mon compte</p></header>'))).toBeNull();
    expect(readHeader(parse('<header><p>Dr Jeanne FICTIVE</p><p>Pédiatrie</p></header>'))).toEqual({
      profession: 'medecin-specialiste',
      specialty: 'pediatrie',
    });
  });

  it('two different professions in the banner: none (the hint would not be trustworthy)', () => {
    const doc = parse('<header><p>Médecine générale</p><p>Pharmacien titulaire</p></header>');
    expect(readHeader(doc)).toBeNull();
  });
});
