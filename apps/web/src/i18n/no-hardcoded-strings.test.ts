import { describe, expect, it } from 'vitest';

// Every .tsx source file except tests, as text.
const sources = import.meta.glob<string>(['../**/*.tsx', '!../**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Letters of any script: Latin, Devanagari, kana, kanji… */
const letter = /\p{L}/u;
/** User-facing attributes that must come from t(), never a literal. */
const textAttribute = /\b(aria-label|aria-description|title|placeholder|alt|label)=("[^"]*\p{L}[^"]*"|'[^']*\p{L}[^']*')/gu;

function stripComments(source: string): string {
  return source
    .replace(/\{\s*\/\*[\s\S]*?\*\/\s*\}/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

/** Text between a JSX tag's end `>` and the next `<`, when it holds letters outside `{…}` expressions. */
function jsxTextLiterals(source: string): string[] {
  const found: string[] = [];
  // `(?<!=)`: the `>` of an arrow (`() => Promise<void>`) ends no tag.
  for (const match of stripComments(source).matchAll(/(?<!=)>([^<>{}]*)</g)) {
    const text = (match[1] ?? '').trim();
    // `=>` and generics like `useState<string>(…)` also produce `>…<`; real JSX text does not contain `;`, `(` or `=`.
    if (!text || !letter.test(text) || /[;()=&|]/.test(text)) continue;
    found.push(text);
  }
  return found;
}

describe('no hard-coded UI text', () => {
  it('finds the source files', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
  });

  it('flags a literal in the heuristic itself', () => {
    expect(jsxTextLiterals('return <p className="x">Hello world</p>;')).toEqual(['Hello world']);
    expect(jsxTextLiterals('return <p>{t("a")}</p>;')).toEqual([]);
    expect('<input aria-label="Search" />'.match(textAttribute)).not.toBeNull();
  });

  for (const [file, source] of Object.entries(sources)) {
    it(`${file} passes every visible string through t()`, () => {
      expect(jsxTextLiterals(source)).toEqual([]);
      expect(stripComments(source).match(textAttribute) ?? []).toEqual([]);
    });
  }
});
