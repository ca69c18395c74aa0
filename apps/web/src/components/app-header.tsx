import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/use-session';
import { LanguageSwitcher } from './language-switcher';
import { MainNav } from './main-nav';
import { SignOutButton } from './sign-out-button';

export function AppHeader() {
  const { t } = useTranslation();
  const { session } = useSession();
  const me = session.status === 'signed-in' ? session.me : null;
  return (
    <header className="app-header">
      <div className="header-bar">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>{t('app.name')}</span>
        </Link>
        <div className="header-tools">
          <LanguageSwitcher />
          {me && (
            <div className="account">
              <Link to="/profile" className="account-name" title={t('account.profile.title')}>
                {t('nav.signedInAs', { name: me.name || me.email })}
              </Link>
              <SignOutButton />
            </div>
          )}
        </div>
      </div>
      {me && <MainNav permissions={me.permissions} />}
    </header>
  );
}
