import { useTranslation } from 'react-i18next';
import { TextField } from './text-field';

/** The server's own minimum (domain/auth/passwords.ts). */
export const MIN_PASSWORD = 12;

/** A new password typed twice, as accepting an invitation and resetting a password both ask for it. */
export function NewPasswordFields(props: {
  password: string;
  confirm: string;
  onPassword(value: string): void;
  onConfirm(value: string): void;
  errors: { password?: string | undefined; confirm?: string | undefined };
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('invitation.password')}
        hint={t('invitation.passwordHint', { count: MIN_PASSWORD })}
        type="password"
        name="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        value={props.password}
        onChange={(event) => props.onPassword(event.target.value)}
        error={props.errors.password}
      />
      <TextField
        label={t('invitation.confirmPassword')}
        type="password"
        name="confirm"
        autoComplete="new-password"
        required
        value={props.confirm}
        onChange={(event) => props.onConfirm(event.target.value)}
        error={props.errors.confirm}
      />
    </>
  );
}
