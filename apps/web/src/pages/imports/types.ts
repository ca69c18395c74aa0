import type { ResponseOf, getImport } from '@safeschools/contract';

export type ImportRun = ResponseOf<typeof getImport>;
export type ImportKind = ImportRun['kind'];
export type ImportProblem = ImportRun['errors'][number];
/** Target field → column of the file. */
export type Mapping = Record<string, string>;

/** Still working: poll again. */
export function isPending(run: ImportRun): boolean {
  return run.status === 'queued' || run.status === 'running';
}
