import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listMyOptOuts, removeMyOptOut, updateMe, type ResponseOf } from '@safeschools/contract';
import { api } from '../../api/client';
import { errorMessage, fieldErrors, type FieldErrors } from '../../api/errors';
import { useSession } from '../../auth/use-session';
import { ChannelOrder, usableChannels, type Channel } from '../../components/channel-order';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useFormatters } from '../../hooks/use-formatters';
import { isLanguage, languages, storeLanguage } from '../../i18n/languages';

type OptOut = ResponseOf<typeof listMyOptOuts>['items'][number];

/** One's own name, language, phone and the channels alerts reach one on, and the channels one opted out of. */
export function ProfilePage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('account.profile.title'));
  const { session, replaceMe } = useSession();
  const me = session.status === 'signed-in' ? session.me : null;
  const [name, setName] = useState(me?.name ?? '');
  const [language, setLanguage] = useState<string>(me?.language ?? 'en');
  const [phone, setPhone] = useState(me?.phone ?? '');
  const [channels, setChannels] = useState<Channel[]>([...(me?.channels ?? ['email'])]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  // The header's language switcher changes the account's language too: follow it.
  const savedLanguage = me?.language;
  useEffect(() => {
    if (savedLanguage) setLanguage(savedLanguage);
  }, [savedLanguage]);
  if (!me) return null;
  const hasPhone = phone.trim() !== '';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    setFields({});
    try {
      const saved = await api(updateMe, {
        body: {
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(isLanguage(language) ? { language } : {}),
          phone: hasPhone ? phone.trim() : null,
          channels: usableChannels(channels, hasPhone),
        },
      });
      replaceMe(saved);
      setPhone(saved.phone ?? '');
      setChannels([...saved.channels]);
      if (saved.language !== i18n.resolvedLanguage) {
        storeLanguage(saved.language);
        void i18n.changeLanguage(saved.language);
      }
      setMessage({ kind: 'ok', text: t('account.profile.saved') });
    } catch (caught) {
      setMessage({ kind: 'error', text: errorMessage(t, caught) });
      setFields(fieldErrors(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card narrow profile-page" aria-labelledby="profile-title">
      <h1 id="profile-title">{t('account.profile.title')}</h1>
      <p className="muted">{t('account.profile.intro', { email: me.email })}</p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField label={t('account.profile.name')} name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={fields.name} />
        <SelectField
          label={t('account.profile.language')}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
          options={languages.map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
        />
        <TextField
          label={t('account.profile.phone')}
          hint={t('account.profile.phoneHint')}
          type="tel"
          name="phone"
          autoComplete="tel"
          inputMode="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={fields.phone}
        />
        <ChannelOrder value={channels} onChange={setChannels} hasPhone={hasPhone} />
        <p aria-live="polite" role={message?.kind === 'error' ? 'alert' : undefined}>
          {message && <span className={message.kind === 'error' ? 'alert' : 'ok'}>{message.text}</span>}
        </p>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </form>
      <OptOuts />
    </section>
  );
}

function OptOuts() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [items, setItems] = useState<OptOut[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api(listMyOptOuts, {}).then(
      (r) => live && setItems(r.items),
      (caught: unknown) => live && setError(errorMessage(t, caught)),
    );
    return () => {
      live = false;
    };
  }, [t]);

  const undo = async (item: OptOut) => {
    setError(null);
    try {
      await api(removeMyOptOut, { params: { channel: item.channel } });
      setItems((list) => (list ?? []).filter((o) => o.channel !== item.channel));
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  return (
    <section aria-labelledby="opt-outs-title" className="opt-outs-section">
      <h2 id="opt-outs-title">{t('account.optOuts.title')}</h2>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      {items === null && !error && <p className="muted">{t('common.loading')}</p>}
      {items?.length === 0 && <p className="muted">{t('account.optOuts.none')}</p>}
      {items && items.length > 0 && (
        <ul className="opt-outs">
          {items.map((item) => (
            <li key={item.channel}>
              <span>
                {t('account.optOuts.item', { channel: t(`account.channels.${item.channel}`), address: item.address, date: format.dateTime(item.createdAt) })}
              </span>{' '}
              <button type="button" className="button small secondary" onClick={() => void undo(item)}>
                {t('account.optOuts.undo', { channel: t(`account.channels.${item.channel}`) })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
