import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { findPlanFontFolders } from './plan-fonts.js';

/*
 * Creating a compiler scans the system's fonts (about a second here), and its first compile loads the CJK font
 * (a few hundred milliseconds more); later compiles take tens of milliseconds. So one compiler serves the whole
 * process. Compiling is synchronous inside the native addon, so calls never interleave on the shared instance.
 */
let compiler: NodeCompiler | undefined;

function sharedCompiler(): NodeCompiler {
  compiler ??= NodeCompiler.create({ fontArgs: [{ fontPaths: findPlanFontFolders() }] });
  return compiler;
}

interface Diagnostic {
  readonly message?: unknown;
  readonly severity?: unknown;
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
    throw new Error(`Typst could not compile the plan PDF: ${error ? describe(error.shortDiagnostics as Diagnostic[]) : 'no document'}`);
  }
  const warnings = (result.takeWarnings()?.shortDiagnostics ?? []) as Diagnostic[];
  const fontProblems = warnings.filter((w) => String(w.message).includes('font'));
  if (fontProblems.length > 0) throw new Error(`The plan PDF is missing fonts: ${describe(fontProblems)}`);
  const pdf = typst.pdf(document);
  // Drop memoised layouts that later plans will not reuse, so a long-running server does not grow without bound.
  typst.evictCache(10);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
