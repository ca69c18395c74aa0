import type { Me } from '@safeschools/contract';
import type { z } from 'zod';
import type { MeView } from '../../domain/auth/describe-me.js';

/** Allow-list: a new column on users never reaches the wire by accident. */
export function presentMe(view: MeView): z.output<typeof Me> {
  const { user } = view;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as z.output<typeof Me>['role'],
    language: user.language as z.output<typeof Me>['language'],
    phone: user.phone,
    channels: user.channels as z.output<typeof Me>['channels'],
    scope: view.scope,
    permissions: view.permissions,
    csrfToken: view.csrfToken,
  };
}
