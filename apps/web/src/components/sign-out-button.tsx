import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/use-session';

export function SignOutButton() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const onClick = () => {
    setBusy(true);
    // Even when the server cannot be reached the local session ends; the cookie expires on its own.
    signOut()
      .catch(() => undefined)
      .finally(() => {
        setBusy(false);
        void navigate('/login', { replace: true });
      });
  };
  return (
    <button type="button" className="button secondary small" onClick={onClick} disabled={busy}>
      {t('nav.signOut')}
    </button>
  );
}
