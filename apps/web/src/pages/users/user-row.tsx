import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateUser } from '@safeschools/contract';
import type { Role } from '@safeschools/domain';
import { api } from '../../api/client';
import { ChannelOrder, usableChannels, type Channel } from '../../components/channel-order';
import { errorMessage } from '../../api/errors';
import { roleOptions } from './role-options';
import { ScopeSummary } from './scope-summary';
import type { User } from './types';

type Status = User['status'];

interface UserRowProps {
  user: User;
  actorRole: Role;
  onSaved: (user: User) => void;
}

/** One user, with their role and status editable in place. */
export function UserRow({ user, actorRole, onSaved }: UserRowProps) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(user.role);
  const [status, setStatus] = useState<Status>(user.status);
  const [phone, setPhone] = useState(user.phone ?? '');
  const [channels, setChannels] = useState<Channel[]>([...user.channels]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const label = user.name || user.email;
  const hasPhone = phone.trim() !== '';
  const phoneChanged = phone.trim() !== (user.phone ?? '');
  const nextChannels = usableChannels(channels, hasPhone);
  const channelsChanged = nextChannels.join() !== user.channels.join();
  const changed = role !== user.role || status !== user.status || phoneChanged || channelsChanged;

  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const body = {
        version: user.version,
        ...(role !== user.role ? { role } : {}),
        ...(status !== user.status && status !== 'invited' ? { status } : {}),
        ...(phoneChanged ? { phone: hasPhone ? phone.trim() : null } : {}),
        ...(channelsChanged || phoneChanged ? { channels: nextChannels } : {}),
      };
      const saved = await api(updateUser, { params: { id: user.id }, body });
      onSaved(saved);
      setRole(saved.role);
      setStatus(saved.status);
      setPhone(saved.phone ?? '');
      setChannels([...saved.channels]);
      setMessage({ kind: 'ok', text: t('users.saved') });
    } catch (caught) {
      setMessage({ kind: 'error', text: errorMessage(t, caught) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr>
      <th scope="row" data-label={t('users.columns.name')}>
        <span className="user-name">{user.name || t('users.noName')}</span>
        <span className="muted small">{user.email}</span>
      </th>
      <td data-label={t('users.columns.role')}>
        <select
          aria-label={t('users.roleFor', { name: label })}
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
        >
          {roleOptions(t, actorRole, user.role).map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      </td>
      <td data-label={t('users.columns.status')}>
        <select
          aria-label={t('users.statusFor', { name: label })}
          value={status}
          onChange={(event) => setStatus(event.target.value as Status)}
        >
          <option value="invited" disabled>
            {t('users.status.invited')}
          </option>
          <option value="active">{t('users.status.active')}</option>
          <option value="disabled">{t('users.status.disabled')}</option>
        </select>
      </td>
      <td data-label={t('account.users.contact')}>
        <input
          type="tel"
          inputMode="tel"
          className="phone-input"
          aria-label={t('account.users.phoneFor', { name: label })}
          placeholder={t('account.profile.phone')}
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
        />
        <ChannelOrder value={channels} onChange={setChannels} hasPhone={hasPhone} label={t('account.users.channelsFor', { name: label })} />
      </td>
      <td data-label={t('users.columns.scope')}>
        <ScopeSummary scope={user.scope} />
      </td>
      <td data-label={t('users.columns.actions')}>
        <button
          type="button"
          className="button small"
          onClick={() => void save()}
          disabled={!changed || busy}
          aria-label={t('users.saveFor', { name: label })}
        >
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <span aria-live="polite" role={message?.kind === 'error' ? 'alert' : undefined}>
          {message && <span className={message.kind === 'error' ? 'field-error' : 'ok'}>{message.text}</span>}
        </span>
      </td>
    </tr>
  );
}
