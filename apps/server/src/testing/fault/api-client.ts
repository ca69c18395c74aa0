export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  json<T>(): T;
}

export interface RequestOptions {
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** Safety net only: a request that hangs this long fails the scenario instead of the whole run. */
  timeoutMs?: number;
}

/** The request never got an answer: the server was killed under it, or was not listening. */
export class NetworkError extends Error {}

/**
 * A user of the API over real HTTP, as the web app is: the session cookie from signing in, and its CSRF token in
 * `X-CSRF-Token` on every write. The server's address is read at each request, since every restart takes a new port.
 */
export class ApiClient {
  private constructor(
    private readonly baseUrl: () => string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  static async signIn(baseUrl: () => string, email: string, password: string): Promise<ApiClient> {
    return ApiClient.session(baseUrl, '/api/v1/auth/login', { email, password });
  }

  /** Accepts an invitation (the token of its link) and is then signed in as the new user. */
  static async acceptInvitation(baseUrl: () => string, token: string, name: string, password: string): Promise<ApiClient> {
    return ApiClient.session(baseUrl, '/api/v1/auth/invitations/accept', { token, name, password });
  }

  private static async session(baseUrl: () => string, path: string, body: unknown): Promise<ApiClient> {
    const anonymous = new ApiClient(baseUrl, '', '');
    const r = await anonymous.request('POST', path, { json: body });
    if (r.status !== 200) throw new Error(`${path} answered ${r.status}: ${r.text}`);
    const cookie = r.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('ss_session='));
    const csrfToken = r.json<{ csrfToken: string | null }>().csrfToken;
    if (!cookie || !csrfToken) throw new Error(`${path} gave no session cookie or CSRF token`);
    return new ApiClient(baseUrl, cookie, csrfToken);
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      body = options.form;
    }
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl()}${path}`, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
      });
      text = await response.text();
    } catch (error) {
      throw new NetworkError(`${method} ${path}: ${describe(error)}`, { cause: error });
    }
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: <T>() => JSON.parse(text) as T,
    };
  }

  get(path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    return this.request('GET', path, options);
  }

  /** A request that must succeed with `status`: anything else is thrown with the answer. */
  async expect<T>(status: number, method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const r = await this.request(method, path, options);
    if (r.status !== status)
      throw new Error(`${method} ${path} answered ${r.status} instead of ${status}: ${r.text.slice(0, 500)}`);
    return r.json<T>();
  }

  /** Starts a school import of `csv` (multipart: the kind, then the file), as the import wizard does. */
  async startSchoolImport(csv: string, fileName: string): Promise<{ id: string; status: string }> {
    const form = new FormData();
    form.append('kind', 'schools');
    form.append('file', new Blob([csv], { type: 'text/csv' }), fileName);
    return this.expect(202, 'POST', '/api/v1/imports', { form });
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${(error.cause as NodeJS.ErrnoException).code ?? error.cause.message})` : '';
  return `${error.message}${cause}`;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `read` until `done` holds of its value, at most `timeoutMs` (a safety net: hitting it is a failure, not a
 * measurement); network errors while the server starts count as "not yet".
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs: number,
  everyMs = 200,
): Promise<T> {
  const { value, reached } = await pollFor(read, done, timeoutMs, everyMs);
  if (!reached)
    throw new Error(`${what}: not reached within ${timeoutMs / 1000} s (last seen: ${JSON.stringify(value)?.slice(0, 500)})`);
  return value as T;
}

/** Like `pollUntil`, but gives the last value seen when the time is up instead of failing. */
export async function pollFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  everyMs = 200,
): Promise<{ value: T | undefined; reached: boolean }> {
  const deadline = Date.now() + timeoutMs;
  let value: T | undefined;
  for (;;) {
    try {
      value = await read();
      if (done(value)) return { value, reached: true };
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
    }
    if (Date.now() > deadline) return { value, reached: false };
    await sleep(everyMs);
  }
}
