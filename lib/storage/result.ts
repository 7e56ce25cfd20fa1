/** Results returned by every storage operation: storage never throws to its callers. */
import { sanitizeErrorMessage } from './privacy';

export const STORAGE_ERROR_CODES = [
  'quota',
  'invalid',
  'privacy',
  'not-found',
  'blocked',
  'version',
  'unavailable',
  'forbidden',
  'not-json',
  'format',
  'newer-version',
  'too-big',
  'unknown',
] as const;
export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[number];

export interface StorageError {
  code: StorageErrorCode;
  /** French, shown to the user as is. */
  message: string;
  /** Where the problem is, e.g. `stores.snapshots[3].value`. */
  path?: string;
}

/** `quarantined`: how many records failed validation during this read and were moved to the quarantine. */
export type StorageResult<T> = { ok: true; value: T; quarantined?: number } | { ok: false; error: StorageError };

export const MESSAGES = {
  quota:
    "L'espace de stockage du navigateur est plein : cette donnée n'a pas été enregistrée. Ce qui était déjà enregistré est conservé. " +
    "Libérez de l'espace disque, ou exportez puis effacez l'historique, et réessayez.",
  blocked:
    "Un autre onglet ou une autre fenêtre de l'extension utilise encore l'ancienne version des données et bloque leur mise à jour. " +
    "Fermez les autres pages de l'extension, puis réessayez.",
  version: "Les données ont été mises à jour par une version plus récente de l'extension. Rechargez cette page.",
  unavailable: "Le stockage de l'extension ne répond pas. Rechargez la page ; si cela persiste, redémarrez le navigateur.",
  forbidden: "Demande de stockage refusée : elle ne vient pas de cette extension ou n'est pas permise depuis cette page.",
  notFound: 'Élément introuvable.',
} as const;

/** Thrown inside storage code, turned into `{ ok: false }` at the boundary (`toResult`). */
export class StorageFailure extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'StorageFailure';
  }
  toError(): StorageError {
    return this.path === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, path: this.path };
  }
}

function errName(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'name' in err && typeof (err as { name: unknown }).name === 'string') {
    return (err as { name: string }).name;
  }
  return '';
}

/** Maps anything thrown by IndexedDB (or by us) to a typed error with a French message. */
export function toStorageError(err: unknown): StorageError {
  if (err instanceof StorageFailure) return err.toError();
  const name = errName(err);
  // Quota may surface as the request's error or as the transaction's abort reason.
  const inner = typeof err === 'object' && err !== null && 'error' in err ? errName((err as { error: unknown }).error) : '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return { code: 'quota', message: MESSAGES.quota };
  if (name === 'VersionError') return { code: 'version', message: MESSAGES.version };
  const detail = err instanceof Error ? sanitizeErrorMessage(`${err.name}: ${err.message}`) : sanitizeErrorMessage(String(err));
  return { code: 'unknown', message: `Erreur de stockage inattendue (${detail}).` };
}

export async function toResult<T>(fn: () => Promise<T>): Promise<StorageResult<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    return { ok: false, error: toStorageError(err) };
  }
}
