import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './app-header';
import { OfflineBanner } from './offline-banner';
import { PendingChanges } from '../offline/pending-changes';

/** Header, offline banner, the writes still waiting on this device, and the page. Focus lands on `main` via the skip link. */
export function AppLayout() {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <AppHeader />
      <OfflineBanner />
      <PendingChanges />
      <main id="main" tabIndex={-1} className="page">
        <Outlet />
      </main>
    </>
  );
}
