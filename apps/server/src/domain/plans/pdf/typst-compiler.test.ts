import { describe, expect, it } from 'vitest';
import { compileTypstToPdf, preparePlanPdfCompiler } from './typst-compiler.js';

describe('compileTypstToPdf', { timeout: 60_000 }, () => {
  it('loads the plan fonts once, ahead of the first plan', () => {
    expect(() => preparePlanPdfCompiler()).not.toThrow();
  });

  it('refuses to print with a font it does not have rather than printing boxes', () => {
    expect(() => compileTypstToPdf('#set text(font: "No Such Font")\nनमस्ते', {})).toThrow(/missing fonts: unknown font family/);
  });

  it('reports Typst errors with their message', () => {
    expect(() => compileTypstToPdf('#let x = ', {})).toThrow(/Typst could not compile the plan PDF: .+/);
  });
});
