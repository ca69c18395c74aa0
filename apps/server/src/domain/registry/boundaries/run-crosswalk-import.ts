import { AppError } from '../../shared/app-error.js';
import type { ImportRunner } from '../../imports/import-runner.js';

export const runCrosswalkImport: ImportRunner = async () => {
  throw new AppError('IMPORT_FILE_INVALID', 'This importer is not available yet.');
};
