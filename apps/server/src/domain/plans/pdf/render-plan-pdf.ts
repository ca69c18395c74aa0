import type { SchoolDisasterManagementPlan } from '@safeschools/domain';
import { buildPdfDocument } from './build-pdf-document.js';
import { planTemplate } from './plan-template.js';
import { compileTypstToPdf } from './typst-compiler.js';

/**
 * The printable School Disaster Management Plan (NDMA 2016 Annexure 8 structure) as an A4 PDF in English, Hindi
 * or Japanese. Labels are translated; what the school typed is printed as typed. The first call in a process
 * loads fonts (about 1-2 s); later calls take tens of milliseconds and block the event loop for that long.
 * Throws an Error naming the Debian package when the Noto fonts are not installed.
 */
export async function renderPlanPdf(input: {
  plan: SchoolDisasterManagementPlan;
  schoolName: string;
  language: 'en' | 'hi' | 'ja';
  generatedOn: string;
}): Promise<Uint8Array> {
  const document = buildPdfDocument(input);
  return compileTypstToPdf(planTemplate, { document: JSON.stringify(document) });
}
