import type { RowProblem } from '../../imports/import-runner.js';

/** Declared admin codes per level, by code system (lgd, census2011, udise), with the name the source gave. */
export type DeclaredLevel = Partial<Record<'lgd' | 'census2011' | 'udise' | 'name', string>>;
export type DeclaredAreas = Partial<Record<'state' | 'district' | 'block', DeclaredLevel>>;

/**
 * One validated school, as database column values. Only columns the file maps are present, so a file without
 * (say) enrolment never erases enrolment already in the registry.
 */
export interface SchoolRow {
  row: number;
  code: string;
  lat: number | null;
  lon: number | null;
  hasLocation: boolean;
  values: Record<string, string | number | Record<string, string> | null>;
}

export interface ValidatedRow {
  school: SchoolRow | null;
  problems: RowProblem[];
}
