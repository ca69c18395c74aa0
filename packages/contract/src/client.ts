import type { BodyOf, Endpoint, ParamsOf, QueryOf, ResponseOf } from './endpoint.js';
import type { Problem } from './problem.js';

/** An API error as the client sees it: the server's problem+json, or a network failure as `NETWORK_ERROR`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(`${problem.code}: ${problem.detail ?? problem.title}`);
    this.name = 'ApiError';
  }
  get code(): string {
    return this.problem.code;
  }
}

export interface CallInput<E> {
  params?: ParamsOf<E>;
  query?: QueryOf<E>;
  body?: BodyOf<E>;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface ClientOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  /** Bearer token for scripts and the CLI; the browser uses the session cookie instead. */
  token?: string;
  /** Read before each write: the CSRF token the browser got from `me` or `login`. */
  csrfToken?: () => string | null;
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

export function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(scalar(value));
  });
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, scalar(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function createClient(options: ClientOptions) {
  const doFetch = options.fetch ?? fetch;
  return async function call<E extends Endpoint>(ep: E, input: CallInput<E> = {}): Promise<ResponseOf<E>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (ep.method !== 'GET') {
      const csrf = options.csrfToken?.();
      if (csrf) headers['x-csrf-token'] = csrf;
    }
    if (input.idempotencyKey) headers['idempotency-key'] = input.idempotencyKey;
    let body: string | undefined;
    if (input.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(input.body);
    }
    const url =
      options.baseUrl.replace(/\/$/, '') +
      buildPath(ep.path, input.params as Record<string, unknown> | undefined) +
      queryString(input.query as Record<string, unknown> | undefined);
    let response: Response;
    try {
      response = await doFetch(url, {
        method: ep.method,
        headers,
        body,
        credentials: 'same-origin',
        signal: input.signal,
      });
    } catch (cause) {
      throw new ApiError(0, {
        type: 'about:blank',
        title: 'Network error',
        status: 0,
        code: 'NETWORK_ERROR',
        detail: cause instanceof Error ? cause.message : String(cause),
      });
    }
    if (response.status === 204) return null as ResponseOf<E>;
    const text = await response.text();
    const json: unknown = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const problem =
        json && typeof json === 'object' && 'code' in json
          ? (json as Problem)
          : { type: 'about:blank', title: response.statusText, status: response.status, code: 'HTTP_ERROR' };
      throw new ApiError(response.status, problem);
    }
    return json as ResponseOf<E>;
  };
}

export type ApiCall = ReturnType<typeof createClient>;
