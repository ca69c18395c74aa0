import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../auth/require-permission';

export function MainNav({ permissions }: { permissions: readonly string[] }) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();
  // The nav is one row that scrolls sideways on a phone: keep the current page's entry in view.
  useEffect(() => {
    list.current?.querySelector('[aria-current="page"]')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul ref={list}>
        <li>
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
        </li>
        {hasPermission(permissions, 'registry.read') && (
          <li>
            <NavLink to="/schools">{t('nav.schools')}</NavLink>
          </li>
        )}
        {hasPermission(permissions, 'registry.read') && (
          <li>
            <NavLink to="/areas">{t('areas.nav')}</NavLink>
          </li>
        )}
        {hasPermission(permissions, 'registry.read') && (
          <li>
            <NavLink to="/reviews">{t('reviews.nav')}</NavLink>
          </li>
        )}
        {hasPermission(permissions, 'safety.read') && (
          <li>
            <NavLink to="/readiness">{t('nav.readiness')}</NavLink>
          </li>
        )}
        {hasPermission(permissions, 'safety.approve') && (
          <li>
            <NavLink to="/plans">{t('plans.nav')}</NavLink>
          </li>
        )}
        {hasPermission(permissions, 'safety.approve') && (
          <li>
            <NavLink to="/drills/due">{t('drills.dueNav')}</NavLink>
          </li>
        )}
        {hasPermission(permissions, 'events.read') && (
          <li>
            <NavLink to="/events">{t('nav.events')}</NavLink>
          </li>
        )}
        {hasPermission(permissions, 'alerts.manage') && (
          <li>
            <NavLink to="/alert-rules">{t('nav.alertRules')}</NavLink>
          </li>
        )}
        {hasPermission(permissions, 'feeds.manage') && (
          <li>
            <NavLink to="/feeds">{t('nav.feeds')}</NavLink>
          </li>
        )}
        {/* Administrators only: feeds.manage is the permission no other role holds. */}
        {hasPermission(permissions, 'feeds.manage') && (
          <li>
            <NavLink to="/outbox">{t('nav.outbox')}</NavLink>
          </li>
        )}
        {hasPermission(permissions, 'registry.write') && (
          <li>
            <NavLink to="/imports">{t('nav.imports')}</NavLink>
          </li>
        )}
        {hasPermission(permissions, 'users.manage') && (
          <li>
            <NavLink to="/users">{t('nav.users')}</NavLink>
          </li>
        )}
        {hasPermission(permissions, 'users.manage') && (
          <li>
            <NavLink to="/countries/settings">{t('countrySettings.nav')}</NavLink>
          </li>
        )}
        {/* Everyone: on a phone the header hides the account name, so the profile is reached from here. */}
        <li>
          <NavLink to="/profile">{t('account.profile.title')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
