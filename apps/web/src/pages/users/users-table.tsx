import { useTranslation } from 'react-i18next';
import type { Role } from '@safeschools/domain';
import { UserRow } from './user-row';
import type { User } from './types';

interface UsersTableProps {
  users: readonly User[];
  actorRole: Role;
  onSaved: (user: User) => void;
}

export function UsersTable({ users, actorRole, onSaved }: UsersTableProps) {
  const { t } = useTranslation();
  if (users.length === 0) return <p className="muted">{t('users.empty')}</p>;
  return (
    <table className="responsive-table">
      <caption className="visually-hidden">{t('users.tableCaption', { count: users.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('users.columns.name')}</th>
          <th scope="col">{t('users.columns.role')}</th>
          <th scope="col">{t('users.columns.status')}</th>
          <th scope="col">{t('account.users.contact')}</th>
          <th scope="col">{t('users.columns.scope')}</th>
          <th scope="col">{t('users.columns.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <UserRow key={user.id} user={user} actorRole={actorRole} onSaved={onSaved} />
        ))}
      </tbody>
    </table>
  );
}
