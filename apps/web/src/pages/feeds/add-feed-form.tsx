import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addFeed, FeedKind } from '@safeschools/contract';
import { api } from '../../api/client';
import { errorMessage, fieldErrors } from '../../api/errors';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { uuidv7 } from '../../lib/uuid-v7';

type Kind = (typeof FeedKind.options)[number];

/** Adds a feed by its address; its kind is recognised by content unless chosen. */
export function AddFeedForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('auto');
  const [key, setKey] = useState(uuidv7);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [urlError, setUrlError] = useState<string | undefined>();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    if (!/^https?:\/\/\S+$/i.test(url.trim())) {
      setUrlError(t('feeds.urlInvalid'));
      return;
    }
    setUrlError(undefined);
    setBusy(true);
    try {
      await api(addFeed, { body: { url: url.trim(), name: name.trim(), kind }, idempotencyKey: `feed-add-${key}` });
      setUrl('');
      setName('');
      setKind('auto');
      setKey(uuidv7());
      onAdded();
    } catch (caught) {
      const fields = fieldErrors(t, caught);
      if (fields['url']) setUrlError(fields['url']);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate>
      <TextField label={t('feeds.url')} hint={t('feeds.urlHint')} type="url" value={url} error={urlError} onChange={(event) => setUrl(event.target.value)} />
      <TextField label={t('feeds.name')} value={name} onChange={(event) => setName(event.target.value)} />
      <SelectField
        label={t('feeds.kind')}
        options={FeedKind.options.map((value) => ({ value, label: t(`feeds.kinds.${value}`) }))}
        value={kind}
        onChange={(event) => setKind(event.target.value as Kind)}
      />
      {error !== null && (
        <div role="alert" className="alert">
          <p>{errorMessage(t, error)}</p>
        </div>
      )}
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('common.saving') : t('feeds.add')}
      </button>
    </form>
  );
}
