import type { FastifyReply, FastifyRequest } from 'fastify';
import type { InboundMessage, StatusUpdate } from '../../channels/channel.js';
import { hookPath } from '../../channels/hook-paths.js';
import {
  answerWhatsAppChallenge,
  parseTwilioInbound,
  parseTwilioStatus,
  parseWebhookInbound,
  parseWebhookStatus,
  parseWhatsAppWebhook,
  verifyTwilioSignature,
  verifyWebhookSignature,
  verifyWhatsAppSignature,
  type FormParams,
} from '../../channels/provider-callbacks.js';
import { applyStatusUpdate } from '../../domain/alerts/apply-status-update.js';
import { receiveInboundReply } from '../../domain/alerts/receive-inbound-reply.js';
import { AuditTrail } from '../../domain/shared/audit.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { problemOf, sendProblem } from '../problem.js';

const HOOK = { config: { auth: 'public', scope: 'public' }, schema: { hide: true } } as const;
const FORM = 'application/x-www-form-urlencoded';
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function formParams(raw: string): FormParams {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const before = params[key];
    params[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return params;
}

function jsonOf(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

/**
 * Provider callbacks: delivery statuses and replies people send (`docs/decisions/0006-alerting.md`). Public, but
 * every request must carry the provider's signature over the exact bytes it sent (hence the raw-body parsers of
 * this scope); a bad or missing one is a 401 and nothing is written. A callback about a message we do not know is
 * logged and answered 200, since providers retry anything else and a retry would not know it better.
 */
export async function registerProviderHooks(app: App, services: Services): Promise<void> {
  const { config, database, jobs } = services;
  await app.register(async (scope) => {
    scope.removeContentTypeParser(['application/json', FORM]);
    scope.addContentTypeParser(['application/json', FORM], { parseAs: 'string', bodyLimit: 256 * 1024 }, (_request, body, done) => done(null, String(body)));
    // The signature is the credential: a browser's session never counts here.
    scope.addHook('onRequest', async (request) => {
      request.cookies = {};
      delete request.headers.authorization;
    });

    const raw = (request: FastifyRequest) => (typeof request.body === 'string' ? request.body : '');
    const refuse = (request: FastifyRequest, reply: FastifyReply, provider: string) => {
      request.log.warn({ provider, path: request.url.split('?')[0] }, 'provider callback refused: bad signature');
      return sendProblem(reply, problemOf('HOOK_SIGNATURE_INVALID', request));
    };

    async function statuses(request: FastifyRequest, updates: StatusUpdate[]): Promise<void> {
      for (const update of updates) {
        const result = await applyStatusUpdate({ database, jobs }, update, new Date());
        if (!result.matched) request.log.info({ provider: update.provider, status: update.status }, 'status callback for an unknown message ignored');
      }
    }
    async function inbound(request: FastifyRequest, messages: InboundMessage[]): Promise<void> {
      for (const message of messages) {
        const result = await database.db.transaction((tx) =>
          receiveInboundReply({ database, tx, actor: null, requestId: request.id, now: new Date(), trail: new AuditTrail() }, message),
        );
        request.log.info({ provider: message.provider, result: result.kind }, 'inbound reply');
      }
    }

    // Twilio signs the full URL it called (our PUBLIC_URL and the path) and the sorted form parameters.
    const twilio = (kind: 'status' | 'inbound') =>
      scope.post(hookPath('twilio', kind), HOOK, async (request, reply) => {
        const params = formParams(raw(request));
        const url = config.PUBLIC_URL ? `${config.PUBLIC_URL.replace(/\/+$/, '')}${request.url}` : undefined;
        const token = config.TWILIO_AUTH_TOKEN;
        if (!token || !url || !verifyTwilioSignature(token, url, params, header(request, 'x-twilio-signature'))) return refuse(request, reply, 'twilio');
        if (kind === 'status') {
          const update = parseTwilioStatus(params);
          await statuses(request, update ? [update] : []);
          return reply.code(200).type('text/plain').send('');
        }
        const message = parseTwilioInbound(params);
        await inbound(request, message ? [message] : []);
        return reply.code(200).type('text/xml').send(EMPTY_TWIML);
      });
    twilio('status');
    twilio('inbound');

    const webhook = (kind: 'status' | 'inbound') =>
      scope.post(hookPath('webhook', kind), HOOK, async (request, reply) => {
        const body = raw(request);
        const secret = config.SMS_WEBHOOK_SECRET;
        const signed = secret && verifyWebhookSignature(secret, header(request, 'x-safeschools-timestamp'), body, header(request, 'x-safeschools-signature'));
        if (!signed) return refuse(request, reply, 'webhook');
        const json = jsonOf(body);
        if (kind === 'status') {
          const update = parseWebhookStatus(json);
          await statuses(request, update ? [update] : []);
        } else {
          const message = parseWebhookInbound(json);
          await inbound(request, message ? [message] : []);
        }
        return reply.code(200).send({ ok: true });
      });
    webhook('status');
    webhook('inbound');

    // WhatsApp Cloud API: one URL for statuses and messages, and the GET challenge when the URL is registered.
    const whatsapp = hookPath('whatsapp', 'status');
    scope.get(whatsapp, HOOK, async (request, reply) => {
      const verifyToken = config.WHATSAPP_VERIFY_TOKEN;
      const challenge = verifyToken ? answerWhatsAppChallenge(request.query as Record<string, unknown>, verifyToken) : null;
      if (challenge === null) return sendProblem(reply, problemOf('FORBIDDEN', request, 'The verify token does not match.'));
      return reply.code(200).type('text/plain').send(challenge);
    });
    scope.post(whatsapp, HOOK, async (request, reply) => {
      const body = raw(request);
      const secret = config.WHATSAPP_APP_SECRET;
      if (!secret || !verifyWhatsAppSignature(secret, body, header(request, 'x-hub-signature-256'))) return refuse(request, reply, 'whatsapp');
      const parsed = parseWhatsAppWebhook(jsonOf(body));
      await statuses(request, parsed.statuses);
      await inbound(request, parsed.messages);
      return reply.code(200).send({ ok: true });
    });
  });
}
