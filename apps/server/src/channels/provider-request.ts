import type { SendOutcome } from './channel.js';
import { parseRetryAfter } from './retry-after.js';

export interface ProviderRequest {
  provider: string;
  fetch: typeof fetch;
  url: string;
  init: RequestInit;
  signal: AbortSignal;
  /** The provider's message id from a 2xx answer. */
  messageId(json: unknown): string | null;
  /** The provider's error code and message from a non-2xx answer. */
  error(json: unknown, status: number): { code: string; message: string };
  /** Whether a 4xx other than 429 is still temporary (e.g. WhatsApp's 130429 rate limit). */
  temporary?(json: unknown, status: number): boolean;
}

/**
 * One HTTP call to an SMS/WhatsApp provider, classified: 2xx sent; 429, 5xx, timeouts and network errors retry
 * (with Retry-After); other 4xx failed. Never throws for what the provider or the network did.
 */
export async function callProvider(request: ProviderRequest): Promise<SendOutcome> {
  const { provider } = request;
  let response: Response;
  let text: string;
  try {
    response = await request.fetch(request.url, { ...request.init, signal: request.signal });
    text = await response.text();
  } catch (error) {
    if (request.signal.aborted) {
      return { kind: 'retry', provider, code: 'TIMEOUT', message: 'no answer from the provider in time' };
    }
    const cause = (error as { cause?: { code?: unknown } }).cause;
    const code = typeof cause?.code === 'string' ? cause.code : 'NETWORK';
    return { kind: 'retry', provider, code, message: error instanceof Error ? error.message : String(error) };
  }
  const json = parseJson(text);
  const httpStatus = response.status;
  if (httpStatus >= 200 && httpStatus < 300) {
    return { kind: 'sent', provider, providerMessageId: request.messageId(json), delivered: false, httpStatus };
  }
  const { code, message } = request.error(json, httpStatus);
  const trimmed = message.slice(0, 500);
  if (httpStatus === 429 || httpStatus >= 500 || httpStatus === 408 || request.temporary?.(json, httpStatus)) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return { kind: 'retry', provider, code, message: trimmed, httpStatus, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  return { kind: 'failed', provider, code, message: trimmed, httpStatus };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** `json[key]` when json is an object. */
export function field(json: unknown, key: string): unknown {
  return typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[key] : undefined;
}
