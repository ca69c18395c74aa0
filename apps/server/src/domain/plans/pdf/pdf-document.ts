import type { PlanMapData } from './plan-map.js';

/**
 * What the Typst template lays out, handed to it as JSON data. Every string here is printed as text by the
 * template, never parsed as markup, so nothing a school types can change the document's structure.
 */
export interface PdfDocument {
  readonly lang: 'en' | 'hi' | 'ja';
  readonly title: string;
  readonly schoolName: string;
  readonly subtitle: string;
  /** Label/value pairs under the title: status, version, approval, review date, generation date. */
  readonly facts: readonly (readonly [string, string])[];
  /** One line repeated at the foot of every page, so a single printed page still shows status and review date. */
  readonly footer: string;
  /** "Page {page} of {total}" in the plan's language; the template fills the numbers in. */
  readonly pageFormat: string;
  /** Font families in fallback order. */
  readonly fonts: readonly string[];
  readonly sections: readonly PdfSection[];
}

export interface PdfSection {
  readonly title: string;
  readonly blocks: readonly PdfBlock[];
}

export type PdfCell = string | { readonly text: string; readonly strong: true };

export type PdfBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'fields'; readonly rows: readonly (readonly [string, string])[] }
  | {
      readonly kind: 'table';
      /** Relative column widths, one per header cell. */
      readonly widths: readonly number[];
      readonly header: readonly string[];
      readonly rows: readonly (readonly PdfCell[])[];
    }
  | { readonly kind: 'steps'; readonly items: readonly string[] }
  | { readonly kind: 'columns'; readonly columns: readonly { readonly title: string; readonly items: readonly string[] }[] }
  | {
      readonly kind: 'map';
      readonly map: PlanMapData;
      readonly legend: { readonly route: string; readonly assemblyPoint: string; readonly hazard: string };
    };
