import { useCallback, useEffect, useRef, useState } from 'react';
import { abandonImportRun, pollImport, resumeImportRun, runImport, type ImportRequest } from './run-import';
import { isPending, type ImportRun } from './types';

export interface ImportRunState {
  run: ImportRun | null;
  error: unknown;
  busy: boolean;
}

const idle: ImportRunState = { run: null, error: null, busy: false };

/**
 * One import (a dry run or the real one) as it is started and polled, or `initial`, one started earlier, which
 * `follow` polls while it runs. A new start or leaving the page stops polling; `resume` polls again after a failed read, without starting
 * the import a second time; `resumeInterrupted` and `abandonInterrupted` decide about an import its server's stop
 * interrupted.
 */
export function useImportRun(initial: ImportRun | null = null) {
  const [state, setState] = useState<ImportRunState>(initial ? { run: initial, error: null, busy: false } : idle);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const track = useCallback((work: (onUpdate: (run: ImportRun) => void, signal: AbortSignal) => Promise<ImportRun>) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState((previous) => ({ run: previous.run, error: null, busy: true }));
    work((run) => !current.signal.aborted && setState({ run, error: null, busy: true }), current.signal).then(
      (run) => !current.signal.aborted && setState({ run, error: null, busy: false }),
      (error: unknown) => !current.signal.aborted && setState((previous) => ({ run: previous.run, error, busy: false })),
    );
  }, []);

  const start = useCallback(
    (request: ImportRequest) => track((onUpdate, signal) => runImport(request, onUpdate, signal)),
    [track],
  );

  const { run } = state;
  const resume = useCallback(() => {
    if (run && isPending(run)) track((onUpdate, signal) => pollImport(run, onUpdate, signal));
  }, [run, track]);

  /** An interrupted import: go on after what was written, or give it up keeping that. */
  const resumeInterrupted = useCallback(() => {
    if (run?.status === 'interrupted') track((onUpdate, signal) => resumeImportRun(run, onUpdate, signal));
  }, [run, track]);
  const abandonInterrupted = useCallback(() => {
    if (run?.status === 'interrupted') track((_onUpdate, signal) => abandonImportRun(run, signal));
  }, [run, track]);

  /** An import started earlier (read on its own page): while it is queued or running, polled until it ends. */
  const follow = useCallback(
    (current: ImportRun) => {
      if (isPending(current)) track((onUpdate, signal) => pollImport(current, onUpdate, signal));
    },
    [track],
  );

  const reset = useCallback(() => {
    controller.current?.abort();
    setState(idle);
  }, []);

  return { ...state, start, follow, resume, resumeInterrupted, abandonInterrupted, reset };
}
