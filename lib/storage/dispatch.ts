/** Validates a storage request and runs it on the service. Used by the owner's message handler and by the background's local client. */
import { describeIssues } from './guard';
import { payloadSchemaFor, storageRequestSchema } from './protocol';
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
    // a content script runs in a page it does not control: only its own operations, with their narrow payloads
    const schema = payloadSchemaFor(op, origin === 'content-script');
    if (!schema) return { ok: false, error: { code: 'forbidden', message: MESSAGES.forbidden } };
    const payload = schema.safeParse(req.data.payload);
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
