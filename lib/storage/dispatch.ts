/** Validates a storage request and runs it on the service. Used by the owner's message handler and by the background's local client. */
import { describeIssues } from './guard';
import { PAYLOAD_SCHEMAS, storageRequestSchema, CONTENT_SCRIPT_OPS } from './protocol';
import { MESSAGES, toStorageError, type StorageResult } from './result';
import type { OpName, StorageService } from './service';

export type RequestOrigin = 'extension-page' | 'content-script' | 'background';

export async function dispatchStorageRequest(service: StorageService, message: unknown, origin: RequestOrigin): Promise<StorageResult<unknown>> {
  try {
    const req = storageRequestSchema.safeParse(message);
    if (!req.success) {
      return { ok: false, error: { code: 'invalid', message: `Demande de stockage invalide : ${describeIssues(req.error).message}` } };
    }
    const op = req.data.op;
    if (origin === 'content-script' && !CONTENT_SCRIPT_OPS.has(op)) {
      return { ok: false, error: { code: 'forbidden', message: MESSAGES.forbidden } };
    }
    const payload = PAYLOAD_SCHEMAS[op].safeParse(req.data.payload);
    if (!payload.success) {
      return { ok: false, error: { code: 'invalid', message: `Demande de stockage invalide : ${describeIssues(payload.error, 'payload').message}` } };
    }
    const run = service[op] as (input: unknown) => Promise<StorageResult<unknown>>;
    return await run(payload.data ?? {});
  } catch (err) {
    return { ok: false, error: toStorageError(err) };
  }
}

export type { OpName };
