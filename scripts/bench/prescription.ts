/**
 * Secure-prescription checker figures: lexicon size (raw, gzip), time to load and index it, throughput on a large
 * paste, median time for a realistic 30-line prescription.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { limit } from './budget';
import type { Figure } from './types';
import { median } from '../stats';
import { checkPrescription } from '../../lib/prescription';
import { buildIndex, setLexiconData, type LexiconData } from '../../lib/prescription/lexicon';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const AREA = 'prescription';

const PRESCRIPTION = [
  'Dr Martin — médecine générale',
  'Le 28/11/2026',
  'Mme Dupont Jeanne, 67 ans, 62 kg',
  'Ixprim 37,5mg/325mg 1 cp x3/j pendant 5 j',
  'Tramadol LP cent milligrammes : un comprimé matin et soir pendant sept jours',
  'Dafalgan codéiné deux comprimés trois fois par jour pendant quatre mois',
  'Doliprane 1000 mg 1 cp x3/j si douleur',
  'Skenan LP 30 mg 1-0-1 QSP 1 mois',
  'Actiskenan 5 mg 1 gél si douleur, max 4/j',
  'Ozempic 0,5 mg une injection par semaine',
  'Metformine 1000 mg 1 cp matin et soir',
  'Amlodipine 5 mg 1 cp le matin',
  'Atorvastatine 20 mg 1 cp le soir',
  'Oméprazole 20 mg 1 gél le matin à jeun',
  'Lamaline 1 gél x3/j',
  'Paracétamol codéine 500/30 2 cp x3/j 3 jours',
  'Topalgic LP 100 un comprimé matin et soir pendant huit semaines',
  'Kardégic 75 mg 1 sachet par jour',
  'Lyrica 75 mg 1 gél matin et soir 3 mois',
  'Levothyrox 75 µg 1 cp le matin',
  'Macrogol 4000 1 sachet/j',
  'Durogesic 25 µg/h 1 patch tous les 3 jours pendant 28 jours',
  'Codoliprane 500/30 1 cp x3/j 5j',
  'Zaldiar 1 cp x2/j 10 jours',
  'Trulicity 1,5 mg 1 inj/sem',
  'Bisoprolol 2,5 mg 1 cp le matin',
  'Furosémide 40 mg 1 cp le matin',
  'Contramal 50 mg 1 gél x4/j pendant 2 semaines',
  'À renouveler 2 fois',
  'Signature',
].join('\n');

export async function bench(): Promise<Figure[]> {
  const raw = readFileSync(join(root, 'lib/prescription/lexicon.json'));
  const core = readFileSync(join(root, 'lib/prescription/lexicon-core.json'));
  const figures: Figure[] = [
    { area: AREA, name: 'lexicon.json raw', value: Math.round(raw.length / 102.4) / 10, unit: 'KB' },
    { area: AREA, name: 'lexicon.json gzip', value: Math.round(gzipSync(raw).length / 102.4) / 10, unit: 'KB', limit: limit('lexiconGzipKB') },
    { area: AREA, name: 'lexicon-core.json gzip (eager part)', value: Math.round(gzipSync(core).length / 102.4) / 10, unit: 'KB' },
  ];

  // load = JSON.parse + index building, what loadLexicon does after the chunk is fetched
  const loads: number[] = [];
  const text = raw.toString('utf8');
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    buildIndex(JSON.parse(text) as LexiconData);
    loads.push(performance.now() - t0);
  }
  figures.push({ area: AREA, name: 'lexicon parse + index (median of 20)', value: median(loads), unit: 'ms', limit: limit('lexiconLoadMs') });
  setLexiconData(JSON.parse(text) as LexiconData);

  const date = '2026-11-28';
  for (let i = 0; i < 50; i++) checkPrescription(PRESCRIPTION, { date }); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    checkPrescription(PRESCRIPTION, { date });
    runs.push(performance.now() - t0);
  }
  figures.push({ area: AREA, name: '30-line prescription (median of 300)', value: median(runs), unit: 'ms', limit: limit('prescription30LinesMs') });

  const big = Array.from({ length: 20_000 }, (_, i) => PRESCRIPTION.split('\n')[i % 30]).join('\n');
  const t0 = performance.now();
  const r = checkPrescription(big, { date });
  const secs = (performance.now() - t0) / 1000;
  figures.push({
    area: AREA,
    name: 'throughput (20 000 lines)',
    value: Math.round(r.lines.length / secs),
    unit: 'lines/s',
    limit: limit('prescriptionLinesPerSecond'),
    better: 'higher',
  });
  return figures;
}
