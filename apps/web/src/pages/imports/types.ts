import type { ResponseOf, getImport, listImports } from '@safeschools/contract';

export type ImportRun = ResponseOf<typeof getImport>;
export type ImportKind = ImportRun['kind'];
export type ImportProblem = ImportRun['errors'][number];
/** An import as the list gives it: no mapping, options or problems. */
export type ImportListItem = ResponseOf<typeof listImports>['items'][number];
/** Target field → column of the file. */
export type Mapping = Record<string, string>;

/** Still working: poll again. */
export function isPending(run: ImportRun): boolean {
  return run.status === 'queued' || run.status === 'running';
}
