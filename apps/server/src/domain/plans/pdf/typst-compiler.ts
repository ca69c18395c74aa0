import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { findPlanFontFolders, planFontFamilies } from './plan-fonts.js';

/*
 * Creating a compiler scans the system's fonts (about a second here), and the first use of each script loads its
 * font (the CJK collection alone is tens of megabytes); later compiles take tens of milliseconds. So one compiler
 * serves the whole process. Compiling is synchronous inside the native addon, so calls never interleave on the
 * shared instance.
 */
let compiler: NodeCompiler | undefined;

function sharedCompiler(): NodeCompiler {
  compiler ??= NodeCompiler.create({ fontArgs: [{ fontPaths: findPlanFontFolders() }] });
  return compiler;
}

interface Diagnostic {
  readonly message?: unknown;
}

const describe = (diagnostics: readonly Diagnostic[]): string => diagnostics.map((d) => String(d.message)).join('; ');

/**
 * Compiles Typst `source` with string `inputs` (read in the source through `sys.inputs`) to PDF bytes. A missing
 * font is an error, not a warning: Typst would otherwise print boxes where the text should be.
 */
export function compileTypstToPdf(source: string, inputs: Record<string, string>): Uint8Array {
  const typst = sharedCompiler();
  const result = typst.compile({ mainFileContent: source, inputs });
  const error = result.takeError();
  const document = result.result;
  if (error || !document) {
    throw new Error(
      `Typst could not compile the plan PDF: ${error ? describe(error.shortDiagnostics as Diagnostic[]) : 'no document'}`,
    );
  }
  const warnings = (result.takeWarnings()?.shortDiagnostics ?? []) as Diagnostic[];
  const fontProblems = warnings.filter((w) => String(w.message).includes('font'));
  if (fontProblems.length > 0) throw new Error(`The plan PDF is missing fonts: ${describe(fontProblems)}`);
  const pdf = typst.pdf(document);
  // Drop memoised layouts that later plans will not reuse, so a long-running server does not grow without bound.
  typst.evictCache(10);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

/**
 * Pays the one-off cost (font scan, loading the Latin, Devanagari and CJK fonts: 2-5 s) up front, e.g. at server
 * start, so the first user asking for a plan PDF does not wait for it. Throws if the fonts are missing.
 */
export function preparePlanPdfCompiler(): void {
  const sample = '#set text(font: json(bytes(sys.inputs.fonts)))\n#sys.inputs.sample';
  compileTypstToPdf(sample, { fonts: JSON.stringify(planFontFamilies), sample: 'Plan योजना 計画' });
}
