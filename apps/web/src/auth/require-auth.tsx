import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from './use-session';
import { ErrorPanel } from '../components/error-panel';

/** Layout route: renders its children only with a session, else sends the user to sign in and back here. */
export function RequireAuth() {
  const { t } = useTranslation();
  const { session, reload } = useSession();
  const location = useLocation();
  if (session.status === 'loading') {
    return (
      <p role="status" aria-live="polite" className="muted">
        {t('common.loading')}
      </p>
    );
  }
  if (session.status === 'error') return <ErrorPanel error={session.error} onRetry={reload} />;
  if (session.status === 'signed-out') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <Outlet />;
}
