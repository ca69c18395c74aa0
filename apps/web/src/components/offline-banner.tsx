import { useTranslation } from 'react-i18next';
import { useOnlineStatus } from '../hooks/use-online-status';

/** Tells the user, politely but visibly, that the device has no connection. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const online = useOnlineStatus();
  return (
    <div role="status" aria-live="polite" className={online ? 'visually-hidden' : 'offline-banner'}>
      {online ? '' : t('offline.banner')}
    </div>
  );
}
