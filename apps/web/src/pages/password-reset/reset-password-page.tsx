import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, confirmPasswordReset } from '@safeschools/contract';
import { api } from '../../api/client';
import { errorMessage, fieldErrors, type FieldErrors } from '../../api/errors';
import { NewPasswordFields, MIN_PASSWORD } from '../../components/new-password-fields';
import { useDocumentTitle } from '../../hooks/use-document-title';

const deadLink = new Set(['PASSWORD_RESET_INVALID', 'PASSWORD_RESET_EXPIRED', 'PASSWORD_RESET_USED']);

/** Choose a new password from the link in a reset e-mail (`/reset-password?token=…`). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<{ text: string; dead: boolean } | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const local: FieldErrors = {};
    if (password.length < MIN_PASSWORD) local.password = t('invitation.passwordTooShort', { count: MIN_PASSWORD });
    else if (password !== confirm) local.confirm = t('invitation.passwordsDiffer');
    setFields(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await api(confirmPasswordReset, { body: { token, password } });
      setDone(true);
    } catch (caught) {
      setError({ text: errorMessage(t, caught), dead: caught instanceof ApiError && deadLink.has(caught.code) });
      setFields(fieldErrors(t, caught));
    } finally {
      setBusy(false);
    }
  };

  const askAgain = (
    <p>
      <Link to="/forgot-password">{t('account.reset.askAgain')}</Link>
    </p>
  );

  if (!token) {
    return (
      <section className="card narrow" aria-labelledby="reset-title">
        <h1 id="reset-title">{t('account.reset.title')}</h1>
        <p role="alert" className="alert">
          {t('errors.PASSWORD_RESET_INVALID')}
        </p>
        {askAgain}
      </section>
    );
  }

  return (
    <section className="card narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('account.reset.title')}</h1>
      {done ? (
        <>
          <p role="status" className="ok">
            {t('account.reset.done')}
          </p>
          <p>
            <Link to="/login" className="button">
              {t('login.submit')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="muted">{t('account.reset.intro')}</p>
          <form onSubmit={(event) => void onSubmit(event)} noValidate>
            <NewPasswordFields
              password={password}
              confirm={confirm}
              onPassword={setPassword}
              onConfirm={setConfirm}
              errors={{ password: fields.password, confirm: fields.confirm }}
            />
            {error && (
              <p role="alert" className="alert">
                {error.text}
              </p>
            )}
            {error?.dead && askAgain}
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('account.reset.submitting') : t('account.reset.submit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
