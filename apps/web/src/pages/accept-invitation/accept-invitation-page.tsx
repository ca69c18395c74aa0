import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { acceptInvitation } from '@safeschools/contract';
import { api } from '../../api/client';
import { errorMessage, fieldErrors, type FieldErrors } from '../../api/errors';
import { useSession } from '../../auth/use-session';
import { NewPasswordFields, MIN_PASSWORD } from '../../components/new-password-fields';
import { TextField } from '../../components/text-field';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('invitation.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const local: FieldErrors = {};
    if (!name.trim()) local.name = t('fieldErrors.required');
    if (password.length < MIN_PASSWORD) local.password = t('invitation.passwordTooShort', { count: MIN_PASSWORD });
    else if (password !== confirm) local.confirm = t('invitation.passwordsDiffer');
    setFields(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const me = await api(acceptInvitation, { body: { token, name: name.trim(), password } });
      signIn(me);
      await navigate('/', { replace: true });
    } catch (caught) {
      setError(errorMessage(t, caught));
      setFields(fieldErrors(t, caught));
      setBusy(false);
    }
  };

  if (!token) {
    return (
      <section className="card narrow" aria-labelledby="invitation-title">
        <h1 id="invitation-title">{t('invitation.title')}</h1>
        <p role="alert" className="alert">
          {t('errors.INVITATION_INVALID')}
        </p>
      </section>
    );
  }

  return (
    <section className="card narrow" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t('invitation.title')}</h1>
      <p className="muted">{t('invitation.intro')}</p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          label={t('invitation.name')}
          name="name"
          autoComplete="name"
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={fields.name}
        />
        <NewPasswordFields
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          errors={{ password: fields.password, confirm: fields.confirm }}
        />
        {error && (
          <p role="alert" className="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('invitation.submitting') : t('invitation.submit')}
        </button>
      </form>
    </section>
  );
}
