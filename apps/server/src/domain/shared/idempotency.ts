import { findStoredResponse, storeResponse } from '../../db/idempotency/idempotency.repository.js';
import type { Executor } from '../../db/database.js';
import { AppError } from './app-error.js';

export interface IdempotentRequest {
  actorId: string;
  key: string;
  method: string;
  path: string;
  hash: string;
}

/**
 * The answer given earlier to the same key, or null when this key is new. The same key with a different
 * request is refused: the client is confused, and guessing which request it meant would lose data.
 */
export async function priorResponse(tx: Executor, req: IdempotentRequest): Promise<{ status: number; body: unknown } | null> {
  const prior = await findStoredResponse(tx, req.actorId, req.key);
  if (!prior) return null;
  if (prior.requestHash !== req.hash) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request.');
  return { status: prior.statusCode, body: prior.response };
}

export async function rememberResponse(tx: Executor, req: IdempotentRequest, status: number, body: unknown): Promise<void> {
  await storeResponse(tx, { actorId: req.actorId, key: req.key, method: req.method, path: req.path, requestHash: req.hash, statusCode: status, response: body ?? null });
}
