import type { TFunction } from 'i18next';
import { canAssignRole, roles, type Role } from '@safeschools/domain';
import type { SelectOption } from '../../components/select-field';

/**
 * Translated role options. Roles the actor may not hand out are left out, except `current` (a user's
 * present role), which is shown but disabled so the select can display it.
 */
export function roleOptions(t: TFunction, actor: Role, current?: Role): SelectOption[] {
  return roles
    .filter((role) => canAssignRole(actor, role) || role === current)
    .map((role) => ({ value: role, label: t(`roles.${role}`), disabled: !canAssignRole(actor, role) }));
}
