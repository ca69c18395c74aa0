/** Only same-origin paths may be a redirect target after sign-in: `//evil.example` and `https://…` are refused. */
export function safeNext(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/login') || value.startsWith('/accept-invitation')) return '/';
  return value;
}
