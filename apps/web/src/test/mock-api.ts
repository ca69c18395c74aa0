import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** The form of a multipart request, in the order its fields were appended. */
  form: FormData | undefined;
  headers: Record<string, string>;
}

export interface MockResponse {
  status: number;
  body?: unknown;
}

export type Handler = (request: RecordedRequest) => MockResponse | Promise<MockResponse>;

/** A problem+json body as the server sends it. */
export function problem(code: string, status: number, errors?: { path: string; message: string; code?: string }[]) {
  return { status, body: { type: 'about:blank', title: code, status, code, ...(errors ? { errors } : {}) } };
}

/**
 * Replaces `fetch` with a router keyed by "METHOD /path" and records every request. Unknown routes answer
 * 404 ROUTE_NOT_FOUND, like the server.
 */
export function mockApi(handlers: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(href, 'http://localhost');
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      form: init?.body instanceof FormData ? init.body : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    };
    requests.push(request);
    const handler = handlers[`${request.method} ${request.path}`];
    const response = handler ? await handler(request) : problem('ROUTE_NOT_FOUND', 404);
    if (response.status === 204) return new Response(null, { status: 204 });
    return new Response(JSON.stringify(response.body), {
      status: response.status,
      headers: { 'content-type': response.status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    requests,
    /** Requests to one route, e.g. `find('POST /api/v1/users')`. */
    find: (route: string) => requests.filter((r) => `${r.method} ${r.path}` === route),
  };
}
