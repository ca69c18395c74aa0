import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { login } from '@safeschools/contract';
import { api } from '../../api/client';
import { errorMessage, fieldErrors, type FieldErrors } from '../../api/errors';
import { useSession } from '../../auth/use-session';
import { safeNext } from '../../auth/safe-next';
import { TextField } from '../../components/text-field';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const { session, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  if (session.status === 'signed-in' && !busy) return <Navigate to={next} replace />;
  const expired = session.status === 'signed-out' && session.reason === 'AUTH_SESSION_EXPIRED';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const me = await api(login, { body: { email: email.trim(), password } });
      signIn(me);
      await navigate(next, { replace: true });
    } catch (caught) {
      setError(errorMessage(t, caught));
      setFields(fieldErrors(t, caught));
      setBusy(false);
    }
  };

  return (
    <section className="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="muted">{t('login.intro')}</p>
      {expired && !error && (
        <p role="status" className="warning">
          {t('errors.AUTH_SESSION_EXPIRED')}
        </p>
      )}
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
        <TextField
          label={t('login.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fields.password}
        />
        {error && (
          <p role="alert" className="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button" disabled={busy || !email || !password}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t('account.forgot.link')}</Link>
      </p>
    </section>
  );
}
