import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/use-session';
import { ErrorPanel } from '../../components/error-panel';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { CheckResult } from './check-result';
import { ImportProgress } from './import-progress';
import { ImportResult } from './import-result';
import { ImportStatus } from './import-status';
import { InterruptedImport } from './interrupted-import';
import { isPending, type ImportKind, type ImportRun, type Mapping } from './types';
import { useImportRun } from './use-import-run';

const ACCEPT = '.csv,.xlsx,.json,.geojson,.topojson';

/** After a failed read of a queued or running import, polling can resume. */
function retryable(state: { run: ImportRun | null }): boolean {
  return state.run !== null && isPending(state.run);
}

function sameMapping(a: Mapping, b: Mapping): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** Import wizard: check the file (a dry run, repeatable with another mapping), then import it. */
export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('imports.title'));
  const { session } = useSession();
  const isAdministrator = session.status === 'signed-in' && session.me.scope.all;
  const kinds: ImportKind[] = isAdministrator ? ['schools', 'boundaries', 'crosswalk'] : ['schools'];

  const [kind, setKind] = useState<ImportKind>('schools');
  const [file, setFile] = useState<File | null>(null);
  const [edits, setEdits] = useState<{ id: string; mapping: Mapping } | null>(null);
  const [validRowsOnly, setValidRowsOnly] = useState(false);
  // Bumped to clear the file input (it cannot be controlled) when starting again.
  const [fileInputKey, setFileInputKey] = useState(0);
  const check = useImportRun();
  const load = useImportRun();

  const checked = check.run && !isPending(check.run) ? check.run : null;
  const mapping = checked ? (edits?.id === checked.id ? edits.mapping : checked.mapping) : {};
  const mappingChanged = checked !== null && !sameMapping(mapping, checked.mapping);
  const importStarted = load.busy || load.run !== null;
  const canImport =
    checked !== null &&
    !mappingChanged &&
    !check.busy &&
    !importStarted &&
    (checked.status === 'validated' || (checked.status === 'rejected' && validRowsOnly));

  const startOver = () => {
    check.reset();
    load.reset();
    setEdits(null);
    setValidRowsOnly(false);
  };

  const runCheck = () => {
    load.reset();
    if (checked) check.start({ kind, mapping, dryRun: true, validRowsOnly: false, fromImport: checked.id });
    else if (file) check.start({ kind, dryRun: true, validRowsOnly: false, file });
  };

  const runImport = () => {
    if (!checked) return;
    load.start({
      kind,
      mapping: checked.mapping,
      dryRun: false,
      validRowsOnly: checked.status === 'rejected' && validRowsOnly,
      fromImport: checked.id,
    });
  };

  return (
    <div className="stack">
      <h1>{t('imports.title')}</h1>
      <p className="muted">{t('imports.intro')}</p>

      <section className="card stack" aria-labelledby="import-step-check">
        <h2 id="import-step-check">{t('imports.step1')}</h2>
        <SelectField
          label={t('imports.kind')}
          value={kind}
          disabled={check.busy || importStarted}
          onChange={(event) => {
            const next = kinds.find((k) => k === event.target.value);
            if (next) setKind(next);
            startOver();
          }}
          options={kinds.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
        />
        <TextField
          key={fileInputKey}
          label={t('imports.file')}
          hint={t('imports.fileHint')}
          type="file"
          accept={ACCEPT}
          disabled={check.busy || importStarted}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            startOver();
          }}
        />
        <div>
          <button
            type="button"
            className="button"
            onClick={runCheck}
            disabled={check.busy || importStarted || (!checked && !file)}
          >
            {checked ? t('imports.checkAgain') : t('imports.check')}
          </button>
        </div>
        <div role="status" aria-live="polite">
          {check.busy && !check.run && <p className="muted">{t('imports.uploading')}</p>}
          {check.run && <ImportStatus run={check.run} />}
        </div>
        {check.error !== null && <ErrorPanel error={check.error} onRetry={retryable(check) ? check.resume : undefined} />}
        {checked && (checked.status === 'validated' || checked.status === 'rejected') && (
          <CheckResult
            run={checked}
            mapping={mapping}
            mappingChanged={mappingChanged}
            disabled={check.busy || importStarted}
            onMappingChange={(next) => setEdits({ id: checked.id, mapping: next })}
          />
        )}
      </section>

      <section className="card stack" aria-labelledby="import-step-import">
        <h2 id="import-step-import">{t('imports.step2')}</h2>
        {!checked && <p className="muted">{t('imports.checkFirst')}</p>}
        {checked?.status === 'rejected' && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={validRowsOnly}
              disabled={importStarted}
              onChange={(event) => setValidRowsOnly(event.target.checked)}
            />{' '}
            {t('imports.validRowsOnly')}
          </label>
        )}
        <div>
          <button type="button" className="button" onClick={runImport} disabled={!canImport}>
            {t('imports.start')}
          </button>
        </div>
        <div role="status" aria-live="polite">
          {load.run && <ImportStatus run={load.run} />}
        </div>
        {load.busy && <ImportProgress progress={load.run?.progress ?? null} />}
        {load.error !== null && (
          // Polling failed: read the import again. The request itself failed: send it again.
          <ErrorPanel error={load.error} onRetry={retryable(load) ? load.resume : load.run === null ? runImport : undefined} />
        )}
        {load.run?.status === 'interrupted' && (
          <InterruptedImport
            run={load.run}
            disabled={load.busy}
            onResume={load.resumeInterrupted}
            onAbandon={load.abandonInterrupted}
          />
        )}
        {load.run && !isPending(load.run) && load.run.status !== 'interrupted' && (
          <>
            <ImportResult run={load.run} />
            <div>
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  startOver();
                  setFile(null);
                  setFileInputKey((n) => n + 1);
                }}
              >
                {t('imports.again')}
              </button>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
