/** The CSRF token from the last `me`/`login` answer, read by the API client before each write. */
let current: string | null = null;

export function getCsrfToken(): string | null {
  return current;
}

export function setCsrfToken(token: string | null): void {
  current = token;
}
