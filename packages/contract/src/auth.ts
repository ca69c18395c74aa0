import { z } from 'zod';
import { roles } from '@safeschools/domain';
import { endpoint } from './endpoint.js';
import { NoContent, IdParams } from './common.js';

export const Role = z.enum(roles);
export const Language = z.enum(['en', 'hi', 'ja']);

export const ScopeView = z.object({
  all: z.boolean(),
  areas: z.array(z.object({ id: z.uuid(), name: z.string(), level: z.string() })),
  schools: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const Me = z
  .object({
    id: z.uuid(),
    email: z.email(),
    name: z.string(),
    role: Role,
    language: Language,
    scope: ScopeView,
    permissions: z.array(z.string()),
    /** Send back as the `X-CSRF-Token` header on every cookie-authenticated write. */
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'Me' });

export const LoginBody = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

export const login = endpoint({
  id: 'login',
  method: 'POST',
  path: '/api/v1/auth/login',
  summary: 'Sign in with email and password; sets the session cookie',
  tag: 'auth',
  body: LoginBody,
  response: Me,
  auth: 'public',
});

export const logout = endpoint({
  id: 'logout',
  method: 'POST',
  path: '/api/v1/auth/logout',
  summary: 'End the current session',
  tag: 'auth',
  response: NoContent,
  successStatus: 204,
  auth: 'user',
});

export const me = endpoint({
  id: 'me',
  method: 'GET',
  path: '/api/v1/auth/me',
  summary: 'The signed-in user, their role, scope and CSRF token',
  tag: 'auth',
  response: Me,
  auth: 'user',
});

export const UpdateMeBody = z.object({ language: Language.optional(), name: z.string().min(1).max(200).optional() });
export const updateMe = endpoint({
  id: 'updateMe',
  method: 'PATCH',
  path: '/api/v1/auth/me',
  summary: 'Change one\u2019s own name or language',
  tag: 'auth',
  body: UpdateMeBody,
  response: Me,
  auth: 'user',
});

export const AcceptInvitationBody = z.object({
  token: z.string().min(20).max(200),
  name: z.string().min(1).max(200),
  password: z.string().min(12).max(1024),
});
export const acceptInvitation = endpoint({
  id: 'acceptInvitation',
  method: 'POST',
  path: '/api/v1/auth/invitations/accept',
  summary: 'Set a name and password from an invitation link; signs the new user in',
  tag: 'auth',
  body: AcceptInvitationBody,
  response: Me,
  auth: 'public',
});

export const ApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
});
export const CreatedApiToken = ApiToken.extend({
  /** Shown once; only its hash is stored. */
  token: z.string(),
});
export const listApiTokens = endpoint({
  id: 'listApiTokens',
  method: 'GET',
  path: '/api/v1/auth/tokens',
  summary: 'One\u2019s own personal API tokens',
  tag: 'auth',
  response: z.object({ items: z.array(ApiToken) }),
  auth: 'user',
});
export const createApiToken = endpoint({
  id: 'createApiToken',
  method: 'POST',
  path: '/api/v1/auth/tokens',
  summary: 'Create a personal API token for scripts and the CLI',
  tag: 'auth',
  body: z.object({ name: z.string().min(1).max(100), expiresInDays: z.number().int().min(1).max(366).optional() }),
  response: CreatedApiToken,
  successStatus: 201,
  auth: 'user',
});
export const revokeApiToken = endpoint({
  id: 'revokeApiToken',
  method: 'DELETE',
  path: '/api/v1/auth/tokens/:id',
  summary: 'Revoke one of one\u2019s own API tokens',
  tag: 'auth',
  params: IdParams,
  response: NoContent,
  successStatus: 204,
  auth: 'user',
});
