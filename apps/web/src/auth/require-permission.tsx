import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@safeschools/domain';
import { useSession } from './use-session';

export function hasPermission(permissions: readonly string[] | undefined, permission: Permission): boolean {
  return permissions?.includes(permission) ?? false;
}

/** Shows its children only to users whose `Me.permissions` include `permission`. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const permissions = session.status === 'signed-in' ? session.me.permissions : undefined;
  if (!hasPermission(permissions, permission)) {
    return (
      <p role="alert" className="alert">
        {t('errors.FORBIDDEN')}
      </p>
    );
  }
  return <>{children}</>;
}
