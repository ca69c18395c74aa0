import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { inviteUser, type ResponseOf } from '@safeschools/contract';
import type { Role } from '@safeschools/domain';
import { api } from '../../api/client';
import { errorMessage, fieldErrors, type FieldErrors } from '../../api/errors';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { isLanguage, languages, type Language } from '../../i18n/languages';
import { uuidv7 } from '../../lib/uuid-v7';
import { roleOptions } from './role-options';
import { ScopePicker } from './scope-picker';
import type { Area } from './types';

export type Invitation = ResponseOf<typeof inviteUser>;

interface InviteFormProps {
  actorRole: Role;
  onInvited: (invitation: Invitation) => void;
}

export function InviteForm({ actorRole, onInvited }: InviteFormProps) {
  const { t, i18n } = useTranslation();
  const roles = roleOptions(t, actorRole);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<string>(roles.at(-1)?.value ?? '');
  const [language, setLanguage] = useState<Language>(isLanguage(i18n.language) ? i18n.language : 'en');
  const [areas, setAreas] = useState<Area[]>([]);
  // One id per invitation, so a retry after a lost answer is recognised as the same invitation.
  const [id, setId] = useState(uuidv7);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setFields({});
    if (!email.trim()) {
      setFields({ email: t('fieldErrors.required') });
      return;
    }
    setBusy(true);
    try {
      const invitation = await api(inviteUser, {
        body: {
          id,
          email: email.trim(),
          ...(name.trim() ? { name: name.trim() } : {}),
          role: role as Role,
          language,
          scope: { areaIds: areas.map((a) => a.id), schoolIds: [] },
        },
        // A retry after a lost answer replays the first invitation (and its one-time link) instead of failing.
        idempotencyKey: `invite-${id}`,
      });
      onInvited(invitation);
      setEmail('');
      setName('');
      setAreas([]);
      setId(uuidv7());
    } catch (caught) {
      setError(errorMessage(t, caught));
      setFields(fieldErrors(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="stack">
      <TextField
        label={t('invite.email')}
        type="email"
        inputMode="email"
        autoComplete="off"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={fields.email}
      />
      <TextField
        label={t('invite.name')}
        hint={t('invite.nameHint')}
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={fields.name}
      />
      <SelectField
        label={t('invite.role')}
        value={role}
        onChange={(event) => setRole(event.target.value)}
        options={roles}
        error={fields.role}
      />
      <SelectField
        label={t('invite.language')}
        value={language}
        onChange={(event) => isLanguage(event.target.value) && setLanguage(event.target.value)}
        options={languages.map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
        error={fields.language}
      />
      <ScopePicker
        value={areas}
        onChange={setAreas}
        error={fields.scope ?? fields['scope.areaIds'] ?? fields['scope.schoolIds']}
      />
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={busy || !role}>
        {busy ? t('invite.submitting') : t('invite.submit')}
      </button>
    </form>
  );
}
