import type { ImportRunner } from './import-runner.js';
import { runSchoolImport } from '../registry/schools/run-school-import.js';
import { runBoundaryImport } from '../registry/boundaries/run-boundary-import.js';
import { runCrosswalkImport } from '../registry/boundaries/run-crosswalk-import.js';

/** The importer of each kind of import. */
export const importRunners: Readonly<Record<string, ImportRunner>> = {
  schools: runSchoolImport,
  boundaries: runBoundaryImport,
  crosswalk: runCrosswalkImport,
};
