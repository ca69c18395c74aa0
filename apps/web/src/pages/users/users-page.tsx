import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/use-session';
import { ErrorPanel } from '../../components/error-panel';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { InvitationResult } from './invitation-result';
import { InviteForm, type Invitation } from './invite-form';
import { UsersTable } from './users-table';
import { useUsers } from './use-users';

export function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'));
  const { session } = useSession();
  const users = useUsers();
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  if (session.status !== 'signed-in') return null;
  const actorRole = session.me.role;

  return (
    <div className="stack">
      <h1>{t('users.title')}</h1>
      <section className="card" aria-labelledby="invite-title">
        <h2 id="invite-title">{t('invite.title')}</h2>
        {invitation ? (
          <InvitationResult invitation={invitation} onDismiss={() => setInvitation(null)} />
        ) : (
          <InviteForm
            actorRole={actorRole}
            onInvited={(result) => {
              setInvitation(result);
              users.upsert(result.user);
            }}
          />
        )}
      </section>
      <section aria-labelledby="users-list-title" aria-busy={users.loading}>
        <h2 id="users-list-title">{t('users.listTitle')}</h2>
        <div aria-live="polite">{users.loading && <p className="muted">{t('common.loading')}</p>}</div>
        {users.error !== null && <ErrorPanel error={users.error} onRetry={users.reload} />}
        {(users.items.length > 0 || (!users.loading && users.error === null)) && (
          <UsersTable users={users.items} actorRole={actorRole} onSaved={users.upsert} />
        )}
        {users.hasMore && (
          <button type="button" className="button secondary" onClick={users.loadMore} disabled={users.loading}>
            {t('common.loadMore')}
          </button>
        )}
      </section>
    </div>
  );
}
