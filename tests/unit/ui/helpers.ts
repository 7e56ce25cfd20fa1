import { IDBFactory } from 'fake-indexeddb';
import { createStorageClient } from '../../../lib/storage/client';
import { serviceTransport } from '../../../lib/storage/owner';
import { createStorageService } from '../../../lib/storage/service';
import type { ShownFinding } from '../../../lib/features/types';

/** A doctor's indicator reading on «Ma Convention», as the content script sends it: [indicator, asOf, value, target]. */
export type Reading = [indicatorId: string, asOf: string, value: number, target: number];

/** A fresh storage client holding these readings (as saved from the doctor's «Ma Convention» page). */
export async function clientWithReadings(readings: readonly Reading[]) {
  const { client, service } = makeClient();
  const snapshots = readings.map(([indicatorId, asOf, value, target]) => ({ indicatorId, asOf, value, target, pageType: 'convention-medecin' as const }));
  await service['snapshot.put']({ snapshots });
  return client;
}

/** A storage client bound to a fresh fake database (the real owner code, no browser). */
export function makeClient(now = () => new Date('2026-11-28T10:00:00.000Z')) {
  const service = createStorageService({ now, factory: new IDBFactory() });
  return { service, client: createStorageClient(serviceTransport(service)) };
}

export const durationFinding: ShownFinding = {
  ruleId: 'aat.duration-limit',
  featureId: 'aat',
  severity: 'warning',
  title: { fr: 'Durée de l’arrêt', en: 'Sick-leave duration' },
  message: { fr: 'Un arrêt initial ne dépasse pas un mois.', en: 'An initial notice lasts one month at most.' },
  detail: { fr: '44 jours (arrêt initial)', en: '44 days (initial notice)' },
};

/** A blocking finding of a secured-prescription regime (a narcotic's dose in digits). */
export const lettersFinding: ShownFinding = {
  ruleId: 'stupefiants.letters.dosage',
  featureId: 'prescription',
  severity: 'blocking',
  title: { fr: 'Dosage en toutes lettres', en: 'Dosage in words' },
  message: { fr: 'Le dosage est écrit en chiffres.', en: 'The dosage is written in digits.' },
};
