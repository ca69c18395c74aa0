import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, getImport } from '@safeschools/contract';
import { api } from '../../api/client';
import { hasPermission } from '../../auth/require-permission';
import { useSession } from '../../auth/use-session';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { ImportCounts } from './import-counts';
import { ImportDetails } from './import-details';
import { ImportProgress } from './import-progress';
import { ImportResult } from './import-result';
import { ImportStatus } from './import-status';
import { InterruptedImport } from './interrupted-import';
import { isPending, type ImportRun } from './types';
import { useImportRun } from './use-import-run';

/** An import that does not exist, is not the user's (both 404) or whose id is malformed (400). */
function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || (error.status === 400 && error.code === 'VALIDATION_FAILED'));
}

/** One import: its status (followed while it runs), counts and problems; an interrupted one is resumed or abandoned here. */
export function ImportDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const loaded = useApiQuery(`import:${id}`, (signal) => api(getImport, { params: { id }, signal }));
  useDocumentTitle(loaded.status === 'success' ? loaded.data.fileName : t('imports.detail.title'));

  return (
    <div className="stack">
      <p>
        <Link to="/imports">{t('imports.detail.back')}</Link>
      </p>
      <div aria-live="polite">{loaded.status === 'loading' && <p className="muted">{t('common.loading')}</p>}</div>
      {loaded.status === 'error' &&
        (isNotFound(loaded.error) ? (
          <section className="card narrow">
            <h1>{t('imports.detail.notFoundTitle')}</h1>
            <p>{t('imports.detail.notFoundBody')}</p>
          </section>
        ) : (
          <ErrorPanel error={loaded.error} onRetry={loaded.reload} />
        ))}
      {loaded.status === 'success' && <ImportView key={loaded.data.id} loaded={loaded.data} />}
    </div>
  );
}

function ImportView({ loaded }: { loaded: ImportRun }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const canImport = hasPermission(session.status === 'signed-in' ? session.me.permissions : undefined, 'registry.write');
  const tracked = useImportRun(loaded);
  const { follow } = tracked;
  // Still queued or running: read again until it ends, as the wizard does.
  useEffect(() => follow(loaded), [follow, loaded]);
  const run = tracked.run ?? loaded;

  return (
    <>
      <h1>{run.fileName}</h1>
      <section className="card" aria-labelledby="import-about-title">
        <h2 id="import-about-title">{t('imports.detail.about')}</h2>
        <ImportDetails run={run} />
      </section>
      <div role="status" aria-live="polite">
        <ImportStatus run={run} />
      </div>
      {isPending(run) && <ImportProgress progress={run.progress} />}
      {tracked.error !== null && <ErrorPanel error={tracked.error} onRetry={isPending(run) ? tracked.resume : undefined} />}
      {run.status === 'interrupted' &&
        (canImport ? (
          <InterruptedImport
            run={run}
            disabled={tracked.busy}
            onResume={tracked.resumeInterrupted}
            onAbandon={tracked.abandonInterrupted}
          />
        ) : (
          <ImportCounts run={run} />
        ))}
      {!isPending(run) && run.status !== 'interrupted' && <ImportResult run={run} />}
    </>
  );
}
