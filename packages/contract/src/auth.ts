import { z } from 'zod';
import { roles } from '@safeschools/domain';
import { endpoint } from './endpoint.js';
import { NoContent, IdParams } from './common.js';

export const Role = z.enum(roles);
export const Language = z.enum(['en', 'hi', 'ja']);
/** Ways of reaching a person, in the order to try them. */
export const Channel = z.enum(['email', 'sms', 'whatsapp']);
/** Phone as typed (without +: read as an Indian number); stored and returned in E.164, or PHONE_INVALID. */
export const PhoneInput = z.string().max(40).nullable();
export const ChannelsInput = z
  .array(Channel)
  .min(1)
  .max(3)
  .refine((list) => new Set(list).size === list.length, { message: 'Each channel once.' });

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
    /** E.164, or null when none is known. */
    phone: z.string().nullable(),
    channels: z.array(Channel),
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

export const UpdateMeBody = z.object({
  language: Language.optional(),
  name: z.string().min(1).max(200).optional(),
  phone: PhoneInput.optional(),
  /** SMS and WhatsApp need a phone (CHANNEL_NEEDS_ADDRESS). */
  channels: ChannelsInput.optional(),
});
export const updateMe = endpoint({
  id: 'updateMe',
  method: 'PATCH',
  path: '/api/v1/auth/me',
  summary: 'Change one\u2019s own name, language, phone or channels',
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

/** "Do not send on this channel to this address": from an unsubscribe link, an SMS STOP, or one's own settings. */
export const OptOut = z.object({
  channel: Channel,
  address: z.string(),
  source: z.string(),
  createdAt: z.iso.datetime(),
});
export const listMyOptOuts = endpoint({
  id: 'listMyOptOuts',
  method: 'GET',
  path: '/api/v1/auth/me/opt-outs',
  summary: 'The channels one\u2019s own e-mail address and phone are opted out of',
  tag: 'auth',
  response: z.object({ items: z.array(OptOut) }),
  auth: 'user',
});
export const OptOutParams = z.object({ channel: Channel });
export const removeMyOptOut = endpoint({
  id: 'removeMyOptOut',
  method: 'DELETE',
  path: '/api/v1/auth/me/opt-outs/:channel',
  summary: 'Receive messages on this channel again (one\u2019s own address)',
  tag: 'auth',
  params: OptOutParams,
  response: NoContent,
  successStatus: 204,
  auth: 'user',
});

export const RequestPasswordResetBody = z.object({ email: z.email().max(320) });
export const requestPasswordReset = endpoint({
  id: 'requestPasswordReset',
  method: 'POST',
  path: '/api/v1/auth/password-reset',
  summary: 'E-mail a one-hour password reset link; the answer is the same whether or not the account exists',
  tag: 'auth',
  body: RequestPasswordResetBody,
  response: NoContent,
  successStatus: 202,
  auth: 'public',
});
export const ConfirmPasswordResetBody = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(12).max(1024),
});
export const confirmPasswordReset = endpoint({
  id: 'confirmPasswordReset',
  method: 'POST',
  path: '/api/v1/auth/password-reset/confirm',
  summary: 'Set a new password from a reset link; ends every session of the account',
  tag: 'auth',
  body: ConfirmPasswordResetBody,
  response: NoContent,
  successStatus: 204,
  auth: 'public',
});
