/**
 * A file name fit to store and to put in Content-Disposition: the last path segment only, no control
 * characters, no quotes or backslashes, at most 200 characters; 'file' when nothing is left.
 */
export function safeFileName(name: string | undefined): string {
  const last = (name ?? '').split(/[/\\]/).pop() ?? '';
  const clean = [...last]
    .filter((c) => c.charCodeAt(0) >= 0x20 && !(c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f) && c !== '"' && c !== '\\')
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return clean === '' ? 'file' : clean;
}

/** `attachment` with an ASCII fallback and the exact name in RFC 5987 form. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/[%;]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
