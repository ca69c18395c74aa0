import { ApiError, type Endpoint, type Problem, type ResponseOf } from '@safeschools/contract';
import { getCsrfToken } from './csrf';
import { reportUnauthorized } from './client';

/** Form fields in the order they must be sent; a `Blob` value is sent as a file part. */
export type MultipartFields = ReadonlyArray<readonly [name: string, value: string | Blob]>;

function networkError(cause: unknown): ApiError {
  return new ApiError(0, {
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    code: 'NETWORK_ERROR',
    detail: cause instanceof Error ? cause.message : String(cause),
  });
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/**
 * Posts `multipart/form-data` to an endpoint of the contract (one without path parameters), which the JSON client cannot send. Fields keep
 * their order (the server checks text fields such as `kind` before it stores a file part), the CSRF token is
 * sent like the JSON client sends it, and a problem+json answer becomes the contract's `ApiError`.
 */
export async function postMultipart<E extends Endpoint>(
  ep: E,
  fields: MultipartFields,
  options: { signal?: AbortSignal } = {},
): Promise<ResponseOf<E>> {
  const form = new FormData();
  for (const [name, value] of fields) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, value instanceof File ? value.name : name);
  }
  // No content-type: the browser sets it with the multipart boundary.
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;

  let response: Response;
  try {
    response = await globalThis.fetch(ep.path, {
      method: ep.method,
      headers,
      body: form,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    throw networkError(cause);
  }
  const json = parse(await response.text());
  if (!response.ok) {
    const problem: Problem =
      json && typeof json === 'object' && 'code' in json
        ? (json as Problem)
        : { type: 'about:blank', title: response.statusText, status: response.status, code: 'HTTP_ERROR' };
    const error = new ApiError(response.status, problem);
    reportUnauthorized(ep, error);
    throw error;
  }
  return json as ResponseOf<E>;
}
