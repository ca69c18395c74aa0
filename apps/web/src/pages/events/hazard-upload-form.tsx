import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/error-panel';
import { TextField } from '../../components/text-field';
import { uploadHazard } from './create-event';
import { HazardFileReason } from './hazard-file-reason';
import type { HazardEvent } from './types';

// A hint for the file picker only; the server recognises the kind from the content.
const ACCEPT = '.xml,.cap,.atom,.rss,.zip,.csv,.json,.geojson';

/** One file input for every kind of hazard file; the server tells CAP, ShakeMap, track and footprint apart. */
export function HazardUploadForm({ onCreated }: { onCreated: (event: HazardEvent) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [track, setTrack] = useState('');
  const [intensityProperty, setIntensityProperty] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = (formEvent: FormEvent) => {
    formEvent.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    uploadHazard({ file, title, track, intensityProperty }).then(onCreated, (caught: unknown) => {
      setError(caught);
      setBusy(false);
    });
  };

  return (
    <form className="card stack" aria-labelledby="event-upload-title" onSubmit={submit}>
      <h3 id="event-upload-title">{t('events.upload.title')}</h3>
      <p className="muted small">{t('events.upload.intro')}</p>
      <TextField
        label={t('events.upload.file')}
        hint={t('events.upload.fileHint')}
        type="file"
        accept={ACCEPT}
        disabled={busy}
        onChange={(changed) => setFile(changed.target.files?.[0] ?? null)}
      />
      <TextField label={t('events.upload.name')} hint={t('events.upload.nameHint')} value={title} maxLength={200} disabled={busy} onChange={(changed) => setTitle(changed.target.value)} />
      <TextField label={t('events.upload.track')} hint={t('events.upload.trackHint')} value={track} maxLength={100} disabled={busy} onChange={(changed) => setTrack(changed.target.value)} />
      <TextField
        label={t('events.upload.intensity')}
        hint={t('events.upload.intensityHint')}
        value={intensityProperty}
        maxLength={100}
        disabled={busy}
        onChange={(changed) => setIntensityProperty(changed.target.value)}
      />
      <div>
        <button type="submit" className="button" disabled={busy || !file}>
          {t('events.upload.submit')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {busy && <p className="muted">{t('events.upload.busy')}</p>}
      </div>
      {error !== null && (
        <ErrorPanel error={error}>
          <HazardFileReason error={error} />
        </ErrorPanel>
      )}
    </form>
  );
}
