import { describe, expect, it } from 'vitest';
import { contentDisposition, safeFileName } from './safe-file-name.js';

describe('file names', () => {
  it('keeps the last segment and drops what could break a header or a path', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\a\\plan "final".pdf')).toBe('plan final.pdf');
    expect(safeFileName('a\r\nSet-Cookie: x.csv')).toBe('aSet-Cookie: x.csv');
    expect(safeFileName('...')).toBe('file');
    expect(safeFileName(undefined)).toBe('file');
    expect(safeFileName('x'.repeat(500))).toHaveLength(200);
  });

  it('writes an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('विद्यालय योजना.pdf')).toBe(
      `attachment; filename="________ _____.pdf"; filename*=UTF-8''${encodeURIComponent('विद्यालय योजना.pdf')}`,
    );
    expect(contentDisposition('a;b%.csv')).toBe(`attachment; filename="a_b_.csv"; filename*=UTF-8''a%3Bb%25.csv`);
  });
});
