import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { IdParams, ListQuery, pageOf, SyncFields } from './common.js';
import { Channel, ChannelsInput, Language, PhoneInput, Role, ScopeView } from './auth.js';

export const User = z
  .object({
    ...SyncFields,
    email: z.email(),
    name: z.string(),
    role: Role,
    language: Language,
    /** E.164, or null. */
    phone: z.string().nullable(),
    channels: z.array(Channel),
    status: z.enum(['invited', 'active', 'disabled']),
    scope: ScopeView,
    lastLoginAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'User' });

export const ScopeInput = z.object({
  areaIds: z.array(z.uuid()).max(500).default([]),
  schoolIds: z.array(z.uuid()).max(500).default([]),
});

export const InviteUserBody = z.object({
  /** Client-made UUIDv7, so a retried invitation is the same invitation. */
  id: z.uuid().optional(),
  email: z.email().max(320),
  name: z.string().min(1).max(200).optional(),
  role: Role,
  language: Language.default('en'),
  scope: ScopeInput,
});

export const InvitedUser = z.object({
  user: User,
  /** Link path with the one-time token, to send to the invitee. Shown once. */
  invitationPath: z.string(),
  expiresAt: z.iso.datetime(),
  /** True when the invitation went out by e-mail; false when e-mail is not configured or sending failed. */
  emailed: z.boolean(),
});

export const UpdateUserBody = z.object({
  /** The version this change was based on; a stale one is refused with VERSION_CONFLICT. */
  version: z.number().int(),
  name: z.string().min(1).max(200).optional(),
  role: Role.optional(),
  language: Language.optional(),
  phone: PhoneInput.optional(),
  channels: ChannelsInput.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  scope: ScopeInput.optional(),
});

export const UserListQuery = ListQuery.extend({ q: z.string().max(200).optional() });

export const listUsers = endpoint({
  id: 'listUsers',
  method: 'GET',
  path: '/api/v1/users',
  summary: 'Users within one\u2019s scope',
  tag: 'users',
  query: UserListQuery,
  response: pageOf(User),
  auth: 'user',
});
export const getUser = endpoint({
  id: 'getUser',
  method: 'GET',
  path: '/api/v1/users/:id',
  summary: 'One user',
  tag: 'users',
  params: IdParams,
  response: User,
  auth: 'user',
});
export const inviteUser = endpoint({
  id: 'inviteUser',
  method: 'POST',
  path: '/api/v1/users',
  summary: 'Invite a user with a role and a geographic scope',
  tag: 'users',
  body: InviteUserBody,
  response: InvitedUser,
  successStatus: 201,
  auth: 'user',
});
export const updateUser = endpoint({
  id: 'updateUser',
  method: 'PATCH',
  path: '/api/v1/users/:id',
  summary: 'Change a user\u2019s role, scope, language, phone, channels or status',
  tag: 'users',
  params: IdParams,
  body: UpdateUserBody,
  response: User,
  auth: 'user',
});
