import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { requestPasswordReset } from '@safeschools/contract';
import { api } from '../../api/client';
import { errorMessage, fieldErrors, type FieldErrors } from '../../api/errors';
import { TextField } from '../../components/text-field';
import { useDocumentTitle } from '../../hooks/use-document-title';

/** Ask for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.forgot.title'));
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await api(requestPasswordReset, { body: { email: email.trim() } });
      setSentTo(email.trim());
    } catch (caught) {
      setError(errorMessage(t, caught));
      setFields(fieldErrors(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('account.forgot.title')}</h1>
      {sentTo ? (
        <p role="status" className="ok">
          {t('account.forgot.sent', { email: sentTo })}
        </p>
      ) : (
        <>
          <p className="muted">{t('account.forgot.intro')}</p>
          <form onSubmit={(event) => void onSubmit(event)} noValidate>
            <TextField
              label={t('login.email')}
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={fields.email}
            />
            {error && (
              <p role="alert" className="alert">
                {error}
              </p>
            )}
            <button type="submit" className="button" disabled={busy || !email.trim()}>
              {busy ? t('account.forgot.submitting') : t('account.forgot.submit')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/login">{t('account.backToLogin')}</Link>
      </p>
    </section>
  );
}
