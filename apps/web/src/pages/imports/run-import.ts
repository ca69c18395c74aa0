import { abandonImport, ApiError, createImport, getImport, resumeImport } from '@safeschools/contract';
import { api } from '../../api/client';
import { postMultipart, type MultipartFields } from '../../api/post-multipart';
import { isPending, type ImportKind, type ImportRun, type Mapping } from './types';

/** How often a queued or running import is read again. */
export const POLL_INTERVAL_MS = 1000;
/** Network failures in a row tolerated while polling (a phone on a weak signal), before giving up. */
const MAX_POLL_FAILURES = 3;

export interface ImportRequest {
  kind: ImportKind;
  /** Omitted: the server suggests one from the column names. */
  mapping?: Mapping;
  dryRun: boolean;
  validRowsOnly: boolean;
  /** An earlier import whose stored file to use again, instead of uploading `file`. */
  fromImport?: string;
  file?: File;
}

/**
 * The multipart fields of `createImport`, in the order the server needs: `kind` first (it is checked before
 * any file is stored) and the file last.
 */
export function importFields(request: ImportRequest): MultipartFields {
  const fields: [string, string | Blob][] = [['kind', request.kind]];
  if (request.mapping) fields.push(['mapping', JSON.stringify(request.mapping)]);
  fields.push(['dryRun', String(request.dryRun)]);
  fields.push(['validRowsOnly', String(request.validRowsOnly)]);
  fields.push(['options', JSON.stringify({})]);
  if (request.fromImport) fields.push(['fromImport', request.fromImport]);
  if (request.file) fields.push(['file', request.file]);
  return fields;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Reads an import every second until it has finished; short network failures are retried. */
export async function pollImport(run: ImportRun, onUpdate: (run: ImportRun) => void, signal: AbortSignal): Promise<ImportRun> {
  let current = run;
  let failures = 0;
  while (isPending(current)) {
    await wait(POLL_INTERVAL_MS * (failures + 1), signal);
    try {
      current = await api(getImport, { params: { id: current.id }, signal });
      failures = 0;
    } catch (error) {
      const transient = error instanceof ApiError && error.code === 'NETWORK_ERROR' && !signal.aborted;
      if (!transient || ++failures > MAX_POLL_FAILURES) throw error;
      continue;
    }
    onUpdate(current);
  }
  return current;
}

/** Starts an import, then polls it until it has finished; `onUpdate` sees every state. */
export async function runImport(
  request: ImportRequest,
  onUpdate: (run: ImportRun) => void,
  signal: AbortSignal,
): Promise<ImportRun> {
  const run = await postMultipart(createImport, importFields(request), { signal });
  onUpdate(run);
  return pollImport(run, onUpdate, signal);
}

/**
 * Resumes an interrupted import, then polls it until it has finished. The key is that of this interruption, so a
 * second click or a retry after a lost answer resumes it once.
 */
export async function resumeImportRun(
  run: ImportRun,
  onUpdate: (run: ImportRun) => void,
  signal: AbortSignal,
): Promise<ImportRun> {
  const resumed = await api(resumeImport, {
    params: { id: run.id },
    idempotencyKey: `resume-${run.id}-${run.updatedAt}`,
    signal,
  });
  onUpdate(resumed);
  return pollImport(resumed, onUpdate, signal);
}

/** Abandons an interrupted import, keeping what was written; answers the abandoned import. */
export function abandonImportRun(run: ImportRun, signal: AbortSignal): Promise<ImportRun> {
  return api(abandonImport, { params: { id: run.id }, idempotencyKey: `abandon-${run.id}-${run.updatedAt}`, signal });
}
