/** One row of an import file: row 0 announces the columns; `record` is null for a blank row. */
export interface SourceRow {
  row: number;
  columns: readonly string[];
  record: Readonly<Record<string, string>> | null;
}
