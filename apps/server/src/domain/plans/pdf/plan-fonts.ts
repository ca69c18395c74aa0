import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where Debian (and most Linux distributions) put system-wide fonts. */
export const defaultFontRoots = ['/usr/share/fonts', '/usr/local/share/fonts'] as const;

/**
 * The font files the plan needs, with the Debian package that ships each. Latin text, Devanagari and Japanese are
 * separate Noto families; Typst falls back from one to the next per character, so a line mixing scripts (a Hindi
 * plan naming an English-named hospital) still prints every glyph.
 */
const requiredFonts = [
  { file: 'NotoSans-Regular.ttf', family: 'Noto Sans', debianPackage: 'fonts-noto-core' },
  { file: 'NotoSansDevanagari-Regular.ttf', family: 'Noto Sans Devanagari', debianPackage: 'fonts-noto-core' },
  { file: 'NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK JP', debianPackage: 'fonts-noto-cjk' },
] as const;

/** Family names in fallback order, for the template's `text(font: ...)`. */
export const planFontFamilies: readonly string[] = requiredFonts.map((font) => font.family);

/**
 * Finds the folders holding the plan's fonts under `roots`. Throws an error naming the Debian packages to install
 * when any font is missing: without them Typst would quietly print boxes instead of Hindi or Japanese text.
 */
export function findPlanFontFolders(roots: readonly string[] = defaultFontRoots): string[] {
  const found = new Map<string, string>();
  for (const root of roots) {
    for (const path of listFiles(root)) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (!found.has(name)) found.set(name, path);
    }
  }
  const missing = requiredFonts.filter((font) => !found.has(font.file));
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((font) => font.debianPackage))].join(' ');
    const files = missing.map((font) => `${font.family} (${font.file})`).join(', ');
    throw new Error(
      `The plan PDF needs fonts that are not installed: ${files}. Install them with \`apt-get install ${packages}\` ` +
        `(searched ${roots.join(', ')}).`,
    );
  }
  return [...new Set(requiredFonts.map((font) => dirname(found.get(font.file) as string)))];
}

function listFiles(root: string): string[] {
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() || entry.isSymbolicLink())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    // A missing root is normal (no /usr/local/share/fonts); the check for required files reports what matters.
    return [];
  }
}
