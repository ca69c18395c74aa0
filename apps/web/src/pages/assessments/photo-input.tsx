import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '@safeschools/contract';
import { errorMessage } from '../../api/errors';
import { postMultipart } from '../../api/post-multipart';

/**
 * Photos are uploaded as soon as they are chosen and the answer keeps their stored file ids. The server checks
 * each file's type and size; its refusal is shown and the other photos are kept.
 */
export function PhotoInput(props: { id: string; value: unknown; maxPhotos?: number; onChange: (ids: string[] | undefined) => void }) {
  const { t } = useTranslation();
  const ids = Array.isArray(props.value) ? (props.value as string[]) : [];
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const room = props.maxPhotos === undefined ? Infinity : props.maxPhotos - ids.length;

  const upload = async (files: File[]) => {
    setUploading(true);
    setError(null);
    const added: string[] = [];
    for (const file of files.slice(0, room)) {
      try {
        added.push((await postMultipart(uploadFile, [['file', file]])).id);
      } catch (caught) {
        setError(errorMessage(t, caught));
      }
    }
    if (files.length > room) setError(t('assessment.photos.tooMany', { count: props.maxPhotos }));
    setUploading(false);
    if (added.length > 0) props.onChange([...ids, ...added]);
  };

  return (
    <div className="stack">
      {ids.length > 0 && (
        <p>
          {t('assessment.photos.added', { count: ids.length })}{' '}
          <button type="button" className="button small secondary" onClick={() => props.onChange(undefined)}>
            {t('assessment.photos.remove')}
          </button>
        </p>
      )}
      {room > 0 && (
        <input
          id={props.id}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/heic"
          multiple
          disabled={uploading}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            if (files.length > 0) void upload(files);
          }}
        />
      )}
      {uploading && <p className="muted">{t('assessment.photos.uploading')}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
